package dev.bazaar.instance.internal;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import dev.bazaar.commlog.OperationType;
import dev.bazaar.instance.ServiceInstance;
import dev.bazaar.osbclient.OsbRequest;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Builds the OSB requests for instances and bindings, with the bodies and query
 * parameters of the spec (v2.14) and Bazaar's context object.
 */
final class OsbCalls {

	private static final JsonMapper json = JsonMapper.builder().build();

	private OsbCalls() {
	}

	static OsbRequest provision(ServiceInstance instance, InstanceContext context, @Nullable String parameters) {
		ObjectNode body = json.createObjectNode();
		body.put("service_id", instance.serviceId());
		body.put("plan_id", instance.planId());
		body.put("organization_guid", context.customerIdentifier());
		body.put("space_guid", context.projectIdentifier());
		body.set("context", contextOf(instance, context));
		putParameters(body, parameters);
		return new OsbRequest(OperationType.PROVISION_INSTANCE, "PUT", instancePath(instance),
				Map.of("accepts_incomplete", "true"), json.writeValueAsString(body), instance.planId(),
				instance.id().toString(), identity(context));
	}

	static OsbRequest update(ServiceInstance instance, InstanceContext context, @Nullable String newPlanId,
			@Nullable String parameters) {
		ObjectNode body = json.createObjectNode();
		body.put("service_id", instance.serviceId());
		if (newPlanId != null) {
			body.put("plan_id", newPlanId);
		}
		putParameters(body, parameters);
		body.set("context", contextOf(instance, context));
		ObjectNode previous = body.putObject("previous_values");
		previous.put("service_id", instance.serviceId());
		previous.put("plan_id", instance.planId());
		previous.put("organization_id", context.customerIdentifier());
		previous.put("space_id", context.projectIdentifier());
		String planId = (newPlanId != null) ? newPlanId : instance.planId();
		return new OsbRequest(OperationType.UPDATE_INSTANCE, "PATCH", instancePath(instance),
				Map.of("accepts_incomplete", "true"), json.writeValueAsString(body), planId, instance.id().toString(),
				identity(context));
	}

	static OsbRequest deprovision(ServiceInstance instance, @Nullable InstanceContext context) {
		return new OsbRequest(OperationType.DEPROVISION_INSTANCE, "DELETE", instancePath(instance),
				query(instance.serviceId(), instance.planId(), "accepts_incomplete", "true"), null, instance.planId(),
				instance.id().toString(), (context != null) ? identity(context) : null);
	}

	static OsbRequest pollInstance(ServiceInstance instance, String planId, @Nullable String operation) {
		return new OsbRequest(OperationType.POLL_INSTANCE_LAST_OPERATION, "GET",
				instancePath(instance) + "/last_operation", query(instance.serviceId(), planId, "operation", operation),
				null, planId, instance.id().toString(), null);
	}

	static OsbRequest fetchInstance(ServiceInstance instance) {
		return new OsbRequest(OperationType.FETCH_INSTANCE, "GET", instancePath(instance),
				query(instance.serviceId(), instance.planId(), null, null), null, instance.planId(),
				instance.id().toString(), null);
	}

	static OsbRequest bind(ServiceInstance instance, UUID bindingId, InstanceContext context,
			@Nullable String parameters, boolean acceptsIncomplete) {
		ObjectNode body = json.createObjectNode();
		body.put("service_id", instance.serviceId());
		body.put("plan_id", instance.planId());
		body.set("context", contextOf(instance, context));
		body.putObject("bind_resource");
		putParameters(body, parameters);
		return new OsbRequest(OperationType.BIND, "PUT", bindingPath(instance, bindingId),
				acceptsIncomplete ? Map.of("accepts_incomplete", "true") : Map.of(), json.writeValueAsString(body),
				instance.planId(), instance.id().toString(), identity(context));
	}

	static OsbRequest unbind(ServiceInstance instance, UUID bindingId, @Nullable InstanceContext context,
			boolean acceptsIncomplete) {
		return new OsbRequest(OperationType.UNBIND, "DELETE", bindingPath(instance, bindingId),
				query(instance.serviceId(), instance.planId(), acceptsIncomplete ? "accepts_incomplete" : null, "true"),
				null, instance.planId(), instance.id().toString(), (context != null) ? identity(context) : null);
	}

	static OsbRequest pollBinding(ServiceInstance instance, UUID bindingId, @Nullable String operation) {
		return new OsbRequest(OperationType.POLL_BINDING_LAST_OPERATION, "GET",
				bindingPath(instance, bindingId) + "/last_operation",
				query(instance.serviceId(), instance.planId(), "operation", operation), null, instance.planId(),
				instance.id().toString(), null);
	}

	static OsbRequest fetchBinding(ServiceInstance instance, UUID bindingId) {
		return new OsbRequest(OperationType.FETCH_BINDING, "GET", bindingPath(instance, bindingId),
				query(instance.serviceId(), instance.planId(), null, null), null, instance.planId(),
				instance.id().toString(), null);
	}

	/**
	 * {@code X-Broker-API-Originating-Identity}: the platform name and base64 JSON naming
	 * the user.
	 */
	static @Nullable String identity(InstanceContext context) {
		if (context.userId() == null) {
			return null;
		}
		String value = "{\"user_id\":\"" + context.userId() + "\"}";
		return "bazaar " + Base64.getEncoder().encodeToString(value.getBytes(StandardCharsets.UTF_8));
	}

	private static ObjectNode contextOf(ServiceInstance instance, InstanceContext context) {
		ObjectNode node = json.createObjectNode();
		node.put("platform", "bazaar");
		node.put("customer_id", context.customerIdentifier());
		node.put("project_id", context.projectIdentifier());
		node.put("instance_name", instance.displayName());
		return node;
	}

	private static void putParameters(ObjectNode body, @Nullable String parameters) {
		if (parameters != null) {
			body.set("parameters", json.readTree(parameters));
		}
	}

	private static Map<String, String> query(String serviceId, String planId, @Nullable String name,
			@Nullable String value) {
		Map<String, String> query = new LinkedHashMap<>();
		query.put("service_id", serviceId);
		query.put("plan_id", planId);
		if (name != null && value != null) {
			query.put(name, value);
		}
		return query;
	}

	private static String instancePath(ServiceInstance instance) {
		return "/v2/service_instances/" + instance.id();
	}

	private static String bindingPath(ServiceInstance instance, UUID bindingId) {
		return instancePath(instance) + "/service_bindings/" + bindingId;
	}

}
