package dev.bazaar.analytics;

import dev.bazaar.support.Api;
import dev.bazaar.support.BazaarTest;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The analytics page as HTML: who may open it, and what it says about a bad period. */
@BazaarTest
class AnalyticsPageTests extends AnalyticsFixture {

	@Test
	void embedsTheChartDataForTheOwner() {
		this.scenario.logCallsOfTheDay();

		Api.Reply page = this.scenario.owner.admin().get(page("?from=2026-03-02T00:00&to=2026-03-03T00:00"));

		assertThat(page.status()).isEqualTo(200);
		assertThat(page.body()).contains("<script type=\"application/json\" id=\"analytics-data\">{\"bucket\":\"HOUR\"",
				"id=\"kpi-calls\">104<", "PROVISION_INSTANCE", "uPlot.iife.min.js");
	}

	@Test
	void explainsARefusedPeriodBesideThePicker() {
		Api.Reply page = this.scenario.owner.admin().get(page("?period=custom&from=2026-03-02T00:00&to=2026-03-01"));

		assertThat(page.status()).isEqualTo(400);
		assertThat(page.body()).contains("is not an instant").doesNotContain("analytics-data");
	}

	@Test
	void othersCannotOpenIt() {
		assertThat(this.scenario.anotherCustomer().admin().get(page("")).status()).isEqualTo(404);
		assertThat(this.scenario.owner.employee().get(page("")).status()).isEqualTo(403);
	}

	@Test
	void theBrokerPageLinksToIt() {
		assertThat(this.scenario.owner.admin().get("/service-brokers/" + this.scenario.identifier).body())
			.contains("href=\"/service-brokers/" + this.scenario.identifier + "/analytics\"");
	}

	private String page(String query) {
		return "/service-brokers/" + this.scenario.identifier + "/analytics" + query;
	}

}
