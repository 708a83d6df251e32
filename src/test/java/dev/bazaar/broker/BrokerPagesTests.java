package dev.bazaar.broker;

import com.github.tomakehurst.wiremock.client.BasicCredentials;
import com.github.tomakehurst.wiremock.client.WireMock;
import dev.bazaar.support.Api;
import dev.bazaar.support.BazaarTest;
import dev.bazaar.support.FakeBroker;
import dev.bazaar.support.Tenants;
import dev.bazaar.support.Tenants.TestCustomer;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@BazaarTest
@AutoConfigureMockMvc
class BrokerPagesTests extends BrokerFixture {

	@Autowired
	MockMvc mvc;

	@Test
	void showsFieldErrorsBesideTheirFieldsAndStoresNothing() throws Exception {
		this.mvc
			.perform(asAdmin(post("/service-brokers")).params(form("Bad Id", this.fake.url()))
				.param("username", "user:name"))
			.andExpect(status().isOk())
			.andExpect(content().string(matchesPattern(
					"(?s).*<input[^>]*id=\"identifier\"[^>]*class=\"invalid\"[^>]*>\\s*<p class=\"field-error\">&#39;Bad Id&#39; is not allowed; use 1 to 63 characters.*")))
			.andExpect(content().string(matchesPattern(
					"(?s).*<input[^>]*id=\"username\"[^>]*class=\"invalid\"[^>]*>\\s*<p class=\"field-error\">must not contain a colon.*")))
			.andExpect(content().string(containsString("value=\"MySQL\"")))
			.andExpect(content().string(not(containsString("broker-secret"))));
		assertThat(brokerCount()).isZero();
		assertThat(this.fake.catalogRequests()).isZero();
	}

