package dev.bazaar.catalog.internal;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * Reads the fields of one JSON object of a catalog, reporting each wrong field with its
 * path. An explicit {@code null} counts as absent.
 */
final class FieldReader {

	private final JsonNode node;

	private final String path;

	private final Problems problems;

	FieldReader(JsonNode node, String path, Problems problems) {
		this.node = node;
		this.path = path;
		this.problems = problems;
	}

	String path() {
		return this.path;
	}

	String path(String field) {
		return this.path.isEmpty() ? field : this.path + "." + field;
	}

	void problem(String field, String message) {
		this.problems.add(path(field), message);
	}

	/** A required non-empty string, or {@code ""} when it is wrong (and reported). */
	String requiredString(String field) {
		JsonNode value = value(field);
		if (value == null) {
			problem(field, "missing");
			return "";
		}
		return nonEmptyString(field, value);
	}

	/** A required id or name: a non-empty string Bazaar can store. */
	String requiredIdentifier(String field) {
		String text = requiredString(field);
		if (text.length() > CatalogRules.MAX_IDENTIFIER_LENGTH) {
			problem(field, "must not be longer than " + CatalogRules.MAX_IDENTIFIER_LENGTH + " characters");
		}
		return text;
	}

	/** An optional non-empty string, or null when absent or wrong (and reported). */
	@Nullable String optionalString(String field) {
		JsonNode value = value(field);
		if (value == null) {
			return null;
		}
		String text = nonEmptyString(field, value);
		return text.isEmpty() ? null : text;
	}

	boolean requiredBoolean(String field) {
		JsonNode value = value(field);
		if (value == null) {
			problem(field, "missing");
			return false;
		}
		Boolean flag = bool(field, value);
		return flag != null && flag;
	}

	boolean optionalBoolean(String field, boolean defaultValue) {
		Boolean flag = optionalBoolean(field);
		return (flag != null) ? flag : defaultValue;
	}

	@Nullable Boolean optionalBoolean(String field) {
		JsonNode value = value(field);
		return (value != null) ? bool(field, value) : null;
	}

	@Nullable JsonNode optionalObject(String field) {
		JsonNode value = value(field);
		if (value != null && !value.isObject()) {
			problem(field, "must be an object");
			return null;
		}
		return value;
	}

	@Nullable JsonNode requiredArray(String field) {
		JsonNode value = value(field);
		if (value == null) {
			problem(field, "missing");
			return null;
		}
		if (!value.isArray()) {
			problem(field, "must be an array");
			return null;
		}
		return value;
	}

	void optionalStringArray(String field) {
		JsonNode value = value(field);
		if (value == null) {
			return;
		}
		if (!value.isArray()) {
			problem(field, "must be an array of strings");
			return;
		}
		for (int i = 0; i < value.size(); i++) {
			if (!value.get(i).isString()) {
				problem(field + "[" + i + "]", "must be a string");
			}
		}
	}

	@Nullable Integer optionalNonNegativeInteger(String field) {
		JsonNode value = value(field);
		if (value == null) {
			return null;
		}
		if (!value.isIntegralNumber() || !value.canConvertToInt()) {
			problem(field, "must be an integer");
			return null;
		}
		if (value.intValue() < 0) {
			problem(field, "must not be negative");
			return null;
		}
		return value.intValue();
	}

	private @Nullable JsonNode value(String field) {
		JsonNode value = this.node.get(field);
		return (value == null || value.isNull()) ? null : value;
	}

	private String nonEmptyString(String field, JsonNode value) {
		if (!value.isString()) {
			problem(field, "must be a string");
			return "";
		}
		if (value.stringValue().isBlank()) {
			problem(field, "must not be empty");
			return "";
		}
		return value.stringValue();
	}

	private @Nullable Boolean bool(String field, JsonNode value) {
		if (!value.isBoolean()) {
			problem(field, "must be a boolean");
			return null;
		}
		return value.booleanValue();
	}

}
