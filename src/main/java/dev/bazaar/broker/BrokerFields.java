package dev.bazaar.broker;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;

import dev.bazaar.shared.FieldMessage;
import dev.bazaar.shared.Identifiers;
import dev.bazaar.shared.InvalidRequest;

import org.jspecify.annotations.Nullable;

/**
 * Checks the fields of a registration, collecting every problem so the user fixes them at
 * once.
 */
public final class BrokerFields {

	private final List<FieldMessage> errors = new ArrayList<>();

	public String name(@Nullable String name) {
		if (name == null || name.isBlank()) {
			return reject("name", "is required");
		}
		return (name.strip().length() > 200) ? reject("name", "must be at most 200 characters") : name.strip();
	}

	public String identifier(@Nullable String identifier) {
		if (identifier == null || identifier.isBlank()) {
			return reject("identifier", "is required; " + Identifiers.RULE);
		}
		return Identifiers.isValid(identifier) ? identifier
				: reject("identifier", "'" + identifier + "' is not allowed; " + Identifiers.RULE);
	}

	public String endpoint(@Nullable String endpoint) {
		if (endpoint == null || endpoint.isBlank()) {
			return reject("endpoint", "is required, for example https://broker.example.com");
		}
		String value = endpoint.strip();
		if (!value.startsWith("http://") && !value.startsWith("https://")) {
			return reject("endpoint", "must start with http:// or https://");
		}
		try {
			URI uri = new URI(value);
			if (uri.getHost() == null || uri.getQuery() != null || uri.getFragment() != null) {
				return reject("endpoint", "must be a URL with a host and no query or fragment");
			}
		}
		catch (URISyntaxException ex) {
			return reject("endpoint", "is not a valid URL: " + ex.getReason());
		}
		if (value.length() > 2000) {
			return reject("endpoint", "must be at most 2000 characters");
		}
		return value.replaceAll("/+$", "");
	}

	public String username(@Nullable String username) {
		if (username == null || username.isEmpty()) {
			return reject("username", "is required");
		}
		if (username.indexOf(':') >= 0) {
			return reject("username",
					"must not contain a colon: HTTP Basic authentication cannot carry such a username");
		}
		return (username.length() > 200) ? reject("username", "must be at most 200 characters") : username;
	}

	public String password(@Nullable String password) {
		if (password == null || password.isEmpty()) {
			return reject("password", "is required");
		}
		return (password.length() > 1000) ? reject("password", "must be at most 1000 characters") : password;
	}

	/** Throws {@link InvalidRequest} listing every problem found, if any. */
	public void check() {
		if (!this.errors.isEmpty()) {
			List<String> parts = this.errors.stream().map((error) -> error.field() + " " + error.message()).toList();
			throw new InvalidRequest("Fix the registration: " + String.join("; ", parts), this.errors);
		}
	}

	private String reject(String field, String message) {
		this.errors.add(new FieldMessage(field, message));
		return "";
	}

}
