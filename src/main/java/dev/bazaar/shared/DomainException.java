package dev.bazaar.shared;

import java.util.List;

/**
 * Base of the exceptions domain code throws; each kind maps to one HTTP status in the API
 * and to a message in the UI. The message always tells a person what to do.
 */
public abstract class DomainException extends RuntimeException {

	private final List<FieldMessage> errors;

	protected DomainException(String message, List<FieldMessage> errors) {
		super(message);
		this.errors = List.copyOf(errors);
	}

	/** Field-level errors, possibly empty. */
	public List<FieldMessage> errors() {
		return this.errors;
	}

	/** A short title for the kind of error. */
	public abstract String title();

}
