package dev.bazaar.shared;

import java.util.regex.Pattern;

/**
 * The form of identifiers of customers, projects, locations and brokers: readable,
 * URL-safe, stable.
 */
public final class Identifiers {

	/** Explains the allowed form to a person. */
	public static final String RULE = "use 1 to 63 characters: lowercase letters a-z, digits 0-9 and hyphens (-), "
			+ "starting and ending with a letter or digit";

	private static final Pattern FORM = Pattern.compile("[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?");

	private Identifiers() {
	}

	public static boolean isValid(String identifier) {
		return identifier != null && FORM.matcher(identifier).matches();
	}

	/**
	 * Throws {@link InvalidRequest} naming the field when the identifier has the wrong
	 * form.
	 */
	public static String require(String field, String identifier) {
		if (identifier == null || identifier.isBlank()) {
			throw InvalidRequest.forField(field, "is required; " + RULE);
		}
		if (!isValid(identifier)) {
			throw InvalidRequest.forField(field, "'" + identifier + "' is not allowed; " + RULE);
		}
		return identifier;
	}

}
