package dev.bazaar.analytics;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.WireMock;
import dev.bazaar.support.Api;
import dev.bazaar.support.Eventually;
import dev.bazaar.support.FakeBroker;
import dev.bazaar.support.Tenants;
import dev.bazaar.support.Tenants.TestCustomer;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A customer that owns a fake broker and orders from it in its project {@code shop}; and
 * a period, {@link #DAY}, whose calls and instances the test writes itself so that every
 * figure of it is known.
 */
final class AnalyticsScenario implements AutoCloseable {

	/** The start of the period with known figures: one day, so 24 hourly buckets. */
	static final Instant DAY = Instant.parse("2026-03-02T00:00:00Z");

	static final String PROJECT = "shop";

	final FakeBroker broker;

	final TestCustomer owner;

	final String identifier;

	final UUID brokerId;

	private final int port;

	private final JdbcClient jdbc;

	private AnalyticsScenario(int port, JdbcClient jdbc, FakeBroker broker, TestCustomer owner, String identifier) {
		this.port = port;
		this.jdbc = jdbc;
		this.broker = broker;
		this.owner = owner;
		this.identifier = identifier;
		this.brokerId = jdbc.sql("select id from service_broker where identifier = ?")
			.param(identifier)
			.query(UUID.class)
			.single();
	}

	static AnalyticsScenario start(int port, JdbcClient jdbc) {
		FakeBroker broker = FakeBroker.start();
		TestCustomer owner = Tenants.aCustomer(port);
		String identifier = "fake-" + owner.identifier();
		require(owner.admin()
			.post("/api/customers/" + owner.identifier() + "/service-brokers",
					Map.of("name", "Fake database", "identifier", identifier, "endpoint", broker.url(), "username",
							FakeBroker.USERNAME, "password", "pw", "developmentMode", false)),
				201);
		AnalyticsScenario scenario = new AnalyticsScenario(port, jdbc, broker, owner, identifier);
		scenario.project(owner, PROJECT);
		require(owner.admin()
			.put("/api/customers/" + owner.identifier() + "/projects/" + PROJECT + "/marketplaces/private", null), 204);
		return scenario;
	}

	String analytics(String query) {
		return "/api/service-brokers/" + this.identifier + "/analytics" + query;
	}

	/** The figures of {@link #DAY}, for the deployment if not null. */
	JsonNode figuresOfTheDay(Api api, @Nullable String deployment) {
		String query = "?from=" + DAY + "&to=" + DAY.plus(Duration.ofDays(1))
				+ ((deployment != null) ? "&deployment=" + deployment : "");
		Api.Reply reply = api.get(analytics(query));
		require(reply, 200);
		return reply.json();
	}

	/**
	 * Orders an instance of the plan (1 or 2) in {@code shop}, as the owner's employee.
	 */
	Api.Reply order(String name, int plan) {
		Map<String, Object> body = new HashMap<>();
		body.put("marketplace", "private");
		body.put("serviceId", this.broker.serviceId());
		body.put("planId", this.broker.planId(plan));
		body.put("displayName", name);
		return this.owner.employee()
			.post("/api/customers/" + this.owner.identifier() + "/projects/" + PROJECT + "/service-instances", body);
	}

	/** Waits until no instance of {@code shop} is in progress. */
	void settleAll() {
		String path = "/api/customers/" + this.owner.identifier() + "/projects/" + PROJECT + "/service-instances";
		Eventually.until(() -> this.owner.employee().get(path).json(), (list) -> {
			for (JsonNode instance : list) {
				if ("IN_PROGRESS".equals(instance.get("status").asString())) {
					return false;
				}
			}
			return true;
		}, Duration.ofSeconds(15));
	}

	void stub(MappingBuilder request, int status, String body) {
		this.broker.stub(request, status, body);
	}

	static MappingBuilder provision() {
		return WireMock.put(WireMock.urlPathMatching("/v2/service_instances/[^/]+"));
	}

	static MappingBuilder deprovision() {
		return WireMock.delete(WireMock.urlPathMatching("/v2/service_instances/[^/]+"));
	}

	/**
	 * Writes the calls of {@link #DAY}: 100 to the private deployment, the n-th lasting n
	 * ms, 10 minutes apart from midnight; calls 1-80 provision (201), 81-90 fetch the
	 * catalog (200), 91-95 get 500 and 96-100 no answer. Plus 4 calls to location
	 * {@code eu-1} at 01:00 lasting 1000 ms, answered 503; and calls that do not count:
	 * just before and at the end of the day, and to another broker.
	 */
	void logCallsOfTheDay() {
		for (int n = 1; n <= 100; n++) {
			String operation = (n <= 80) ? "PROVISION_INSTANCE" : "FETCH_CATALOG";
			Integer status = (n <= 80) ? Integer.valueOf(201)
					: (n <= 90) ? Integer.valueOf(200) : (n <= 95) ? Integer.valueOf(500) : null;
			call(this.brokerId, DAY.plus(Duration.ofMinutes(10L * (n - 1))), null, operation, status, n);
		}
		for (int n = 0; n < 4; n++) {
			call(this.brokerId, DAY.plus(Duration.ofHours(1)), "eu-1", "PROVISION_INSTANCE", 503, 1000);
		}
		call(this.brokerId, DAY.minusSeconds(1), null, "FETCH_CATALOG", 200, 5);
		call(this.brokerId, DAY.plus(Duration.ofDays(1)), null, "FETCH_CATALOG", 200, 5);
		call(UUID.randomUUID(), DAY.plus(Duration.ofHours(3)), null, "FETCH_CATALOG", 500, 5);
	}

	/**
	 * Writes the day's instances: 3 at {@code eu-1} of another customer's project
	 * {@code web} from 02:00 (plan 1 succeeded twice, plan 2 failed), 1 in {@code shop}
	 * at 05:00 (plan 1, in progress); and one created the next day. Returns the other
	 * customer.
	 */
	TestCustomer instancesOfTheDay() {
		TestCustomer consumer = anotherCustomer();
		project(consumer, "web");
		instance(consumer, "web", "eu-1", 1, "SUCCEEDED", DAY.plus(Duration.ofHours(2)));
		instance(consumer, "web", "eu-1", 1, "SUCCEEDED", DAY.plus(Duration.ofMinutes(150)));
		instance(consumer, "web", "eu-1", 2, "FAILED", DAY.plus(Duration.ofMinutes(170)));
		instance(this.owner, PROJECT, "private", 1, "IN_PROGRESS", DAY.plus(Duration.ofHours(5)));
		instance(this.owner, PROJECT, "private", 2, "SUCCEEDED", DAY.plus(Duration.ofHours(25)));
		return consumer;
	}

	/**
	 * Writes a week of calls before {@code now}, about one every 20 minutes with varying
	 * durations and a few failures, and instances ordered over the week by two customers.
	 */
	void recentWeek(Instant now) {
		for (int n = 0; n < 500; n++) {
			Instant at = now.minus(Duration.ofMinutes(20L * n + 1));
			String operation = (n % 7 == 0) ? "FETCH_CATALOG"
					: (n % 5 == 0) ? "POLL_INSTANCE_LAST_OPERATION" : "PROVISION_INSTANCE";
			Integer status = (n % 23 == 0) ? Integer.valueOf(500) : (n % 61 == 0) ? null : Integer.valueOf(200);
			call(this.brokerId, at, null, operation, status, 40 + (n * 37L) % 160 + ((n % 50 == 0) ? 900 : 0));
		}
		TestCustomer consumer = anotherCustomer();
		project(consumer, "web");
		for (int n = 0; n < 9; n++) {
			instance((n % 3 == 0) ? this.owner : consumer, (n % 3 == 0) ? PROJECT : "web", "private", 1 + n % 2,
					(n == 4) ? "FAILED" : "SUCCEEDED", now.minus(Duration.ofHours(17L * n + 2)));
		}
	}

	void call(UUID broker, Instant at, @Nullable String location, String operation, @Nullable Integer status,
			long durationMs) {
		this.jdbc.sql("""
				insert into communication_log (requested_at, broker_id, broker_identifier, customer_id, location,
				  operation_type, method, url, request_headers, response_code, response_headers, duration_ms,
				  request_identity)
				values (?, ?, ?, ?, ?, ?, 'GET', 'http://broker/v2/catalog', '{}', ?, '{}', ?, 'test')""")
			.params(at.atOffset(ZoneOffset.UTC), broker, this.identifier, customerId(this.owner), location, operation,
					status, durationMs)
			.update();
	}

	/** Writes an instance of the broker as if a project had ordered it. */
	void instance(TestCustomer consumer, String project, String deployment, int plan, String status,
			Instant createdAt) {
		UUID customerId = customerId(consumer);
		UUID projectId = this.jdbc.sql("select id from project where customer_id = ? and identifier = ?")
			.params(customerId, project)
			.query(UUID.class)
			.single();
		var at = createdAt.atOffset(ZoneOffset.UTC);
		this.jdbc.sql("""
				insert into service_instance (id, display_name, customer_id, project_id, marketplace, broker_id,
				  deployment, service_id, plan_id, status, op_type, op_state, op_updated_at, created_at, updated_at)
				values (?, 'db', ?, ?, ?, ?, ?, ?, ?, ?, 'CREATE', ?, ?, ?, ?)""")
			.params(UUID.randomUUID(), customerId, projectId, deployment, this.brokerId, deployment,
					this.broker.serviceId(), this.broker.planId(plan), status, status, at, at, at)
			.update();
	}

	/** Creates a project of the customer through the API. */
	void project(TestCustomer customer, String project) {
		require(customer.admin()
			.post("/api/customers/" + customer.identifier() + "/projects",
					Map.of("identifier", project, "displayName", "Project " + project)),
				201);
	}

	TestCustomer anotherCustomer() {
		return Tenants.aCustomer(this.port);
	}

	UUID customerId(TestCustomer customer) {
		return this.jdbc.sql("select id from customer where identifier = ?")
			.param(customer.identifier())
			.query(UUID.class)
			.single();
	}

	@Override
	public void close() {
		this.broker.close();
	}

	static void require(Api.Reply reply, int status) {
		if (reply.status() != status) {
			throw new IllegalStateException("Expected " + status + " but got " + reply);
		}
	}

}
