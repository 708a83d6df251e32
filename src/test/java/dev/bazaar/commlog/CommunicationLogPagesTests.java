package dev.bazaar.commlog;

import java.time.Instant;

import dev.bazaar.support.BazaarTest;
import dev.bazaar.support.Tenants;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@BazaarTest
@AutoConfigureMockMvc
class CommunicationLogPagesTests {

	static final Instant T0 = Instant.parse("2026-11-27T10:00:00Z");

	@LocalServerPort
	int port;

	@Autowired
	MockMvc mvc;

	@Autowired
	CommunicationLogs logs;

	@Autowired
	BrokerDirectory brokers;

	LogFixture fixture;

	@BeforeEach
	void registerBroker() {
		this.fixture = new LogFixture(this.port, this.logs, this.brokers);
		this.fixture.log(T0.plusSeconds(1), OperationType.PROVISION_INSTANCE, 201, this.fixture.fake.planId(1),
				"inst-a", null);
		this.fixture.log(T0.plusSeconds(2), OperationType.BIND, 422, null, "inst-a", "eu");
		this.fixture.log(T0.plusSeconds(3), OperationType.BIND, 503, null, "inst-b", null);
	}

	@AfterEach
	void stopBroker() {
		this.fixture.close();
	}

	@Test
	void rendersABookmarkedSearchWithTimesInTheViewersZone() throws Exception {
		// 10:00:02Z is 11:00:02 in Berlin; the bound includes the whole second typed.
		String page = body(admin(logs()).param("zone", "Europe/Berlin")
			.param("before", "2026-11-27 11:00:02")
			.param("operationType", "BIND"));

		assertThat(page).contains("<html", "2026-11-27 11:00:02", "inst-a", "Times in Europe/Berlin")
			.doesNotContain("inst-b", "PROVISION_INSTANCE</span>", "FETCH_CATALOG</span>");
		assertThat(page).contains("value=\"2026-11-27 11:00:02\"", "<option value=\"BIND\" selected=\"selected\"");
		assertThat(page).contains("/service-brokers/" + this.fixture.identifier()
				+ "/logs/export?zone=Europe/Berlin&amp;before=2026-11-27%2011:00:02&amp;operationType=BIND&amp;format=csv");
		assertThat(body(admin(logs()).param("zone", "Europe/Berlin")
			.param("before", "2026-11-27 11:00:01")
			.param("operationType", "BIND"))).contains("No calls match this search.");
	}

	@Test
	void narrowsByEachCriterionOfTheForm() throws Exception {
		assertThat(rows(search().param("responseCode", "5xx"))).contains("inst-b").doesNotContain("inst-a");
		assertThat(rows(search().param("responseCode", ">=400").param("location", "eu"))).contains("inst-a")
			.doesNotContain("inst-b", "PROVISION_INSTANCE</span>");
		assertThat(rows(search().param("location", "private").param("instanceId", "inst-a")))
			.contains("PROVISION_INSTANCE</span>")
			.doesNotContain("BIND</span>");
		assertThat(rows(search().param("planId", this.fixture.fake.planId(1)))).contains("PROVISION_INSTANCE</span>")
			.doesNotContain("BIND</span>", "FETCH_CATALOG</span>");
		assertThat(rows(search().param("operationType", "FETCH_CATALOG"))).contains("FETCH_CATALOG</span>")
			.doesNotContain("BIND</span>");
		assertThat(rows(search().param("before", "2026-11-27 10:00:01"))).contains("PROVISION_INSTANCE</span>")
			.doesNotContain("BIND</span>", "FETCH_CATALOG</span>");
	}

	@Test
	void answersATypedSearchWithTheResultsAndClearedMessages() throws Exception {
		this.mvc.perform(search().param("operationType", "BIND"))
			.andExpect(status().isOk())
			.andExpect(header().doesNotExist("HX-Reswap"))
			.andExpect(content().string(allOf(containsString("id=\"log-results\""),
					containsString("<p class=\"field-error\" id=\"responseCode-error\" hx-swap-oob=\"true\"></p>"),
					not(containsString("<html")), not(containsString("id=\"log-search\"")))));
	}

