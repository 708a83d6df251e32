package dev.bazaar.tenancy;

import java.util.Optional;

import org.springframework.security.authentication.AuthenticationCredentialsNotFoundException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/** The user of the current request. */
public final class CurrentUser {

	private CurrentUser() {
	}

	/** The signed-in user; fails when nobody is signed in. */
	public static BazaarUser get() {
		return find().orElseThrow(() -> new AuthenticationCredentialsNotFoundException("Sign in first"));
	}

	public static Optional<BazaarUser> find() {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		if (authentication != null && authentication.getPrincipal() instanceof BazaarUser user) {
			return Optional.of(user);
		}
		return Optional.empty();
	}

}
