package dev.bazaar.catalog.internal;

import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import static dev.bazaar.catalog.internal.CatalogExamples.plan;
import static dev.bazaar.catalog.internal.CatalogExamples.service;
import static dev.bazaar.catalog.internal.CatalogExamples.set;
import static dev.bazaar.catalog.internal.CatalogExamples.specExample;
import static org.assertj.core.api.Assertions.assertThat;

/** One test per rule of the catalog: each breaks the spec example in one place. */
class CatalogRuleTests {

	private final CatalogChecks validation = new CatalogChecks();

	@ParameterizedTest(name = "services[0].{0} = {1}")
	@CsvSource(delimiter = '|', quoteCharacter = '"',
			textBlock = """
					name                         | REMOVE                       | services[0].name: missing
					name                         | ''                           | services[0].name: must not be empty
					name                         | 42                           | services[0].name: must be a string
					id                           | REMOVE                       | services[0].id: missing
					id                           | '  '                         | services[0].id: must not be empty
					description                  | REMOVE                       | services[0].description: missing
					description                  | false                        | services[0].description: must be a string
					bindable                     | REMOVE                       | services[0].bindable: missing
					bindable                     | 'yes'                        | services[0].bindable: must be a boolean
					plans                        | REMOVE                       | services[0].plans: missing
					plans                        | {}                           | services[0].plans: must be an array
					plans                        | []                           | services[0].plans: must contain at least one plan
					plans                        | [1]                          | services[0].plans[0]: must be an object
					tags                         | 'mysql'                      | services[0].tags: must be an array of strings
					tags                         | ['sql', 1]                   | services[0].tags[1]: must be a string
					requires                     | [true]                       | services[0].requires[0]: must be a string
					metadata                     | []                           | services[0].metadata: must be an object
					dashboard_client             | 'sso'                        | services[0].dashboard_client: must be an object
					dashboard_client             | {'id': 'c'}                  | services[0].dashboard_client.redirect_uri: missing
					dashboard_client             | {'redirect_uri': 'u'}        | services[0].dashboard_client.id: missing
					dashboard_client.secret      | 5                            | services[0].dashboard_client.secret: must be a string
					plan_updateable              | 'true'                       | services[0].plan_updateable: must be a boolean
					instances_retrievable        | 1                            | services[0].instances_retrievable: must be a boolean
					bindings_retrievable         | 'no'                         | services[0].bindings_retrievable: must be a boolean
					allow_context_updates        | {}                           | services[0].allow_context_updates: must be a boolean
					""")
	void checksServiceField(String field, String value, String expected) {
		ObjectNode catalog = specExample();
		if (field.startsWith("dashboard_client.")) {
			set(service(catalog, 0), "dashboard_client", "{\"id\": \"c\", \"redirect_uri\": \"u\"}");
		}
		set(service(catalog, 0), field, json(value));
		assertThat(this.validation.errors(catalog)).containsExactly(expected);
	}

	@ParameterizedTest(name = "services[0].plans[0].{0} = {1}")
	@CsvSource(delimiter = '|', quoteCharacter = '"',
			textBlock = """
					id                                           | REMOVE      | id: missing
					name                                         | REMOVE      | name: missing
					name                                         | ''          | name: must not be empty
					description                                  | REMOVE      | description: missing
					description                                  | ['d']       | description: must be a string
					free                                         | 'no'        | free: must be a boolean
					bindable                                     | 0           | bindable: must be a boolean
					plan_updateable                              | 'x'         | plan_updateable: must be a boolean
					metadata                                     | 'm'         | metadata: must be an object
					schemas                                      | []          | schemas: must be an object
					schemas.service_instance                     | 1           | schemas.service_instance: must be an object
					schemas.service_instance.create              | 1           | schemas.service_instance.create: must be an object
					schemas.service_instance.create.parameters   | 'schema'    | schemas.service_instance.create.parameters: must be an object
					schemas.service_instance.update.parameters   | []          | schemas.service_instance.update.parameters: must be an object
					schemas.service_binding.create.parameters    | true        | schemas.service_binding.create.parameters: must be an object
					schemas.service_binding.create.parameters    | {'$schema': 4} | schemas.service_binding.create.parameters.$schema: must be a string
					maximum_polling_duration                     | -1          | maximum_polling_duration: must not be negative
					maximum_polling_duration                     | 1.5         | maximum_polling_duration: must be an integer
					maximum_polling_duration                     | '60'        | maximum_polling_duration: must be an integer
					maintenance_info                             | 'v1'        | maintenance_info: must be an object
					maintenance_info                             | {}          | maintenance_info.version: missing
					maintenance_info                             | {'version': 2} | maintenance_info.version: must be a string
					""")
	void checksPlanField(String field, String value, String expected) {
		ObjectNode catalog = specExample();
		set(plan(catalog, 0, 0), field, json(value));
		assertThat(this.validation.errors(catalog)).containsExactly("services[0].plans[0]." + expected);
	}

