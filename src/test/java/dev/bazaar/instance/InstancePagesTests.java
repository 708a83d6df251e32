package dev.bazaar.instance;

import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.bazaar.support.BazaarTest;
import dev.bazaar.support.Tenants;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The consumer's pages against a fake broker whose catalog has a plan with parameter
 * schemas.
 */
@BazaarTest
@AutoConfigureMockMvc
class InstancePagesTests {

	private static final JsonMapper json = JsonMapper.builder().build();

	/** The test catalog with a third plan whose schemas describe its parameters. */
	static final String SCHEMA_CATALOG = """
			{"services": [{
			  "name": "fake-database", "id": "acb56d7c-XXXX-11e4-a4cf-d0a1a4c1e7a1",
			  "description": "A fake database for tests", "bindable": true, "plan_updateable": true,
			  "plans": [
			    {"id": "d3031751-XXXX-0001", "name": "small", "description": "A small database", "free": true},
			    {"id": "d3031751-XXXX-0002", "name": "large", "description": "A large database", "free": false},
			    {"id": "d3031751-XXXX-0003", "name": "configurable", "description": "A database you size", "free": false,
			     "schemas": {
			       "service_instance": {
			         "create": {"parameters": {
			           "$schema": "http://json-schema.org/draft-04/schema#", "type": "object",
			           "properties": {
			             "storage_gb": {"type": "integer", "title": "Storage (GB)", "description": "Gigabytes of disk",
			                            "minimum": 1, "maximum": 100, "default": 10},
			             "engine": {"type": "string", "enum": ["postgres", "mysql"], "default": "postgres"},
			             "owner": {"type": "string", "title": "Owner", "minLength": 1},
			             "backups": {"type": "boolean", "title": "Daily backups", "default": true},
			             "labels": {"type": "object", "title": "Labels"}
			           },
			           "required": ["owner"]}},
			         "update": {"parameters": {"type": "object",
			           "properties": {"storage_gb": {"type": "integer", "title": "Storage (GB)", "minimum": 1, "maximum": 100}}}}
			       },
			       "service_binding": {"create": {"parameters": {"type": "object",
			         "properties": {"role": {"type": "string", "title": "Role", "enum": ["read", "write"], "default": "read"}}}}}
			     }}
			  ]
			}]}
			""";

	@Autowired
	MockMvc mvc;

	@LocalServerPort
	int port;

	InstanceFixture fixture;

	@BeforeEach
	void start() {
		this.fixture = InstanceFixture.start(this.port);
		withSchemaPlan(this.fixture);
	}

	@AfterEach
	void stop() {
		this.fixture.close();
	}

	@Test
	void marketplaceListsTheBrokersServicesWithTheirPlans() throws Exception {
		this.mvc.perform(employee(get("/projects/shop/marketplace")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("fake-database")))
			.andExpect(content().string(containsString("A fake database for tests")))
			.andExpect(content().string(containsString(broker())))
			.andExpect(content().string(containsString("configurable")))
			.andExpect(content().string(containsString("Free")))
			.andExpect(content().string(containsString("Paid")));
		this.mvc.perform(employee(get(servicePage())))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Create Instance")))
			.andExpect(content().string(containsString("/projects/shop/instances/new?marketplace=private&amp;broker="
					+ broker() + "&amp;service=" + this.fixture.broker.serviceId())));
	}

