package dev.bazaar.shared;

/** Checks of required text fields that produce messages a person can act on. */
public final class Texts {

	private Texts() {
	}

	/**
	 * Returns the trimmed value, or throws {@link InvalidRequest} when it is missing or
	 * too long.
	 */
	public static String required(String field, String value, int maxLength) {
		if (value == null || value.isBlank()) {
			throw InvalidRequest.forField(field, "is required");
		}
		String trimmed = value.strip();
		if (trimmed.length() > maxLength) {
			throw InvalidRequest.forField(field, "must be at most " + maxLength + " characters");
		}
		return trimmed;
	}

}
