package dev.bazaar.shared;

import java.util.List;

/**
 * A well-formed request that Bazaar refuses, for example because a broker's catalog is
 * invalid.
 */
public class RequestRefused extends DomainException {

	public RequestRefused(String message) {
		super(message, List.of());
	}

	public RequestRefused(String message, List<FieldMessage> errors) {
		super(message, errors);
	}

	@Override
	public String title() {
		return "Request refused";
	}

}