	@Test
	void generatesTheCreateFormFromThePlansSchema() throws Exception {
		this.mvc.perform(employee(get(newInstance(3))))
			.andExpect(status().isOk())
			.andExpect(content().string(matchesPattern("(?s).*<input type=\"number\"\\s+name=\"parameters.storage_gb\""
					+ " id=\"param-storage_gb\" value=\"10\"\\s+step=\"1\" min=\"1\" max=\"100\">.*")))
			.andExpect(content().string(containsString("Storage (GB)")))
			.andExpect(content().string(containsString("Gigabytes of disk")))
			.andExpect(content().string(matchesPattern(
					"(?s).*<select name=\"parameters.engine\".*<option value=\"postgres\" selected=\"selected\">postgres</option>.*")))
			.andExpect(content().string(matchesPattern(
					"(?s).*<input type=\"checkbox\" name=\"parameters.backups\" id=\"param-backups\" value=\"true\" checked=\"checked\">.*")))
			.andExpect(content().string(
					matchesPattern("(?s).*Owner</span>\\s*<span class=\"required\" title=\"required\">\\*</span>.*")))
			.andExpect(content().string(matchesPattern(
					"(?s).*<textarea class=\"json\" rows=\"4\" spellcheck=\"false\"\\s+name=\"parameters.labels\".*")))
			.andExpect(content().string(not(containsString("name=\"parametersJson\""))));
	}

