package dev.bazaar.examplebroker.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;

import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/**
 * Accepts only the example broker's own configured credentials; local to its filter
 * chain, so Bazaar's users cannot call the broker and the broker's user cannot use
 * Bazaar.
 */
final class BrokerCredentials implements AuthenticationProvider {

	private final byte[] username;

	private final byte[] password;

	BrokerCredentials(String username, String password) {
		this.username = username.getBytes(StandardCharsets.UTF_8);
		this.password = password.getBytes(StandardCharsets.UTF_8);
	}

	@Override
	public Authentication authenticate(Authentication authentication) {
		String name = authentication.getName();
		Object credentials = authentication.getCredentials();
		// Both compared in constant time, so timing does not reveal which one was wrong.
		boolean userMatches = MessageDigest.isEqual(this.username, name.getBytes(StandardCharsets.UTF_8));
		boolean passwordMatches = credentials != null
				&& MessageDigest.isEqual(this.password, credentials.toString().getBytes(StandardCharsets.UTF_8));
		if (!userMatches || !passwordMatches) {
			throw new BadCredentialsException("Wrong example broker credentials");
		}
		return UsernamePasswordAuthenticationToken.authenticated(name, null,
				List.of(new SimpleGrantedAuthority("ROLE_PLATFORM")));
	}

	@Override
	public boolean supports(Class<?> authentication) {
		return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
	}

}
