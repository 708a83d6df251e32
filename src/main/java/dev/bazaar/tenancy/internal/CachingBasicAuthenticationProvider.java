package dev.bazaar.tenancy.internal;

import java.util.Optional;

import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;

/**
 * Verifies HTTP Basic credentials through a delegate (user lookup and password hash) only
 * when the same credentials were not verified within the last TTL, and once for all the
 * requests that bring them at the same time; failures are never remembered. See
 * {@code docs/adr/0007-cached-verification-of-basic-credentials.md}.
 */
final class CachingBasicAuthenticationProvider implements AuthenticationProvider {

	private final AuthenticationProvider delegate;

	private final VerifiedCredentials verified;

	CachingBasicAuthenticationProvider(AuthenticationProvider delegate, VerifiedCredentials verified) {
		this.delegate = delegate;
		this.verified = verified;
	}

	@Override
	public Authentication authenticate(Authentication request) {
		if (!this.verified.enabled() || !(request.getCredentials() instanceof String password)) {
			return this.delegate.authenticate(request);
		}
		String username = request.getName();
		Optional<Authentication> known = this.verified.find(username, password);
		if (known.isPresent()) {
			return fresh(known.get(), request);
		}
		// Remembered and shared without credentials: each request gets a token of its
		// own.
		Authentication result = this.verified.verifyOnce(username, password, () -> {
			Authentication verified = this.delegate.authenticate(request);
			return (verified != null && verified.isAuthenticated()) ? fresh(verified, request) : verified;
		});
		return (result != null && result.isAuthenticated()) ? fresh(result, request) : result;
	}

	@Override
	public boolean supports(Class<?> authentication) {
		return this.delegate.supports(authentication);
	}

	/** A new token per request: same user and authorities, this request's details. */
	private static Authentication fresh(Authentication verified, Authentication request) {
		UsernamePasswordAuthenticationToken token = UsernamePasswordAuthenticationToken
			.authenticated(verified.getPrincipal(), null, verified.getAuthorities());
		token.setDetails(request.getDetails());
		return token;
	}

}