	@Test
	void acceptsAValidPollingDurationAndMaintenanceInfo() {
		ObjectNode catalog = specExample();
		set(plan(catalog, 0, 0), "maximum_polling_duration", "3600");
		set(plan(catalog, 0, 0), "maintenance_info", "{\"version\": \"1.0.0\", \"description\": \"new OS\"}");
		var plan = this.validation.valid(catalog.toString(), "2.14").services().get(0).plans().get(0);
		assertThat(plan.maximumPollingDuration()).isEqualTo(3600);
		assertThat(plan.maintenanceInfoVersion()).isEqualTo("1.0.0");
	}

	@Test
	void requiresCliFriendlyNamesIn214Only() {
		ObjectNode catalog = specExample();
		service(catalog, 0).put("name", "Fake Service");
		plan(catalog, 0, 1).put("name", "plan_2");
		assertThat(this.validation.errors(catalog)).containsExactly(
				"services[0].name: 'Fake Service' must only contain alphanumeric characters, periods and hyphens (OSB 2.14)",
				"services[0].plans[1].name: 'plan_2' must only contain alphanumeric characters, periods and hyphens (OSB 2.14)");
		this.validation.valid(catalog.toString(), "2.15");
	}

	@Test
	void requiresASemanticMaintenanceVersionFrom215() {
		ObjectNode catalog = specExample();
		set(plan(catalog, 0, 0), "maintenance_info", "{\"version\": \"v2\"}");
		this.validation.valid(catalog.toString(), "2.14");
		assertThat(this.validation.errors(catalog.toString(), "2.15", OtherBrokersIds.none())).containsExactly(
				"services[0].plans[0].maintenance_info.version: 'v2' must be a semantic version (semver 2.0), for example 1.2.3");
	}

	@Test
	void limitsIdsAndNamesTo255Characters() {
		ObjectNode catalog = specExample();
		plan(catalog, 0, 0).put("id", "p".repeat(256));
		assertThat(this.validation.errors(catalog))
			.containsExactly("services[0].plans[0].id: must not be longer than 255 characters");
	}

	@Test
	void refusesSchemasWithExternalReferences() {
		ObjectNode catalog = specExample();
		set(plan(catalog, 0, 0), "schemas.service_instance.create.parameters.properties.a",
				"{\"$ref\": \"https://example.com/a.json\"}");
		set(plan(catalog, 0, 0), "schemas.service_instance.update.parameters.properties.b",
				"{\"$ref\": \"#/definitions/b\"}");
		assertThat(this.validation.errors(catalog)).containsExactly(
				"services[0].plans[0].schemas.service_instance.create.parameters: must not contain external references ('https://example.com/a.json')");
	}

	@Test
	void refusesSchemasLargerThan64kB() {
		ObjectNode catalog = specExample();
		set(plan(catalog, 0, 0), "schemas.service_binding.create.parameters.description",
				"\"" + "x".repeat(70_000) + "\"");
		assertThat(this.validation.errors(catalog)).singleElement()
			.asString()
			.startsWith("services[0].plans[0].schemas.service_binding.create.parameters: must not be larger than 64kB");
	}