	@Test
	void answersAMalformedSearchWithTheMessagesAloneLeavingTheResults() throws Exception {
		String answer = this.mvc.perform(search().param("responseCode", ">abc").param("before", "2026-11-2"))
			.andExpect(status().isOk())
			.andExpect(header().string("HX-Reswap", "none"))
			.andExpect(header().string("HX-Push-Url", "false"))
			.andReturn()
			.getResponse()
			.getContentAsString();

		assertThat(answer).doesNotContain("log-results", "<tr")
			.contains("id=\"responseCode-error\" hx-swap-oob=\"true\">&#39;&gt;abc&#39; is not understood")
			.contains("id=\"before-error\" hx-swap-oob=\"true\">&#39;2026-11-2&#39; is not a date and time")
			.contains("id=\"planId-error\" hx-swap-oob=\"true\"></p>");
		this.mvc.perform(admin(logs()).param("responseCode", ">abc"))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(allOf(containsString("is not understood"),
					containsString("Correct the search to see calls."), containsString("value=\"&gt;abc\""))));
	}

	@Test
	void loadsTheNextPageOfTheSameSearchWhenTheLastRowComesIntoView() throws Exception {
		for (int i = 0; i < 5; i++) {
			this.fixture.log(T0.minusSeconds(10 + i), OperationType.UNBIND, 200, null, "inst-" + i, null);
		}
		String first = rows(search().param("operationType", "UNBIND").param("limit", "2"));
		assertThat(first).contains("inst-0", "inst-1", "hx-trigger=\"revealed\"").doesNotContain("inst-2");
		String next = first.replaceAll("(?s).*class=\"load-more\"[^>]*hx-get=\"([^\"]+)\".*", "$1")
			.replace("&amp;", "&");
		assertThat(next).contains("operationType=UNBIND", "cursor=", "limit=2");

		String second = rows(admin(get(next)).header("HX-Request", "true"));

		assertThat(second).contains("inst-2", "inst-3", "load-more").doesNotContain("inst-0", "log-results");
	}

	@Test
	void showsACallInFullWithItsPlanNameAndCredentialsMasked() throws Exception {
		this.fixture.log(T0.plusSeconds(5), OperationType.BIND, 201, this.fixture.fake.planId(2), "inst-c", null,
				"https://broker.example/v2/service_instances/inst-c/service_bindings/b1",
				"{\"credentials\":{\"uri\":\"mysql://u:binding-secret@db\"}}");
		String list = body(admin(logs()).param("zone", "Asia/Tokyo").param("instanceId", "inst-c"));
		String detail = list.replaceAll("(?s).*<a class=\"info-link\" href=\"([^\"]+)\".*", "$1").replace("&amp;", "&");
		assertThat(detail).contains("zone=Asia/Tokyo");

		assertThat(body(admin(get(detail))))
			.contains("2026-11-27 19:00:05.000 (Asia/Tokyo)", "BIND", "large", this.fixture.fake.planId(2), "inst-c",
					"private registration", "Basic ****", "&quot;****&quot;", "all calls for this instance")
			.doesNotContain("binding-secret", "c2VjcmV0");
	}

	@Test
	void exportsTheSearchOfThePageAsAFile() throws Exception {
		String csv = body(
				admin(get("/service-brokers/" + this.fixture.identifier() + "/logs/export")).param("format", "csv")
					.param("zone", "Europe/Berlin")
					.param("before", "2026-11-27 11:00:02"));

		assertThat(csv.lines().toList()).hasSize(3).element(1).asString().contains("2026-11-27T10:00:02Z,BIND,PUT");
	}

	@Test
	void showsLogsOnlyToTheOwnersAdminsAndPartnerAdmins() throws Exception {
		Tenants.TestCustomer other = Tenants.aCustomer(this.port);
		String base = "/service-brokers/" + this.fixture.identifier() + "/logs";
		String id = body(admin(logs())).replaceAll("(?s).*?" + base + "/(\\d+).*", "$1");
		for (String path : new String[] { base, base + "/" + id, base + "/export?format=csv" }) {
			this.mvc.perform(as(get(path), other.adminUsername(), Tenants.PASSWORD))
				.andExpect(status().isNotFound())
				.andExpect(content().string(not(containsString("inst-a"))));
			this.mvc.perform(as(get(path), this.fixture.customer.identifier() + "-employee", Tenants.PASSWORD))
				.andExpect(status().isForbidden());
			this.mvc.perform(as(get(path), "admin", "admin-password")).andExpect(status().isOk());
		}
	}

	private MockHttpServletRequestBuilder logs() {
		return get("/service-brokers/" + this.fixture.identifier() + "/logs");
	}

	private MockHttpServletRequestBuilder search() {
		return admin(logs()).header("HX-Request", "true");
	}

	private String rows(MockHttpServletRequestBuilder request) throws Exception {
		return body(request);
	}

	private String body(MockHttpServletRequestBuilder request) throws Exception {
		return this.mvc.perform(request).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
	}

	private MockHttpServletRequestBuilder admin(MockHttpServletRequestBuilder request) {
		return as(request, this.fixture.customer.adminUsername(), Tenants.PASSWORD);
	}

	private static MockHttpServletRequestBuilder as(MockHttpServletRequestBuilder request, String username,
			String password) {
		return request.accept(MediaType.TEXT_HTML).with(httpBasic(username, password));
	}

}
