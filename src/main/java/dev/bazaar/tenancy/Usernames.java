package dev.bazaar.tenancy;

import dev.bazaar.shared.InvalidRequest;

/**
 * The form of usernames: they travel in HTTP Basic credentials, so no colon and no white
 * space.
 */
final class Usernames {

	private Usernames() {
	}

	static String require(String username) {
		if (username == null || username.isBlank()) {
			throw InvalidRequest.forField("username", "is required");
		}
		if (username.length() > 100) {
			throw InvalidRequest.forField("username", "must be at most 100 characters");
		}
		if (username.chars().anyMatch((c) -> c == ':' || Character.isWhitespace(c) || Character.isISOControl(c))) {
			throw InvalidRequest.forField("username", "must not contain colons, spaces or control characters");
		}
		return username;
	}

}