	@Test
	void showsTheCatalogsErrorsOnTopAndStoresNothing() throws Exception {
		this.fake.serveCatalog("{\"services\": [{\"name\": \"broken\", \"plans\": []}]}");
		this.mvc.perform(asAdmin(post("/service-brokers")).params(form(identifier("invalid"), this.fake.url())))
			.andExpect(status().isOk())
			.andExpect(
					content().string(containsString("Bazaar could not use the broker's catalog, so nothing was saved")))
			.andExpect(content().string(containsString("The broker&#39;s catalog is invalid")))
			.andExpect(
					content().string(matchesPattern("(?s).*<ul class=\"catalog-errors\">\\s*<li>services\\[0\\].*")));
		this.fake.server().stubFor(WireMock.get("/v2/catalog").willReturn(WireMock.aResponse().withStatus(401)));
		this.mvc.perform(asAdmin(post("/service-brokers")).params(form(identifier("denied"), this.fake.url())))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("The broker refused the credentials")));
		assertThat(brokerCount()).isZero();
	}

	@Test
	void registersABrokerAndShowsItsCatalog() throws Exception {
		String identifier = identifier("ok");
		this.mvc.perform(asAdmin(post("/service-brokers")).params(form(identifier, this.fake.url())))
			.andExpect(redirectedUrl("/service-brokers/" + identifier))
			.andExpect(flash().attribute("flash", containsString("Service broker 'MySQL' registered")));
		this.mvc.perform(asAdmin(get("/service-brokers/" + identifier)))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("fake-database"), containsString("small"),
					containsString("large"), containsString(this.fake.planId(1)), containsString("Refresh Catalog"),
					containsString("Communication logs"), containsString("Nothing is sent to the broker"))))
			.andExpect(content().string(not(containsString("broker-secret"))));
		this.mvc.perform(asAdmin(get("/service-brokers")))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString(identifier), containsString(this.fake.url()),
					containsString("Register Service Broker"))));
	}

	@Test
	void editsARegistrationAndKeepsThePasswordWhenLeftEmpty() throws Exception {
		String identifier = registered("edit");
		this.mvc.perform(asAdmin(get("/service-brokers/" + identifier + "/edit")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("value=\"" + identifier + "\" readonly")));
		this.mvc
			.perform(asAdmin(post("/service-brokers/" + identifier + "/edit")).param("name", "MySQL")
				.param("endpoint", "ftp://elsewhere")
				.param("username", FakeBroker.USERNAME)
				.param("password", ""))
			.andExpect(status().isOk())
			.andExpect(content().string(matchesPattern(
					"(?s).*<input[^>]*id=\"endpoint\"[^>]*class=\"invalid\"[^>]*>\\s*<p class=\"field-error\">must start with http:// or https://.*")));
		this.mvc
			.perform(asAdmin(post("/service-brokers/" + identifier + "/edit")).param("name", "MySQL 8")
				.param("endpoint", this.fake.url())
				.param("username", FakeBroker.USERNAME)
				.param("password", ""))
			.andExpect(redirectedUrl("/service-brokers/" + identifier));
		assertThat(this.customer.admin().get("/api/service-brokers/" + identifier).json().get("name").asString())
			.isEqualTo("MySQL 8");
		this.mvc.perform(asAdmin(post("/service-brokers/" + identifier + "/catalog/refresh")))
			.andExpect(flash().attribute("flash", "Catalog refreshed."));
		this.fake.server()
			.verify(WireMock.getRequestedFor(WireMock.urlEqualTo("/v2/catalog"))
				.withBasicAuth(new BasicCredentials(FakeBroker.USERNAME, "broker-secret")));
	}

	@Test
	void showsWhyARefreshFailedAndKeepsTheLastGoodCatalog() throws Exception {
		String identifier = registered("refresh");
		this.fake.stub(WireMock.get("/v2/catalog"), 500, "{\"description\": \"database down\"}");
		this.mvc.perform(asAdmin(post("/service-brokers/" + identifier + "/catalog/refresh")))
			.andExpect(redirectedUrl("/service-brokers/" + identifier))
			.andExpect(flash().attribute("flashError",
					allOf(containsString("the last good catalog stays in use"), containsString("HTTP 500"))));
		this.mvc.perform(asAdmin(get("/service-brokers/" + identifier)))
			.andExpect(content().string(allOf(containsString("The last catalog refresh failed"),
					containsString("database down"), containsString("fake-database"))));
		this.mvc.perform(asAdmin(get("/service-brokers")))
			.andExpect(content().string(containsString("last refresh failed")));
	}

	@Test
	void deletesOnlyWhenTheNameIsTypedExactly() throws Exception {
		String identifier = registered("delete");
		this.mvc.perform(asAdmin(post("/service-brokers/" + identifier + "/delete")).param("confirm", "mysql"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(containsString("confirm with its name exactly")))
			.andExpect(content().string(containsString("fake-database")));
		assertThat(this.customer.admin().get("/api/service-brokers/" + identifier).status()).isEqualTo(200);
		this.mvc.perform(asAdmin(post("/service-brokers/" + identifier + "/delete")).param("confirm", "MySQL"))
			.andExpect(redirectedUrl("/service-brokers"))
			.andExpect(flash().attribute("flash", "Service broker 'MySQL' deleted."));
		assertThat(this.customer.admin().get("/api/service-brokers/" + identifier).status()).isEqualTo(404);
	}

	@Test
	void answersAnotherCustomersBrokerWithTheNotFoundPage() throws Exception {
		String identifier = registered("theirs");
		TestCustomer other = Tenants.aCustomer(this.port);
		for (String path : new String[] { "", "/edit", "/logs", "/logs/1" }) {
			this.mvc.perform(page(get("/service-brokers/" + identifier + path), other.adminUsername()))
				.andExpect(status().isNotFound())
				.andExpect(content().string(containsString("Page not found")))
				.andExpect(content().string(not(containsString("fake-database"))))
				.andExpect(content().string(not(containsString("There is no service broker"))));
		}
		this.mvc.perform(page(post("/service-brokers/" + identifier + "/delete"), other.adminUsername())
			.param("confirm", "MySQL")).andExpect(status().isNotFound());
		assertThat(this.customer.admin().get("/api/service-brokers/" + identifier).status()).isEqualTo(200);
	}

	@Test
	void forbidsEmployeesWithTheForbiddenPage() throws Exception {
		String identifier = registered("employee");
		String employee = this.customer.identifier() + "-employee";
		for (String path : new String[] { "/service-brokers", "/service-brokers/new", "/service-brokers/" + identifier,
				"/service-brokers/" + identifier + "/edit", "/service-brokers/" + identifier + "/logs" }) {
			this.mvc.perform(page(get(path), employee))
				.andExpect(status().isForbidden())
				.andExpect(content().string(containsString("Not allowed")))
				.andExpect(content().string(not(containsString("Exception"))))
				.andExpect(content().string(not(containsString("administrators"))));
		}
	}

	@Test
	void letsPartnerAdminsLookButNotChange() throws Exception {
		String identifier = registered("partner");
		this.mvc.perform(page(get("/service-brokers/" + identifier), "admin", "admin-password"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("fake-database")))
			.andExpect(content().string(not(containsString("Refresh Catalog"))))
			.andExpect(content().string(not(containsString("Delete broker"))));
		this.mvc.perform(page(get("/service-brokers/" + identifier + "/edit"), "admin", "admin-password"))
			.andExpect(status().isForbidden());
		this.mvc.perform(page(get("/service-brokers"), "admin", "admin-password"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString(identifier)));
	}

	@Test
	void listsTheCommunicationLogsAndShowsOneWithItsCredentialsMasked() throws Exception {
		String identifier = registered("logs");
		long id = this.customer.admin()
			.get("/api/service-brokers/" + identifier + "/communication-logs")
			.json()
			.get("items")
			.get(0)
			.get("id")
			.asLong();
		this.mvc.perform(asAdmin(get("/service-brokers/" + identifier + "/logs")))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("FETCH_CATALOG"), containsString("badge-success"),
					containsString("/service-brokers/" + identifier + "/logs/" + id))));
		this.mvc.perform(asAdmin(get("/service-brokers/" + identifier + "/logs/" + id)))
			.andExpect(status().isOk())
			.andExpect(content()
				.string(allOf(containsString(this.fake.url() + "/v2/catalog"), containsString("Basic ****"),
						containsString("X-Broker-API-Request-Identity"), containsString("&quot;fake-database&quot;"))))
			.andExpect(content().string(not(containsString("broker-secret"))));
		this.mvc.perform(asAdmin(get("/service-brokers/" + identifier + "/logs/not-a-number")))
			.andExpect(status().isNotFound());
	}

	@Test
	void loadsMoreLogsPageByPage() throws Exception {
		String identifier = registered("more");
		this.customer.admin().post("/api/service-brokers/" + identifier + "/catalog/refresh", "");
		this.customer.admin().post("/api/service-brokers/" + identifier + "/catalog/refresh", "");
		String page = this.mvc.perform(asAdmin(get("/service-brokers/" + identifier + "/logs").param("limit", "2")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Load more")))
			.andReturn()
			.getResponse()
			.getContentAsString();
		String next = page.replaceAll("(?s).*hx-get=\"([^\"]+)\".*", "$1").replace("&amp;", "&");
		assertThat(next).contains("cursor=").contains("limit=2");
		this.mvc.perform(asAdmin(get(next)).header("HX-Request", "true"))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("<tr>"), containsString("FETCH_CATALOG"),
					not(containsString("<html")), not(containsString("Load more")))));
		this.mvc.perform(asAdmin(get(next)))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("Back to the newest"), containsString("<html"))));
	}

	private String registered(String prefix) {
		String identifier = identifier(prefix);
		Api.Reply reply = this.customer.admin()
			.post(brokersPath(), registration(identifier, this.fake.url(), "broker-secret"));
		assertThat(reply.status()).as(reply.toString()).isEqualTo(201);
		return identifier;
	}

	private String identifier(String prefix) {
		return prefix + "-" + this.customer.identifier();
	}

	private int brokerCount() {
		return this.customer.admin().get(brokersPath()).json().size();
	}

	private static MultiValueMap<String, String> form(String identifier, String endpoint) {
		LinkedMultiValueMap<String, String> form = new LinkedMultiValueMap<>();
		form.add("name", "MySQL");
		form.add("identifier", identifier);
		form.add("endpoint", endpoint);
		form.add("username", FakeBroker.USERNAME);
		form.add("password", "broker-secret");
		return form;
	}

	private MockHttpServletRequestBuilder asAdmin(MockHttpServletRequestBuilder request) {
		return page(request, this.customer.adminUsername());
	}

	private MockHttpServletRequestBuilder page(MockHttpServletRequestBuilder request, String username) {
		return page(request, username, Tenants.PASSWORD);
	}

	private MockHttpServletRequestBuilder page(MockHttpServletRequestBuilder request, String username,
			String password) {
		return request.accept(MediaType.TEXT_HTML).with(httpBasic(username, password)).with(csrf());
	}

}
