package dev.bazaar.examplebroker.rest;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/** Reads the mandatory and optional parts of OSB requests, refusing malformed ones. */
final class RequestParts {

	private RequestParts() {
	}

	static String required(String field, @Nullable String value) {
		if (value == null || value.isBlank()) {
			throw new MalformedRequest(field + " is required");
		}
		return value;
	}

	/** Parameters as an object; absent or null means none. */
	static ObjectNode parameters(@Nullable JsonNode parameters) {
		if (parameters == null || parameters.isNull() || parameters.isMissingNode()) {
			return JsonNodeFactory.instance.objectNode();
		}
		if (parameters instanceof ObjectNode object) {
			return object;
		}
		throw new MalformedRequest("parameters must be a JSON object");
	}

	static @Nullable ObjectNode optionalParameters(@Nullable JsonNode parameters) {
		return (parameters == null || parameters.isNull()) ? null : parameters(parameters);
	}

	/** A request missing mandatory data or of the wrong shape. */
	static final class MalformedRequest extends RuntimeException {

		MalformedRequest(String message) {
			super(message);
		}

	}

}
