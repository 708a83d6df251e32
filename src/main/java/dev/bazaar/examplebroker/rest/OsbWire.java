package dev.bazaar.examplebroker.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.bazaar.examplebroker.internal.ExampleBinding.Credentials;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * Request and response bodies of the OSB endpoints, named after the spec; see
 * <a href="https://github.com/openservicebrokerapi/servicebroker/blob/v2.15/spec.md">OSB
 * API v2.15</a>.
 */
final class OsbWire {

	private OsbWire() {
	}

	/** Body of a provision request. */
	record ProvisionServiceInstanceRequest(@JsonProperty("service_id") @Nullable String serviceId,
			@JsonProperty("plan_id") @Nullable String planId, @Nullable JsonNode parameters) {
	}

	/** Body of an update request. */
	record UpdateServiceInstanceRequest(@JsonProperty("service_id") @Nullable String serviceId,
			@JsonProperty("plan_id") @Nullable String planId, @Nullable JsonNode parameters) {
	}

	/** Body of a binding request. */
	record CreateServiceBindingRequest(@JsonProperty("service_id") @Nullable String serviceId,
			@JsonProperty("plan_id") @Nullable String planId, @Nullable JsonNode parameters) {
	}

	/** Answer to provision and update requests. */
	@JsonInclude(JsonInclude.Include.NON_NULL)
	record ServiceInstanceResponse(@JsonProperty("dashboard_url") String dashboardUrl, @Nullable String operation) {
	}

	/** Answer to a fetch of an instance. */
	record GetServiceInstanceResponse(@JsonProperty("service_id") String serviceId,
			@JsonProperty("plan_id") String planId, @JsonProperty("dashboard_url") String dashboardUrl,
			JsonNode parameters) {
	}

	/**
	 * Answer to binding requests (with credentials when done) and fetches of bindings.
	 */
	@JsonInclude(JsonInclude.Include.NON_NULL)
	record ServiceBindingResponse(@Nullable Credentials credentials, @Nullable JsonNode parameters,
			@Nullable String operation) {
	}

	/** Answer to the deletion of an instance or binding. */
	@JsonInclude(JsonInclude.Include.NON_NULL)
	record DeleteResponse(@Nullable String operation) {
	}

	/** Answer to a last_operation poll. */
	record LastOperationResponse(String state, String description) {
	}

	/** The spec's error body. */
	@JsonInclude(JsonInclude.Include.NON_NULL)
	record ErrorResponse(@Nullable String error, String description) {
	}

}
