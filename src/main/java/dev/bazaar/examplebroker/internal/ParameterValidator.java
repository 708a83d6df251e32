package dev.bazaar.examplebroker.internal;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * Checks parameters against a plan's JSON Schema, as the spec asks brokers to, and
 * explains every violation.
 */
class ParameterValidator {

	private final SchemaRegistry registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_4);

	private final Map<JsonNode, Schema> schemas = new ConcurrentHashMap<>();

	/**
	 * Refuses parameters that violate the schema; a plan without a schema takes no
	 * parameters.
	 */
	void validate(@Nullable JsonNode schema, JsonNode parameters, String what) {
		if (schema == null) {
			if (!parameters.isEmpty()) {
				throw BrokerRefusal.badRequest("The plan takes no " + what + "; send none");
			}
			return;
		}
		List<Error> errors = this.schemas.computeIfAbsent(schema, this.registry::getSchema).validate(parameters);
		if (!errors.isEmpty()) {
			List<String> messages = errors.stream().map(Error::toString).toList();
			throw BrokerRefusal.badRequest("Invalid " + what + ": " + String.join("; ", messages));
		}
	}

}
