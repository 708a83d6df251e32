package dev.bazaar.examplebroker.internal;

import java.util.List;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The example broker's fixed catalog; its ids never change, so that platforms recognise
 * the offerings and plans across catalog refreshes.
 */
public class ExampleCatalog {

	public static final String POSTGRES_ID = "5f0e1e3c-6a51-4c36-9d2b-0b7c1f3a9e01";

	public static final String SMALL_ID = "5f0e1e3c-6a51-4c36-9d2b-0b7c1f3a9e11";

	public static final String LARGE_ID = "5f0e1e3c-6a51-4c36-9d2b-0b7c1f3a9e12";

	public static final String FAILING_ID = "5f0e1e3c-6a51-4c36-9d2b-0b7c1f3a9e13";

	public static final String QUEUE_ID = "5f0e1e3c-6a51-4c36-9d2b-0b7c1f3a9e02";

	public static final String STANDARD_ID = "5f0e1e3c-6a51-4c36-9d2b-0b7c1f3a9e21";

	private final List<ExampleService> services;

	ExampleCatalog(JsonMapper json) {
		JsonNode create = json.readTree(ParameterSchemas.INSTANCE_CREATE);
		JsonNode update = json.readTree(ParameterSchemas.INSTANCE_UPDATE);
		JsonNode binding = json.readTree(ParameterSchemas.BINDING_CREATE);
		this.services = List.of(postgres(create, update, binding), queue());
	}

	public List<ExampleService> services() {
		return this.services;
	}

	/** The names of an offering and plan, for people: "example-postgres / small". */
	public String nameOf(String serviceId, String planId) {
		ExampleService service = service(serviceId);
		return service.name() + " / " + service.plan(planId).map(ExamplePlan::name).orElse(planId);
	}

	/** The service offering of that id; refuses unknown ids as a bad request. */
	ExampleService service(String serviceId) {
		return this.services.stream()
			.filter((service) -> service.id().equals(serviceId))
			.findFirst()
			.orElseThrow(() -> BrokerRefusal.badRequest("Unknown service_id '" + serviceId + "'; see the catalog"));
	}

	/** The plan of that id in that offering; refuses unknown ids as a bad request. */
	ExamplePlan plan(String serviceId, String planId) {
		return service(serviceId).plan(planId)
			.orElseThrow(() -> BrokerRefusal
				.badRequest("Unknown plan_id '" + planId + "' for service_id '" + serviceId + "'; see the catalog"));
	}

	private static ExampleService postgres(JsonNode create, JsonNode update, JsonNode binding) {
		return new ExampleService(POSTGRES_ID, "example-postgres",
				"A pretend PostgreSQL database from Bazaar's example broker; bindings return credentials", true, true,
				List.of("postgresql", "relational", "example"),
				List.of(new ExamplePlan(SMALL_ID, "small", "1 vCPU, provisioned at once; free", true,
						PlanMode.SYNCHRONOUS, null, create, update, binding),
						new ExamplePlan(LARGE_ID, "large", "4 vCPU, provisioned asynchronously in a few seconds", false,
								PlanMode.ASYNCHRONOUS, 600, create, update, binding),
						new ExamplePlan(FAILING_ID, "failing",
								"Provisioning always fails after a few seconds, to show how failures look", true,
								PlanMode.FAILING, 600, null, null, null)));
	}

	private static ExampleService queue() {
		return new ExampleService(QUEUE_ID, "example-queue",
				"A pretend message queue from Bazaar's example broker; not bindable", false, false,
				List.of("queue", "example"), List.of(new ExamplePlan(STANDARD_ID, "standard",
						"One queue, provisioned at once; free", true, PlanMode.SYNCHRONOUS, null, null, null, null)));
	}

}