	@Test
	void offersAJsonEditorWhereThePlanHasNoSchema() throws Exception {
		this.mvc.perform(employee(get(newInstance(1))))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("name=\"parametersJson\"")));
		this.mvc.perform(employee(post(newInstance(1))).param("displayName", "db").param("parametersJson", "[1, 2]"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("must be a JSON object")))
			.andExpect(content().string(containsString("[1, 2]")));
		assertThat(this.fixture.count(WireMock.putRequestedFor(WireMock.anyUrl()))).isZero();
	}

	@Test
	void showsSchemaErrorsBesideTheirFieldsAndSendsNothing() throws Exception {
		this.mvc
			.perform(employee(post(newInstance(3))).param("displayName", "db")
				.param("parameters.storage_gb", "500")
				.param("parameters.engine", "mysql")
				.param("parameters.owner", ""))
			.andExpect(status().isOk())
			.andExpect(content().string(matchesPattern("(?s).*name=\"parameters.storage_gb\"[^>]*value=\"500\"[^>]*"
					+ "class=\"invalid\">\\s*<p class=\"field-error\">[^<]*100[^<]*</p>.*")))
			.andExpect(content().string(matchesPattern("(?s).*name=\"parameters.owner\"[^>]*class=\"invalid\">\\s*"
					+ "<p class=\"field-error\">[^<]*</p>.*")))
			.andExpect(content().string(containsString("<option value=\"mysql\" selected=\"selected\">")));
		this.mvc
			.perform(employee(post(newInstance(3))).param("displayName", "")
				.param("parameters.storage_gb", "ten")
				.param("parameters.owner", "me"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("must be a whole number")))
			.andExpect(content().string(matchesPattern(
					"(?s).*id=\"displayName\"[^>]*class=\"invalid\"[^>]*>\\s*<p class=\"field-error\">is required</p>.*")));
		assertThat(this.fixture.count(WireMock.putRequestedFor(WireMock.anyUrl()))).isZero();
		assertThat(this.fixture.user().get(this.fixture.instancesPath()).json()).isEmpty();
	}

	@Test
	void createsAnInstanceWithTypedParametersAndShowsItsPage() throws Exception {
		this.fixture.stub(InstanceFixture.provision(), 201, "{\"dashboard_url\":\"https://dash.example/db\"}");
		MvcResult result = this.mvc
			.perform(employee(post(newInstance(3))).param("displayName", "orders db")
				.param("parameters.storage_gb", "20")
				.param("parameters.engine", "mysql")
				.param("parameters.owner", "team-a")
				.param("parameters.labels", "{\"tier\": \"gold\"}"))
			.andExpect(redirectedUrlPattern("/projects/shop/instances/*"))
			.andReturn();
		JsonNode sent = provisionBody();
		assertThat(sent.get("parameters").get("storage_gb").isIntegralNumber()).isTrue();
		assertThat(sent.get("parameters").get("storage_gb").asInt()).isEqualTo(20);
		assertThat(sent.get("parameters").get("backups").asBoolean()).isFalse();
		assertThat(sent.get("parameters").get("labels").get("tier").asString()).isEqualTo("gold");
		this.mvc.perform(employee(get(result.getResponse().getRedirectedUrl())))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("orders db")))
			.andExpect(content().string(containsString("https://dash.example/db")))
			.andExpect(content().string(containsString("Succeeded")))
			.andExpect(content().string(not(containsString("every 2s"))));
		this.mvc.perform(employee(get("/projects/shop/instances")))
			.andExpect(content().string(containsString("orders db")))
			.andExpect(content().string(containsString("configurable")));
	}

	@Test
	void pollsTheStatusWhileAnOperationRuns() throws Exception {
		this.fixture.stub(InstanceFixture.provision(), 202, "{}");
		this.fixture.stub(InstanceFixture.lastOperation(), 200, "{\"state\":\"in progress\"}");
		String id = this.fixture.create("db").json().get("id").asString();
		this.mvc.perform(employee(get("/projects/shop/instances/" + id)))
			.andExpect(content().string(containsString("hx-trigger=\"every 2s\"")))
			.andExpect(content().string(containsString("hx-get=\"/projects/shop/instances/" + id + "/live\"")))
			.andExpect(content().string(not(containsString("Delete instance"))));
		this.mvc.perform(employee(get("/projects/shop/instances/" + id + "/live")))
			.andExpect(status().isOk())
			.andExpect(content().string(matchesPattern("(?s)\\s*<div id=\"instance-live\".*")))
			.andExpect(content().string(not(containsString("<html"))));
	}

	@Test
	void deletesAnInstanceAfterAConfirmation() throws Exception {
		this.fixture.stub(InstanceFixture.provision(), 201, "{}");
		this.fixture.stub(InstanceFixture.deprovision(), 200, "{}");
		String id = this.fixture.create("to delete").json().get("id").asString();
		String page = "/projects/shop/instances/" + id;
		this.mvc.perform(employee(get(page)))
			.andExpect(content().string(containsString("href=\"" + page + "/delete\"")));
		this.mvc.perform(employee(get(page + "/delete")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Delete to delete?")))
			.andExpect(content().string(containsString("action=\"" + page + "/delete\"")));
		assertThat(this.fixture.deprovisionsOf(id)).isZero();
		this.mvc.perform(employee(post(page + "/delete"))).andExpect(redirectedUrl("/projects/shop/instances"));
		assertThat(this.fixture.deprovisionsOf(id)).isOne();
		this.mvc.perform(employee(get(page))).andExpect(status().isNotFound());
	}

	@Test
	void renamesAnInstanceAndChangesItsPlan() throws Exception {
		this.fixture.stub(InstanceFixture.provision(), 201, "{}");
		this.fixture.stub(InstanceFixture.update(), 200, "{}");
		String id = this.fixture.create("db").json().get("id").asString();
		String page = "/projects/shop/instances/" + id;
		this.mvc.perform(employee(get(page)))
			.andExpect(content().string(containsString("name=\"planId\"")))
			.andExpect(content().string(containsString("name=\"parametersJson\"")));
		this.mvc
			.perform(employee(post(page + "/update")).param("displayName", "renamed")
				.param("planId", planId(2))
				.param("parametersJson", ""))
			.andExpect(redirectedUrl(page));
		assertThat(this.fixture.count(WireMock.patchRequestedFor(WireMock.urlPathEqualTo("/v2/service_instances/" + id))
			.withRequestBody(WireMock.containing(planId(2))))).isOne();
		this.mvc.perform(employee(get(page)))
			.andExpect(content().string(containsString("renamed")))
			.andExpect(content().string(containsString("large")));
	}

	@Test
	void offersToRetryADeleteThatFailed() throws Exception {
		this.fixture.stub(InstanceFixture.provision(), 201, "{}");
		this.fixture.stub(InstanceFixture.deprovision(), 422, "{\"description\":\"still in use\"}");
		String id = this.fixture.create("db").json().get("id").asString();
		String page = "/projects/shop/instances/" + id;
		this.mvc.perform(employee(post(page + "/delete"))).andExpect(redirectedUrl(page));
		this.mvc.perform(employee(get(page)))
			.andExpect(content().string(containsString("Retry delete")))
			.andExpect(content().string(containsString("still in use")));
		this.fixture.stub(InstanceFixture.deprovision(), 200, "{}");
		this.mvc.perform(employee(post(page + "/delete"))).andExpect(redirectedUrl("/projects/shop/instances"));
		this.mvc.perform(employee(get(page + "/live")))
			.andExpect(header().string("HX-Redirect", "/projects/shop/instances"));
	}

	@Test
	void showsCredentialsOnlyWhenAskedFor() throws Exception {
		this.fixture.stub(InstanceFixture.provision(), 201, "{}");
		this.fixture.stub(InstanceFixture.bind(), 201, "{\"credentials\":{\"password\":\"s3cr3t-pw\"}}");
		String id = this.fixture.create("db").json().get("id").asString();
		String page = "/projects/shop/instances/" + id;
		MvcResult result = this.mvc.perform(employee(post(page + "/bindings")).param("displayName", "app"))
			.andExpect(redirectedUrlPattern(page + "/bindings/*"))
			.andReturn();
		String binding = result.getResponse().getRedirectedUrl();
		this.mvc.perform(employee(get(binding)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Show credentials")))
			.andExpect(content().string(containsString("hx-get=\"" + binding + "/credentials\"")))
			.andExpect(content().string(not(containsString("s3cr3t-pw"))));
		this.mvc.perform(employee(get(binding + "/credentials")))
			.andExpect(status().isOk())
			.andExpect(header().string("Cache-Control", "no-store"))
			.andExpect(content().string(containsString("s3cr3t-pw")));
		this.mvc.perform(employee(get(page)))
			.andExpect(content().string(containsString("app")))
			.andExpect(content().string(not(containsString("s3cr3t-pw"))));
		this.mvc.perform(employee(get(binding + "/unbind")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Delete binding app?")));
	}

	@Test
	void answersOthersWithNotFoundAndWrongRolesWithForbidden() throws Exception {
		this.fixture.stub(InstanceFixture.provision(), 201, "{}");
		String id = this.fixture.create("db").json().get("id").asString();
		Tenants.TestCustomer other = Tenants.aCustomer(this.port);
		for (String path : new String[] { "/projects/shop/instances/" + id, "/projects/shop/instances",
				"/projects/shop/marketplace" }) {
			this.mvc.perform(page(get(path), other.identifier() + "-employee"))
				.andExpect(status().isNotFound())
				.andExpect(content().string(containsString("Page not found")))
				.andExpect(content().string(not(containsString("There is no service instance"))))
				.andExpect(content().string(not(containsString("has no"))));
		}
		this.mvc.perform(page(get("/projects/shop/instances"), "admin"))
			.andExpect(status().isForbidden())
			.andExpect(content().string(not(containsString("customer's users"))));
		this.mvc.perform(employee(get("/failed-instances")))
			.andExpect(status().isForbidden())
			.andExpect(content().string(containsString("Not allowed")));
	}

	@Test
	void listsFailedInstancesOfTheCustomersBrokersForItsAdmins() throws Exception {
		this.fixture.stub(InstanceFixture.provision(), 400, "{\"description\":\"bad size\"}");
		this.mvc.perform(employee(post(newInstance(3))).param("displayName", "broken").param("parameters.owner", "me"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("bad size")));
		String id = this.fixture.user().get(this.fixture.instancesPath()).json().get(0).get("id").asString();
		this.mvc.perform(page(get("/failed-instances"), this.fixture.customer.adminUsername()))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("broken")))
			.andExpect(content().string(containsString(this.fixture.customer.identifier())))
			.andExpect(content().string(containsString("configurable")))
			.andExpect(content().string(containsString("bad size")))
			.andExpect(content()
				.string(containsString("href=\"/service-brokers/" + broker() + "/logs?instanceId=" + id + "\"")));
		this.mvc.perform(page(get("/projects"), this.fixture.customer.adminUsername()))
			.andExpect(content().string(containsString("href=\"/failed-instances\"")));
	}

	/**
	 * Serves the fake broker's catalog with a third plan, {@code configurable}, whose
	 * schemas describe instance and binding parameters, and refreshes it.
	 */
	static void withSchemaPlan(InstanceFixture fixture) {
		String suffix = fixture.broker.serviceId().split("-")[1];
		String catalog = SCHEMA_CATALOG.replace("XXXX", suffix);
		fixture.broker.serveCatalog(catalog);
		var reply = fixture.customer.admin()
			.post("/api/service-brokers/fake-" + fixture.customer.identifier() + "/catalog/refresh", null);
		assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
	}

	private JsonNode provisionBody() {
		LoggedRequest request = this.fixture.broker.server()
			.findAll(WireMock.putRequestedFor(WireMock.urlPathMatching("/v2/service_instances/[^/]+")))
			.get(0);
		return json.readTree(request.getBodyAsString());
	}

	private String broker() {
		return "fake-" + this.fixture.customer.identifier();
	}

	private String servicePage() {
		return "/projects/shop/marketplace/private/" + broker() + "/" + this.fixture.broker.serviceId();
	}

	@Test
	void linksTheInstanceToItsCallsForThoseWhoMayReadTheBrokersLogs() throws Exception {
		String id = this.fixture.provisioned("logged");
		String page = "/projects/shop/instances/" + id;
		String calls = "/service-brokers/" + broker() + "/logs?instanceId=" + id;

		this.mvc.perform(page(get(page), this.fixture.customer.adminUsername()))
			.andExpect(content().string(containsString(calls)));
		this.mvc.perform(employee(get(page))).andExpect(content().string(not(containsString("Calls to the broker"))));
	}

	@Test
	void refreshesAnInstancesDetailsFromABrokerThatLetsItBeFetched() throws Exception {
		try (InstanceFixture retrievable = InstanceFixture.start(this.port, (catalog) -> catalog
			.replace("\"plan_updateable\": true,", "\"plan_updateable\": true, \"instances_retrievable\": true,"))) {
			String id = retrievable.provisioned("db");
			retrievable.stub(WireMock.get(WireMock.urlPathEqualTo("/v2/service_instances/" + id)), 200,
					"{\"dashboard_url\":\"https://dashboard.example/new\"}");
			String page = "/projects/shop/instances/" + id;
			String employee = retrievable.customer.identifier() + "-employee";

			this.mvc.perform(page(get(page), employee))
				.andExpect(content().string(containsString("Refresh from broker")));
			this.mvc.perform(page(post(page + "/refresh"), employee)).andExpect(status().is3xxRedirection());

			assertThat(retrievable.user().get("/api/service-instances/" + id).json().get("dashboardUrl").asString())
				.isEqualTo("https://dashboard.example/new");
		}
		this.mvc.perform(employee(get("/projects/shop/instances/" + this.fixture.provisioned("plain"))))
			.andExpect(content().string(not(containsString("Refresh from broker"))));
	}

	private String newInstance(int plan) {
		return "/projects/shop/instances/new?marketplace=private&broker=" + broker() + "&service="
				+ this.fixture.broker.serviceId() + "&plan=" + planId(plan);
	}

	private String planId(int plan) {
		return "d3031751-" + this.fixture.broker.serviceId().split("-")[1] + "-000" + plan;
	}

	private MockHttpServletRequestBuilder employee(MockHttpServletRequestBuilder request) {
		return page(request, this.fixture.customer.identifier() + "-employee");
	}

	private MockHttpServletRequestBuilder page(MockHttpServletRequestBuilder request, String username) {
		String password = "admin".equals(username) ? "admin-password" : Tenants.PASSWORD;
		return request.accept(MediaType.TEXT_HTML).with(httpBasic(username, password)).with(csrf());
	}

}
