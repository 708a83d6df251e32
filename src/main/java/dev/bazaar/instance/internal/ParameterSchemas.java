package dev.bazaar.instance.internal;

import java.util.ArrayList;
import java.util.List;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import dev.bazaar.shared.FieldMessage;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.stereotype.Component;

/**
 * Validates parameters against a plan's JSON Schemas
 * ({@code schemas.service_instance.create.parameters} and the like) before the broker is
 * called, so users learn what to fix beside each field.
 */
@Component
public class ParameterSchemas {

	private static final JsonMapper json = JsonMapper.builder().build();

	private final SchemaRegistry registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_7);

	/**
	 * The parameters schema at {@code path} (for example {@code service_instance.create})
	 * of a plan's {@code schemas} object, or null.
	 */
	public @Nullable JsonNode schema(@Nullable String schemas, String path) {
		if (schemas == null) {
			return null;
		}
		JsonNode node = json.readTree(schemas);
		for (String part : path.split("\\.")) {
			node = node.path(part);
		}
		JsonNode parameters = node.path("parameters");
		return parameters.isObject() ? parameters : null;
	}

	/**
	 * Every way the parameters break the schema, with fields named like
	 * {@code parameters.storage_gb}.
	 */
	public List<FieldMessage> validate(@Nullable JsonNode schema, JsonNode parameters) {
		if (schema == null) {
			return List.of();
		}
		Schema compiled = this.registry.getSchema(SchemaLocation.DOCUMENT, schema);
		List<FieldMessage> errors = new ArrayList<>();
		for (Error error : compiled.validate(parameters)) {
			errors.add(new FieldMessage(field(error), message(error)));
		}
		return errors;
	}

	private static String field(Error error) {
		// The location is a JSON pointer ("/storage_gb") or a path ("$.storage_gb"): both
		// become dots.
		String location = error.getInstanceLocation().toString().replaceFirst("^\\$", "").replace('/', '.');
		String property = ("required".equals(error.getKeyword()) && error.getProperty() != null)
				? "." + error.getProperty() : "";
		return "parameters" + location + property;
	}

	private static String message(Error error) {
		String message = error.getMessage();
		int colon = message.indexOf(": ");
		return (colon >= 0 && message.startsWith("$")) ? message.substring(colon + 2) : message;
	}

}