	@Test
	void requiresUniqueServiceNamesAndIds() {
		ObjectNode catalog = specExample();
		ObjectNode copy = service(catalog, 0).deepCopy();
		copy.withArray("plans").forEach((plan) -> ((ObjectNode) plan).put("id", plan.get("id").asString() + "-2"));
		((ArrayNode) catalog.get("services")).add(copy);
		assertThat(this.validation.errors(catalog)).containsExactly(
				"services[1].name: 'fake-service' is also the name of services[0]",
				"services[1].id: 'acb56d7c-XXXX-XXXX-XXXX-feb140a59a66' is also the id of services[0]");
	}

	@Test
	void requiresPlanNamesUniqueWithinTheirServiceAndPlanIdsUniqueAcrossTheCatalog() {
		ObjectNode catalog = specExample();
		ObjectNode other = service(catalog, 0).deepCopy().put("name", "other").put("id", "other-id");
		((ArrayNode) catalog.get("services")).add(other);
		plan(catalog, 0, 1).put("name", "fake-plan-1");
		plan(catalog, 1, 0).put("id", "unique-plan-id");
		assertThat(this.validation.errors(catalog)).containsExactly(
				"services[0].plans[1].name: 'fake-plan-1' is also the name of services[0].plans[0]",
				"services[1].plans[1].id: '0f4008b5-XXXX-XXXX-XXXX-dace631cd648' is also the id of services[0].plans[1]");
	}

	@Test
	void refusesIdsOfAnotherBroker() {
		OtherBrokersIds others = OtherBrokersIds.of(Set.of("acb56d7c-XXXX-XXXX-XXXX-feb140a59a66"),
				Set.of("0f4008b5-XXXX-XXXX-XXXX-dace631cd648"));
		assertThat(this.validation.errors(specExample().toString(), "2.14", others)).containsExactly(
				"services[0].id: 'acb56d7c-XXXX-XXXX-XXXX-feb140a59a66' is used by another broker",
				"services[0].plans[1].id: '0f4008b5-XXXX-XXXX-XXXX-dace631cd648' is used by another broker");
	}

	@Test
	void listsEveryErrorOfACatalog() {
		ObjectNode catalog = specExample();
		service(catalog, 0).remove("description");
		service(catalog, 0).put("bindable", "true");
		plan(catalog, 0, 0).remove("id");
		plan(catalog, 0, 0).put("free", "no");
		plan(catalog, 0, 1).put("name", "fake-plan-1");
		set(plan(catalog, 0, 1), "schemas.service_instance.create.parameters", "[]");
		((ArrayNode) catalog.get("services")).add("oops").add(specExample().get("services").get(0));
		assertThat(this.validation.errors(catalog.toString(), "2.14",
				OtherBrokersIds.of(Set.of(), Set.of("d3031751-XXXX-XXXX-XXXX-a42377d3320e"))))
			.containsExactly("services[0].description: missing", "services[0].bindable: must be a boolean",
					"services[0].plans[0].id: missing", "services[0].plans[0].free: must be a boolean",
					"services[0].plans[1].schemas.service_instance.create.parameters: must be an object",
					"services[0].plans[1].name: 'fake-plan-1' is also the name of services[0].plans[0]",
					"services[1]: must be an object",
					"services[2].plans[1].id: '0f4008b5-XXXX-XXXX-XXXX-dace631cd648' is also the id of services[0].plans[1]",
					"services[2].name: 'fake-service' is also the name of services[0]",
					"services[2].id: 'acb56d7c-XXXX-XXXX-XXXX-feb140a59a66' is also the id of services[0]",
					"services[2].plans[0].id: 'd3031751-XXXX-XXXX-XXXX-a42377d3320e' is used by another broker");
	}

	/** The table's values use single quotes, for readability. */
	private static String json(String value) {
		return "REMOVE".equals(value) ? value : value.replace('\'', '"');
	}

}
