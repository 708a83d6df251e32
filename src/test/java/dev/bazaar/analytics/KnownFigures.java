package dev.bazaar.analytics;

import dev.bazaar.support.Tenants.TestCustomer;
import tools.jackson.databind.JsonNode;

import static dev.bazaar.analytics.AnalyticsApiTests.counts;
import static dev.bazaar.analytics.AnalyticsApiTests.operation;
import static dev.bazaar.analytics.AnalyticsApiTests.sum;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/** The figures of {@link AnalyticsScenario#DAY}, the same on every database. */
final class KnownFigures {

	private KnownFigures() {
	}

	/**
	 * Reads the figures of the day as the owner (all, deployment {@code private},
	 * location {@code eu-1}) and asserts them.
	 */
	static void assertAsReadByTheOwner(AnalyticsScenario scenario, TestCustomer consumer) {
		JsonNode all = scenario.figuresOfTheDay(scenario.owner.admin(), null);
		JsonNode privateOnly = scenario.figuresOfTheDay(scenario.owner.admin(), "private");
		JsonNode location = scenario.figuresOfTheDay(scenario.owner.admin(), "eu-1");
		assertAll(all, privateOnly, location, scenario, consumer);
	}

	private static void assertAll(JsonNode all, JsonNode privateOnly, JsonNode location, AnalyticsScenario scenario,
			TestCustomer consumer) {
		assertCalls(all, privateOnly, location);
		assertLatency(privateOnly, location);
		assertTimeline(privateOnly, location, all);
		assertInstances(all, privateOnly, location, scenario, consumer);
	}

	static void assertCalls(JsonNode all, JsonNode privateOnly, JsonNode location) {
		assertThat(all.get("calls").get("calls").asLong()).isEqualTo(104);
		assertThat(all.get("calls").get("errors").asLong()).isEqualTo(14);
		assertThat(all.get("calls").get("errorRate").asDouble()).isEqualTo(0.1346);
		assertThat(all.get("operations")).extracting((node) -> node.get("operationType").asString())
			.containsExactly("PROVISION_INSTANCE", "FETCH_CATALOG");
		assertThat(operation(all, "PROVISION_INSTANCE").get("calls").asLong()).isEqualTo(84);
		assertThat(operation(all, "PROVISION_INSTANCE").get("errors").asLong()).isEqualTo(4);
		assertThat(operation(all, "FETCH_CATALOG").get("errors").asLong()).isEqualTo(10);
		assertThat(operation(all, "FETCH_CATALOG").get("errorRate").asDouble()).isEqualTo(0.5);
		assertThat(privateOnly.get("calls").get("calls").asLong()).isEqualTo(100);
		assertThat(privateOnly.get("calls").get("errorRate").asDouble()).isEqualTo(0.1);
		assertThat(location.get("calls").get("calls").asLong()).isEqualTo(4);
		assertThat(location.get("calls").get("errorRate").asDouble()).isEqualTo(1.0);
	}

	/** Durations 1..100 ms, interpolated between ranks as percentile_cont does. */
	static void assertLatency(JsonNode privateOnly, JsonNode location) {
		assertLatency(privateOnly.get("calls").get("latency"), 50.5, 95.05, 99.01);
		assertLatency(operation(privateOnly, "PROVISION_INSTANCE").get("latency"), 40.5, 76.05, 79.21);
		assertLatency(operation(privateOnly, "FETCH_CATALOG").get("latency"), 90.5, 99.05, 99.81);
		assertLatency(location.get("calls").get("latency"), 1000.0, 1000.0, 1000.0);
	}

	static void assertTimeline(JsonNode privateOnly, JsonNode location, JsonNode all) {
		JsonNode timeline = privateOnly.get("timeline");
		assertThat(privateOnly.get("bucket").asString()).isEqualTo("HOUR");
		assertThat(timeline).hasSize(24);
		assertThat(timeline.get(0).get("start").asString()).isEqualTo("2026-03-02T00:00:00Z");
		assertThat(timeline.get(0).get("calls").asLong()).isEqualTo(6);
		assertThat(timeline.get(0).get("p50").asDouble()).isEqualTo(3.5);
		assertThat(timeline.get(15).get("errors").asLong()).isEqualTo(6);
		assertThat(timeline.get(16).get("calls").asLong()).isEqualTo(4);
		assertThat(timeline.get(16).get("errors").asLong()).isEqualTo(4);
		assertThat(timeline.get(20).get("calls").asLong()).isZero();
		assertThat(timeline.get(20).get("p50").isNull()).isTrue();
		assertThat(sum(timeline, "calls")).isEqualTo(100);
		assertThat(location.get("timeline").get(1).get("calls").asLong()).isEqualTo(4);
		assertThat(all.get("timeline").get(2).get("instancesCreated").asLong()).isEqualTo(3);
		assertThat(all.get("timeline").get(5).get("instancesCreated").asLong()).isEqualTo(1);
		assertThat(sum(all.get("timeline"), "instancesCreated")).isEqualTo(4);
	}

	static void assertInstances(JsonNode all, JsonNode privateOnly, JsonNode location, AnalyticsScenario scenario,
			TestCustomer consumer) {
		JsonNode instances = all.get("instances");
		assertThat(instances.get("total").asLong()).isEqualTo(4);
		assertThat(counts(instances.get("byPlan"), "planName")).containsExactly(tuple("small", 3L), tuple("large", 1L));
		assertThat(instances.get("byPlan").get(0).get("planId").asString()).isEqualTo(scenario.broker.planId(1));
		assertThat(counts(instances.get("byStatus"), "status")).containsExactly(tuple("SUCCEEDED", 2L),
				tuple("FAILED", 1L), tuple("IN_PROGRESS", 1L));
		assertThat(counts(all.get("topCustomers"), "customer")).containsExactly(tuple(consumer.identifier(), 3L),
				tuple(scenario.owner.identifier(), 1L));
		assertThat(counts(all.get("topProjects"), "project")).containsExactly(tuple("web", 3L),
				tuple(AnalyticsScenario.PROJECT, 1L));
		assertThat(all.get("topProjects").get(0).get("customer").asString()).isEqualTo(consumer.identifier());
		assertThat(privateOnly.get("instances").get("total").asLong()).isEqualTo(1);
		assertThat(counts(location.get("instances").get("byPlan"), "planName")).containsExactly(tuple("small", 2L),
				tuple("large", 1L));
	}

	private static void assertLatency(JsonNode latency, double p50, double p95, double p99) {
		assertThat(latency.get("p50").asDouble()).as("p50").isEqualTo(p50);
		assertThat(latency.get("p95").asDouble()).as("p95").isEqualTo(p95);
		assertThat(latency.get("p99").asDouble()).as("p99").isEqualTo(p99);
	}

}
