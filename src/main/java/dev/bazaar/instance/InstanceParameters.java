package dev.bazaar.instance;

import java.util.List;
import java.util.Map;

import dev.bazaar.catalog.PlanView;
import dev.bazaar.instance.internal.ParameterSchemas;
import dev.bazaar.shared.FieldMessage;
import dev.bazaar.shared.RequestRefused;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.stereotype.Component;

/** Checks parameters against the plan's schemas and keeps them as JSON. */
@Component
class InstanceParameters {

	private static final JsonMapper json = JsonMapper.builder().build();

	private final ParameterSchemas schemas;

	InstanceParameters(ParameterSchemas schemas) {
		this.schemas = schemas;
	}

	@Nullable String forCreate(PlanView plan, @Nullable Map<String, Object> parameters) {
		return checked(plan, "service_instance.create", parameters);
	}

	@Nullable String forUpdate(PlanView plan, @Nullable Map<String, Object> parameters) {
		return checked(plan, "service_instance.update", parameters);
	}

	@Nullable String forBind(PlanView plan, @Nullable Map<String, Object> parameters) {
		return checked(plan, "service_binding.create", parameters);
	}

	/** The instance's parameters after an update that set some of them. */
	@Nullable String merge(@Nullable String existing, @Nullable Map<String, Object> changed) {
		if (changed == null) {
			return existing;
		}
		ObjectNode merged = (existing != null) ? (ObjectNode) json.readTree(existing) : json.createObjectNode();
		merged.setAll((ObjectNode) json.valueToTree(changed));
		return json.writeValueAsString(merged);
	}

	private @Nullable String checked(PlanView plan, String schemaPath, @Nullable Map<String, Object> parameters) {
		if (parameters == null) {
			return null;
		}
		JsonNode node = json.valueToTree(parameters);
		List<FieldMessage> errors = this.schemas.validate(this.schemas.schema(plan.schemas(), schemaPath), node);
		if (!errors.isEmpty()) {
			List<String> parts = errors.stream().map((error) -> error.field() + ": " + error.message()).toList();
			throw new RequestRefused("The parameters do not match the plan's schema: " + String.join("; ", parts),
					errors);
		}
		return json.writeValueAsString(node);
	}

}
