package dev.bazaar.tenancy;

import java.nio.charset.StandardCharsets;

import dev.bazaar.shared.InvalidRequest;

/**
 * The form of passwords: long enough to resist guessing, short enough for bcrypt, which
 * refuses more than 72 bytes.
 */
final class Passwords {

	private static final int MAX_BYTES = 72;

	private Passwords() {
	}

	static String require(String password) {
		if (password == null || password.length() < 8) {
			throw InvalidRequest.forField("password", "must have at least 8 characters");
		}
		if (password.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
			throw InvalidRequest.forField("password",
					"must be at most 72 bytes (72 characters without accents or symbols)");
		}
		return password;
	}

}
