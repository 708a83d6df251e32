package dev.bazaar.analytics;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import dev.bazaar.support.Api;
import dev.bazaar.support.BazaarTest;
import dev.bazaar.support.Eventually;
import dev.bazaar.support.Tenants;
import dev.bazaar.support.Tenants.TestCustomer;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/** A broker owner reads the figures of a broker through the JSON API. */
@BazaarTest
class AnalyticsApiTests extends AnalyticsFixture {

	@Test
	void countsTheCallsAndInstancesOfOrdersThroughBazaar() {
		this.scenario.stub(AnalyticsScenario.provision(), 201, "{}");
		this.scenario.stub(AnalyticsScenario.deprovision(), 200, "{}");
		this.scenario.order("orders-db", 1);
		this.scenario.order("users-db", 1);
		this.scenario.stub(AnalyticsScenario.provision(), 500, "{\"description\":\"boom\"}");
		this.scenario.order("broken-db", 2);
		this.scenario.settleAll();

		JsonNode figures = Eventually.until(() -> this.scenario.owner.admin().get(this.scenario.analytics("")).json(),
				(json) -> operation(json, "DEPROVISION_INSTANCE") != null, Duration.ofSeconds(10));

		JsonNode provisions = operation(figures, "PROVISION_INSTANCE");
		assertThat(provisions.get("calls").asLong()).isEqualTo(3);
		assertThat(provisions.get("errors").asLong()).isEqualTo(1);
		assertThat(provisions.get("errorRate").asDouble()).isEqualTo(0.3333);
		assertThat(operation(figures, "FETCH_CATALOG").get("calls").asLong()).isGreaterThanOrEqualTo(1);
		assertThat(figures.get("calls").get("errors").asLong()).isEqualTo(1);
		assertThat(figures.get("calls").get("latency").get("p99").isNumber()).isTrue();
		assertThat(figures.get("instances").get("total").asLong()).isEqualTo(3);
		assertThat(counts(figures.get("instances").get("byPlan"), "planName")).containsExactly(tuple("small", 2L),
				tuple("large", 1L));
		assertThat(counts(figures.get("instances").get("byStatus"), "status")).containsExactly(tuple("SUCCEEDED", 2L),
				tuple("FAILED", 1L));
		assertThat(counts(figures.get("topCustomers"), "customer"))
			.containsExactly(tuple(this.scenario.owner.identifier(), 3L));
		assertThat(counts(figures.get("topProjects"), "project")).containsExactly(tuple(AnalyticsScenario.PROJECT, 3L));
		assertThat(figures.get("bucket").asString()).isEqualTo("HOUR");
		// Seven days from a time within an hour touch 169 hours.
		assertThat(figures.get("timeline").size()).isBetween(168, 169);
		assertThat(sum(figures.get("timeline"), "instancesCreated")).isEqualTo(3);
		assertThat(sum(figures.get("timeline"), "calls")).isEqualTo(figures.get("calls").get("calls").asLong());
	}

	@Test
	void computesTheFiguresOfAPeriodExactly() {
		this.scenario.logCallsOfTheDay();
		TestCustomer consumer = this.scenario.instancesOfTheDay();

		KnownFigures.assertAsReadByTheOwner(this.scenario, consumer);
	}

	@Test
	void partnerAdminsReadTheFigures() {
		Api.Reply reply = Tenants.partnerAdmin(this.port).get(this.scenario.analytics(""));

		assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
		assertThat(reply.json().get("broker").asString()).isEqualTo(this.scenario.identifier);
		assertThat(reply.json().get("deployments").get(0).asString()).isEqualTo("private");
	}

	@Test
	void otherCustomersDoNotLearnThatTheBrokerExists() {
		TestCustomer other = this.scenario.anotherCustomer();

		Api.Reply reply = other.admin().get(this.scenario.analytics(""));

		assertThat(reply.status()).isEqualTo(404);
		assertThat(reply.body()).doesNotContain("calls");
	}

	@Test
	void employeesOfTheOwnerAreForbidden() {
		assertThat(this.scenario.owner.employee().get(this.scenario.analytics("")).status()).isEqualTo(403);
	}

	@ParameterizedTest(name = "{0}")
	@CsvSource(delimiter = '|', textBlock = """
			from after to       | ?from=2026-03-02T00:00:00Z&to=2026-03-01T00:00:00Z | from
			empty period        | ?from=2026-03-02T00:00:00Z&to=2026-03-02T00:00:00Z | from
			more than 366 days  | ?from=2024-01-01T00:00:00Z&to=2025-01-02T00:00:01Z | to
			not an instant      | ?from=yesterday                                    | from
			not a deployment    | ?deployment=EU%201                                 | deployment
			""")
	void refusesABadPeriod(String problem, String query, String field) {
		Api.Reply reply = this.scenario.owner.admin().get(this.scenario.analytics(query));

		assertThat(reply.status()).as(reply.toString()).isEqualTo(400);
		assertThat(reply.json().get("detail").asString()).startsWith(field + ":");
	}

	@Test
	void showsLongPeriodsDayByDay() {
		JsonNode figures = this.scenario.owner.admin()
			.get(this.scenario.analytics("?from=2026-01-01T00:00:00Z&to=2026-01-31T00:00:00Z"))
			.json();

		assertThat(figures.get("bucket").asString()).isEqualTo("DAY");
		assertThat(figures.get("timeline")).hasSize(30);
		assertThat(figures.get("timeline").get(0).get("start").asString()).isEqualTo("2026-01-01T00:00:00Z");
		assertThat(Instant.parse(figures.get("to").asString())).isEqualTo(Instant.parse("2026-01-31T00:00:00Z"));
	}

	static JsonNode operation(JsonNode figures, String type) {
		for (JsonNode operation : figures.get("operations")) {
			if (operation.get("operationType").asString().equals(type)) {
				return operation;
			}
		}
		return null;
	}

	static List<Tuple> counts(JsonNode rows, String name) {
		List<Tuple> counts = new ArrayList<>();
		rows.forEach((row) -> counts.add(tuple(row.get(name).asString(), row.get("instances").asLong())));
		return counts;
	}

	static long sum(JsonNode timeline, String field) {
		long sum = 0;
		for (JsonNode point : timeline) {
			sum += point.get(field).asLong();
		}
		return sum;
	}

}
