package dev.bazaar.examplebroker.rest;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.bazaar.examplebroker.internal.ExampleCatalog;
import dev.bazaar.examplebroker.internal.ExamplePlan;
import dev.bazaar.examplebroker.internal.ExampleService;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * The body of {@code GET /v2/catalog}; see <a href=
 * "https://github.com/openservicebrokerapi/servicebroker/blob/v2.15/spec.md#catalog-management">Catalog
 * Management</a>.
 */
record CatalogDocument(List<Service> services) {

	static CatalogDocument of(ExampleCatalog catalog) {
		return new CatalogDocument(catalog.services().stream().map(CatalogDocument::service).toList());
	}

	private static Service service(ExampleService service) {
		return new Service(service.id(), service.name(), service.description(), service.bindable(), true,
				service.bindable(), service.planUpdateable(), service.tags(),
				Map.of("displayName", displayName(service.name()), "providerDisplayName", "Bazaar"),
				service.plans().stream().map(CatalogDocument::plan).toList());
	}

	private static Plan plan(ExamplePlan plan) {
		Schemas schemas = (plan.createSchema() == null) ? null : new Schemas(
				new InstanceSchemas(new Parameters(plan.createSchema()),
						(plan.updateSchema() != null) ? new Parameters(plan.updateSchema()) : null),
				(plan.bindingSchema() != null) ? new BindingSchemas(new Parameters(plan.bindingSchema())) : null);
		return new Plan(plan.id(), plan.name(), plan.description(), plan.free(), plan.maximumPollingDuration(),
				Map.of("displayName", displayName(plan.name())), schemas);
	}

	private static String displayName(String name) {
		String words = name.replace("example-", "").replace('-', ' ');
		return Character.toUpperCase(words.charAt(0)) + words.substring(1);
	}

	/** A Service Offering object. */
	record Service(String id, String name, String description, boolean bindable,
			@JsonProperty("instances_retrievable") boolean instancesRetrievable,
			@JsonProperty("bindings_retrievable") boolean bindingsRetrievable,
			@JsonProperty("plan_updateable") boolean planUpdateable, List<String> tags, Map<String, Object> metadata,
			List<Plan> plans) {
	}

	/** A Service Plan object. */
	@JsonInclude(JsonInclude.Include.NON_NULL)
	record Plan(String id, String name, String description, boolean free,
			@JsonProperty("maximum_polling_duration") @Nullable Integer maximumPollingDuration,
			Map<String, Object> metadata, @Nullable Schemas schemas) {
	}

	/** A Schemas object. */
	@JsonInclude(JsonInclude.Include.NON_NULL)
	record Schemas(@JsonProperty("service_instance") InstanceSchemas serviceInstance,
			@JsonProperty("service_binding") @Nullable BindingSchemas serviceBinding) {
	}

	/** A Service Instance Schema object. */
	@JsonInclude(JsonInclude.Include.NON_NULL)
	record InstanceSchemas(Parameters create, @Nullable Parameters update) {
	}

	/** A Service Binding Schema object. */
	record BindingSchemas(Parameters create) {
	}

	/** An Input Parameters Schema object. */
	record Parameters(JsonNode parameters) {
	}

}
