package dev.bazaar.catalog.internal;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * Checks a plan's {@code schemas}: each {@code parameters} present is a JSON schema
 * object of at most 64kB without external references.
 */
final class SchemaValidation {

	private final Problems problems;

	SchemaValidation(Problems problems) {
		this.problems = problems;
	}

	/** The plan's {@code schemas} as the broker wrote it, or null when it has none. */
	@Nullable String validate(FieldReader plan) {
		JsonNode schemas = plan.optionalObject("schemas");
		if (schemas == null) {
			return null;
		}
		FieldReader reader = new FieldReader(schemas, plan.path("schemas"), this.problems);
		JsonNode instance = reader.optionalObject("service_instance");
		if (instance != null) {
			FieldReader instanceReader = new FieldReader(instance, reader.path("service_instance"), this.problems);
			parameters(instanceReader, "create");
			parameters(instanceReader, "update");
		}
		JsonNode binding = reader.optionalObject("service_binding");
		if (binding != null) {
			parameters(new FieldReader(binding, reader.path("service_binding"), this.problems), "create");
		}
		return CatalogJson.asWritten(schemas);
	}

	private void parameters(FieldReader parent, String operation) {
		JsonNode schema = parent.optionalObject(operation);
		if (schema == null) {
			return;
		}
		FieldReader reader = new FieldReader(schema, parent.path(operation), this.problems);
		JsonNode parameters = reader.optionalObject("parameters");
		if (parameters != null) {
			jsonSchema(parameters, reader.path("parameters"));
		}
	}

	private void jsonSchema(JsonNode parameters, String path) {
		JsonNode version = parameters.get("$schema");
		if (version != null && !version.isString()) {
			this.problems.add(path + ".$schema", "must be a string");
		}
		int bytes = CatalogJson.canonical(parameters).getBytes(StandardCharsets.UTF_8).length;
		if (bytes > CatalogRules.MAX_SCHEMA_BYTES) {
			this.problems.add(path, "must not be larger than 64kB (it has " + bytes + " bytes)");
		}
		List<String> external = new ArrayList<>();
		collectExternalReferences(parameters, external);
		if (!external.isEmpty()) {
			this.problems.add(path, "must not contain external references (" + String.join(", ", external) + ")");
		}
	}

	private static void collectExternalReferences(JsonNode node, List<String> external) {
		JsonNode ref = node.isObject() ? node.get("$ref") : null;
		if (ref != null && ref.isString() && !ref.stringValue().startsWith("#")) {
			external.add("'" + ref.stringValue() + "'");
		}
		if (node.isContainer()) {
			node.values().forEach((child) -> collectExternalReferences(child, external));
		}
	}

}
