package dev.bazaar.catalog.internal;

import java.util.List;

import dev.bazaar.catalog.ValidatedCatalog;
import dev.bazaar.catalog.ValidatedCatalog.ServiceOffering;
import dev.bazaar.catalog.ValidatedCatalog.ServicePlan;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.node.ObjectNode;

import static dev.bazaar.catalog.internal.CatalogExamples.plan;
import static dev.bazaar.catalog.internal.CatalogExamples.service;
import static dev.bazaar.catalog.internal.CatalogExamples.specExample;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/** The catalog rules of the OSB spec, starting from the spec's own example catalog. */
class CatalogValidationTests {

	private final CatalogChecks checks = new CatalogChecks();

	@Test
	void acceptsTheSpecExample() {
		ValidatedCatalog catalog = valid(CatalogExamples.text("2.14"), "2.14");
		assertThat(catalog.services()).hasSize(1);
		ServiceOffering service = catalog.services().get(0);
		assertThat(service.id()).isEqualTo("acb56d7c-XXXX-XXXX-XXXX-feb140a59a66");
		assertThat(service.name()).isEqualTo("fake-service");
		assertThat(service.bindable()).isTrue();
		assertThat(service.planUpdateable()).isTrue();
		assertThat(service.instancesRetrievable()).isTrue();
		assertThat(service.bindingsRetrievable()).isTrue();
		assertThat(service.rawJson()).contains("\"displayName\":\"The Fake Service Broker\"").doesNotContain("plans");
		assertThat(service.plans()).extracting(ServicePlan::name).containsExactly("fake-plan-1", "fake-plan-2");
		ServicePlan first = service.plans().get(0);
		assertThat(first.free()).isFalse();
		assertThat(first.bindable()).as("inherited from the service").isTrue();
		assertThat(first.schemas()).contains("billing-account");
		assertThat(service.plans().get(1).schemas()).isNull();
		assertThat(catalog.contentHash()).hasSize(64);
	}

	@Test
	void acceptsTheExampleOfSpec217With217Rules() {
		ValidatedCatalog catalog = valid(CatalogExamples.text("2.17"), "2.17");
		assertThat(catalog.services().get(0).plans().get(0).maintenanceInfoVersion()).isEqualTo("2.1.1+abcdef");
	}

	@Test
	void reportsTheSpecExampleAsPrintedAsNotJson() {
		String printed = CatalogExamples.text("2.14")
			.replace("\"bindings_retrievable\": true", "\"bindings_retrievable\" true");
		assertThat(errors(printed)).singleElement().asString().startsWith("body: not JSON (").contains("line 10");
	}

	@Test
	void keepsUnknownFields() {
		ObjectNode catalog = specExample();
		catalog.put("x-top", 1);
		service(catalog, 0).putObject("x-vendor").put("region", "eu");
		plan(catalog, 0, 1).put("x-plan-extra", true);
		ServiceOffering service = valid(catalog.toString(), "2.14").services().get(0);
		assertThat(service.rawJson()).contains("\"x-vendor\":{\"region\":\"eu\"}");
		assertThat(service.plans().get(1).rawJson()).contains("\"x-plan-extra\":true");
	}

	@Test
	void reportsHtmlAsNotJson() {
		assertThat(errors("<html><body>502 Bad Gateway</body></html>"))
			.containsExactly("body: not JSON (it looks like an HTML or XML page)");
	}

	@Test
	void reportsGarbageAsNotJson() {
		assertThat(errors("services: none")).singleElement().asString().startsWith("body: not JSON (");
		assertThat(errors("")).containsExactly("body: not JSON (the body is empty)");
	}

	@Test
	void reportsJsonThatIsNoObject() {
		assertThat(errors("[{\"services\": []}]")).containsExactly("body: not a JSON object (it is an array)");
		assertThat(errors("\"ok\"")).containsExactly("body: not a JSON object (it is a string)");
	}

	@Test
	void requiresServicesAsAnArray() {
		assertThat(errors("{}")).containsExactly("services: missing");
		assertThat(errors("{\"services\": {}}")).containsExactly("services: must be an array");
		assertThat(errors("{\"services\": [42]}")).containsExactly("services[0]: must be an object");
	}

	@Test
	void acceptsAnEmptyCatalog() {
		assertThat(valid("{\"services\": []}", "2.14").services()).isEmpty();
	}

	@Test
	void takesFreeAsTrueAndBindableFromTheServiceUnlessThePlanSaysOtherwise() {
		ObjectNode catalog = specExample();
		plan(catalog, 0, 0).remove("free");
		plan(catalog, 0, 1).put("bindable", false);
		List<ServicePlan> plans = valid(catalog.toString(), "2.14").services().get(0).plans();
		assertThat(plans.get(0).free()).isTrue();
		assertThat(plans).extracting(ServicePlan::bindable).containsExactly(true, false);
	}

	@Test
	void takesNullAsAbsentForOptionalFields() {
		ObjectNode catalog = specExample();
		service(catalog, 0).putNull("metadata").putNull("tags").putNull("dashboard_client");
		plan(catalog, 0, 0).putNull("schemas").putNull("free");
		assertThat(valid(catalog.toString(), "2.14").services().get(0).plans().get(0).schemas()).isNull();
	}

	@Test
	void refusesAnUnknownApiVersion() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new CatalogValidation().validate("{}", "2.13", OtherBrokersIds.none()));
	}

	@Test
	void hashesContentNotFormatting() {
		String compact = specExample().toString();
		String pretty = CatalogExamples.json.writerWithDefaultPrettyPrinter().writeValueAsString(specExample());
		ObjectNode changed = specExample();
		service(changed, 0).put("description", "Another fake service.");
		assertThat(valid(compact, "2.14").contentHash()).isEqualTo(valid(pretty, "2.14").contentHash())
			.isNotEqualTo(valid(changed.toString(), "2.14").contentHash());
	}

	private List<String> errors(String body) {
		return this.checks.errors(body);
	}

	private ValidatedCatalog valid(String body, String version) {
		return this.checks.valid(body, version);
	}

}
