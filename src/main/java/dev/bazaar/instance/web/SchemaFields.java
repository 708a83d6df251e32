package dev.bazaar.instance.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Turns the {@code properties} of a parameters JSON Schema into form inputs: strings,
 * enums, numbers and booleans get their own input, other shapes a JSON textarea.
 */
final class SchemaFields {

	private static final JsonMapper json = JsonMapper.builder().build();

	private SchemaFields() {
	}

	/**
	 * The inputs for the schema's properties, in its order; empty when it has none. For a
	 * change ({@code update}), defaults are not filled in and booleans may stay unset.
	 */
	static Map<String, ParameterField> of(JsonNode schema, boolean update) {
		Map<String, ParameterField> fields = new LinkedHashMap<>();
		JsonNode properties = schema.path("properties");
		if (!properties.isObject()) {
			return fields;
		}
		List<String> required = new ArrayList<>();
		schema.path("required").forEach((name) -> required.add(name.asString()));
		// Catalogs are stored with sorted keys, so the broker's order is lost: required
		// first.
		for (boolean requiredPass : new boolean[] { true, false }) {
			for (Map.Entry<String, JsonNode> property : properties.properties()) {
				String name = property.getKey();
				JsonNode node = property.getValue();
				boolean isRequired = required.contains(name) || node.path("required").asBoolean(false);
				if (isRequired == requiredPass) {
					fields.put(name, field(name, node, isRequired, update));
				}
			}
		}
		return fields;
	}

	private static ParameterField field(String name, JsonNode node, boolean required, boolean update) {
		FieldKind kind = kind(node, update);
		String label = node.path("title").isString() ? node.path("title").asString() : name;
		String hint = node.path("description").isString() ? node.path("description").asString() : null;
		String value = update ? "" : defaultText(node.get("default"), kind);
		return new ParameterField(name, label, hint, kind, required, options(node, kind), number(node, "minimum"),
				number(node, "maximum"), value);
	}

	static FieldKind kind(JsonNode node, boolean update) {
		if (node.path("enum").isArray() && scalars(node.path("enum"))) {
			return FieldKind.SELECT;
		}
		String type = type(node);
		if (type == null) {
			return FieldKind.JSON;
		}
		return switch (type) {
			case "string" -> FieldKind.TEXT;
			case "integer" -> FieldKind.INTEGER;
			case "number" -> FieldKind.NUMBER;
			case "boolean" -> update ? FieldKind.SELECT : FieldKind.CHECKBOX;
			default -> FieldKind.JSON;
		};
	}

	/**
	 * The property's type; of a list such as {@code ["string", "null"]}, the first not
	 * null.
	 */
	private static @Nullable String type(JsonNode node) {
		JsonNode type = node.path("type");
		if (type.isString()) {
			return type.asString();
		}
		for (JsonNode candidate : type) {
			if (candidate.isString() && !"null".equals(candidate.asString())) {
				return candidate.asString();
			}
		}
		return null;
	}

	private static boolean scalars(JsonNode values) {
		for (JsonNode value : values) {
			if (value.isContainer()) {
				return false;
			}
		}
		return !values.isEmpty();
	}

	private static List<String> options(JsonNode node, FieldKind kind) {
		if (kind != FieldKind.SELECT) {
			return List.of();
		}
		if (!node.path("enum").isArray()) {
			return List.of("true", "false");
		}
		List<String> options = new ArrayList<>();
		node.path("enum").forEach((value) -> options.add(value.isNull() ? "null" : value.asString()));
		return options;
	}

	private static String defaultText(@Nullable JsonNode value, FieldKind kind) {
		if (value == null || value.isNull()) {
			return "";
		}
		if (kind == FieldKind.JSON || value.isContainer()) {
			return json.writerWithDefaultPrettyPrinter().writeValueAsString(value);
		}
		return value.asString();
	}

	private static @Nullable String number(JsonNode node, String keyword) {
		JsonNode value = node.path(keyword);
		return value.isNumber() ? value.asString() : null;
	}

}
