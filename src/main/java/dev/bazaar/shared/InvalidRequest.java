package dev.bazaar.shared;

import java.util.List;

/** A malformed request: a missing field, a value of the wrong form. */
public class InvalidRequest extends DomainException {

	public InvalidRequest(String message) {
		super(message, List.of());
	}

	public InvalidRequest(String message, List<FieldMessage> errors) {
		super(message, errors);
	}

	public static InvalidRequest forField(String field, String message) {
		return new InvalidRequest(field + ": " + message, List.of(new FieldMessage(field, message)));
	}

	@Override
	public String title() {
		return "Invalid request";
	}

}
