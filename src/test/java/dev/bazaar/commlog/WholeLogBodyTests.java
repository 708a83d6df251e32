package dev.bazaar.commlog;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import dev.bazaar.support.Api;
import dev.bazaar.support.BazaarTest;
import dev.bazaar.support.FakeBroker;
import dev.bazaar.support.Tenants;
import dev.bazaar.support.Tenants.TestCustomer;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * A catalog far larger than 64 kB is logged whole ({@code bazaar.commlog.max-body-length}
 * is 1 MiB characters by default), shown whole by the API and the detail page, and left
 * out of searches and exports, which read no bodies.
 */
@BazaarTest
@AutoConfigureMockMvc
class WholeLogBodyTests {

	static final int PLANS = 800;

	@LocalServerPort
	int port;

	@Autowired
	MockMvc mvc;

	@Test
	void logsALargeCatalogWholeAndShowsItWhole() throws Exception {
		TestCustomer customer = Tenants.aCustomer(this.port);
		try (FakeBroker fake = FakeBroker.start()) {
			String catalog = largeCatalog(fake);
			fake.serveCatalog(catalog);
			String identifier = "large-" + customer.identifier();
			customer.registerBroker("Large", identifier, fake.url());
			String logs = "/api/service-brokers/" + identifier + "/communication-logs";
			String lastPlan = planId(fake, PLANS - 1);

			Api.Reply search = customer.admin().get(logs);
			long id = search.json().get("items").get(0).get("id").asLong();
			Api.Reply detail = customer.admin().get(logs + "/" + id);
			Api.Reply export = customer.admin().get(logs + "/export?format=jsonl");
			String page = this.mvc
				.perform(get("/service-brokers/" + identifier + "/logs/" + id).accept(MediaType.TEXT_HTML)
					.with(httpBasic(customer.adminUsername(), Tenants.PASSWORD)))
				.andExpect(status().isOk())
				.andReturn()
				.getResponse()
				.getContentAsString();

			assertThat(catalog.length()).isGreaterThan(2 * 64 * 1024);
			assertThat(detail.json().get("responseBody").asString()).isEqualTo(catalog);
			assertThat(page).contains(lastPlan, "&quot;services&quot;").doesNotContain("cut by Bazaar");
			assertThat(search.body()).doesNotContain(planId(fake, 0));
			assertThat(export.status()).as(export.toString()).isEqualTo(200);
			assertThat(export.body()).contains("\"id\":" + id + ",").doesNotContain(planId(fake, 0));
		}
	}

	/** The fake broker's catalog with {@link #PLANS} plans in its first service. */
	private static String largeCatalog(FakeBroker fake) {
		JsonMapper json = JsonMapper.builder().build();
		JsonNode parsed = json.readTree(fake.catalog());
		ObjectNode service = (ObjectNode) parsed.get("services").get(0);
		List<Object> plans = new ArrayList<>();
		IntStream.range(0, PLANS)
			.forEach((n) -> plans.add(Map.of("id", planId(fake, n), "name", "plan-" + n, "description",
					"Plan " + n + " of a catalog far larger than 64 kB, with a description long enough to count",
					"free", true, "metadata", Map.of("displayName", "Plan number " + n))));
		service.set("plans", json.valueToTree(plans));
		return parsed.toString();
	}

	private static String planId(FakeBroker fake, int n) {
		return fake.planId(1) + "-" + n;
	}

}
