package dev.bazaar.instance;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;

import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.ScenarioMappingBuilder;
import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.matching.RequestPatternBuilder;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.bazaar.support.Api;
import dev.bazaar.support.Eventually;
import dev.bazaar.support.FakeBroker;
import dev.bazaar.support.Tenants;
import dev.bazaar.support.Tenants.TestCustomer;
import tools.jackson.databind.JsonNode;

/**
 * A customer with a project whose private marketplace offers a fake broker's services.
 */
final class InstanceFixture implements AutoCloseable {

	final FakeBroker broker;

	final TestCustomer customer;

	final String project = "shop";

	private InstanceFixture(FakeBroker broker, TestCustomer customer) {
		this.broker = broker;
		this.customer = customer;
	}

	static InstanceFixture start(int port) {
		return start(port, UnaryOperator.identity());
	}

	/**
	 * Like {@link #start(int)}, with the broker's catalog changed before it registers.
	 */
	static InstanceFixture start(int port, UnaryOperator<String> catalog) {
		FakeBroker broker = FakeBroker.start();
		broker.serveCatalog(catalog.apply(broker.catalog()));
		TestCustomer customer = Tenants.aCustomer(port);
		InstanceFixture fixture = new InstanceFixture(broker, customer);
		require(customer.admin()
			.post("/api/customers/" + customer.identifier() + "/service-brokers",
					Map.of("name", "Fake", "identifier", "fake-" + customer.identifier(), "endpoint", broker.url(),
							"username", FakeBroker.USERNAME, "password", "pw", "developmentMode", false)),
				201);
		require(customer.admin()
			.post("/api/customers/" + customer.identifier() + "/projects",
					Map.of("identifier", fixture.project, "displayName", "Shop")),
				201);
		require(customer.admin()
			.put("/api/customers/" + customer.identifier() + "/projects/" + fixture.project + "/marketplaces/private",
					null),
				204);
		return fixture;
	}

	Api user() {
		return this.customer.employee();
	}

	String instancesPath() {
		return "/api/customers/" + this.customer.identifier() + "/projects/" + this.project + "/service-instances";
	}

	Api.Reply create(String name) {
		return create(name, null);
	}

	Api.Reply create(String name, Map<String, Object> parameters) {
		Map<String, Object> body = new HashMap<>();
		body.put("marketplace", "private");
		body.put("serviceId", this.broker.serviceId());
		body.put("planId", this.broker.planId(1));
		body.put("displayName", name);
		if (parameters != null) {
			body.put("parameters", parameters);
		}
		return user().post(instancesPath(), body);
	}

	/** The instance once no operation runs on it any more. */
	JsonNode settled(String id) {
		return Eventually
			.until(() -> user().get("/api/service-instances/" + id),
					(reply) -> reply.status() == 404 || !"IN_PROGRESS".equals(reply.json().get("status").asString()),
					Duration.ofSeconds(15))
			.json();
	}

	/** Stubs a request to the instance's path (and below) whatever its id. */
	void stub(MappingBuilder request, int status, String body) {
		this.broker.stub(request, status, body);
	}

	/** Like {@link #stub}, with a Retry-After header: seconds or an HTTP date. */
	void stub(MappingBuilder request, int status, String body, String retryAfter) {
		this.broker.server()
			.stubFor(request.willReturn(WireMock.aResponse()
				.withStatus(status)
				.withHeader("Content-Type", "application/json")
				.withHeader("Retry-After", retryAfter)
				.withBody(body)));
	}

	static MappingBuilder provision() {
		return WireMock.put(WireMock.urlPathMatching("/v2/service_instances/[^/]+"));
	}

	static MappingBuilder deprovision() {
		return WireMock.delete(WireMock.urlPathMatching("/v2/service_instances/[^/]+"));
	}

	static MappingBuilder update() {
		return WireMock.patch(WireMock.urlPathMatching("/v2/service_instances/[^/]+"));
	}

	static MappingBuilder lastOperation() {
		return WireMock.get(WireMock.urlPathMatching("/v2/service_instances/[^/]+/last_operation"));
	}

	static MappingBuilder bind() {
		return WireMock.put(WireMock.urlPathMatching("/v2/service_instances/[^/]+/service_bindings/[^/]+"));
	}

	static MappingBuilder unbind() {
		return WireMock.delete(WireMock.urlPathMatching("/v2/service_instances/[^/]+/service_bindings/[^/]+"));
	}

	static MappingBuilder bindingLastOperation() {
		return WireMock
			.get(WireMock.urlPathMatching("/v2/service_instances/[^/]+/service_bindings/[^/]+/last_operation"));
	}

	/** The polls of any instance's last operation. */
	static RequestPatternBuilder polls() {
		return WireMock.getRequestedFor(WireMock.urlPathMatching("/v2/service_instances/[^/]+/last_operation"));
	}

	/** Waits until the broker has been polled at least that many times. */
	void awaitPolls(int count) {
		Eventually.until(() -> count(polls()), (n) -> n >= count, Duration.ofSeconds(15));
	}

	/** The milliseconds between the arrivals of the requests, in order. */
	List<Long> gapsMillis(RequestPatternBuilder pattern) {
		List<Long> times = new ArrayList<>(requests(pattern).stream().map((r) -> r.getLoggedDate().getTime()).toList());
		Collections.sort(times);
		List<Long> gaps = new ArrayList<>();
		for (int i = 1; i < times.size(); i++) {
			gaps.add(times.get(i) - times.get(i - 1));
		}
		return gaps;
	}

	int count(RequestPatternBuilder pattern) {
		return this.broker.server().countRequestsMatching(pattern.build()).getCount();
	}

	int deprovisionsOf(String id) {
		return count(WireMock.deleteRequestedFor(WireMock.urlPathEqualTo("/v2/service_instances/" + id)));
	}

	List<LoggedRequest> requests(RequestPatternBuilder pattern) {
		return this.broker.server().findAll(pattern);
	}

	/** The id of the instance of that name, whatever the broker answered. */
	String createdId(String name) {
		JsonNode list = user().get(instancesPath()).json();
		for (JsonNode instance : list) {
			if (name.equals(instance.get("displayName").asString())) {
				return instance.get("id").asString();
			}
		}
		throw new IllegalStateException("No instance named " + name + " in " + list);
	}

	/** Orders an instance and answers its id, whatever the broker answered. */
	String order(String name) {
		create(name);
		return createdId(name);
	}

	/** An instance the broker provisioned at once. */
	String provisioned(String name) {
		stub(provision(), 201, "{}");
		require(create(name), 201);
		return createdId(name);
	}

	JsonNode instance(String id) {
		return user().get("/api/service-instances/" + id).json();
	}

	Api.Reply bind(String id, String name) {
		return user().post("/api/service-instances/" + id + "/bindings", Map.of("displayName", name));
	}

	/** The id of the instance's only binding. */
	String onlyBindingId(String id) {
		JsonNode list = user().get("/api/service-instances/" + id + "/bindings").json();
		if (list.size() != 1) {
			throw new IllegalStateException("Expected one binding but got " + list);
		}
		return list.get(0).get("id").asString();
	}

	/** The binding once no operation runs on it any more; null once it is gone. */
	JsonNode settledBinding(String id, String bindingId) {
		Api.Reply reply = Eventually.until(() -> user().get("/api/service-instances/" + id + "/bindings/" + bindingId),
				(r) -> r.status() == 404 || !"IN_PROGRESS".equals(r.json().get("status").asString()),
				Duration.ofSeconds(15));
		return (reply.status() == 404) ? null : reply.json();
	}

	/**
	 * Stubs a request to answer the statuses and bodies in turn, the last one from then
	 * on.
	 */
	void stubInTurn(Supplier<MappingBuilder> request, String... statusAndBodies) {
		String scenario = "turns-" + UUID.randomUUID();
		for (int i = 0; i < statusAndBodies.length; i++) {
			String[] parts = statusAndBodies[i].split(" ", 2);
			ScenarioMappingBuilder step = request.get()
				.inScenario(scenario)
				.whenScenarioStateIs((i == 0) ? Scenario.STARTED : "s" + i);
			if (i < statusAndBodies.length - 1) {
				step = step.willSetStateTo("s" + (i + 1));
			}
			if (parts[0].equals("timeout")) {
				this.broker.server()
					.stubFor(step.willReturn(WireMock.ok("{\"state\":\"in progress\"}").withFixedDelay(8000)));
				continue;
			}
			this.broker.server()
				.stubFor(step.willReturn(WireMock.aResponse()
					.withStatus(Integer.parseInt(parts[0]))
					.withHeader("Content-Type", "application/json")
					.withBody((parts.length > 1) ? parts[1] : "")));
		}
	}

	/** Catalog changes: the service lets Bazaar fetch instances and bindings. */
	static String retrievable(String catalog) {
		return catalog.replace("\"plan_updateable\": true,",
				"\"plan_updateable\": true, \"instances_retrievable\": true, \"bindings_retrievable\": true,");
	}

	static String notPlanUpdateable(String catalog) {
		return catalog.replace("\"plan_updateable\": true", "\"plan_updateable\": false");
	}

	static String planOneNotBindable(String catalog) {
		return catalog.replace("\"name\": \"small\",", "\"name\": \"small\", \"bindable\": false,");
	}

	static UnaryOperator<String> planOnePollsAtMost(int seconds) {
		return (catalog) -> catalog.replace("\"name\": \"small\",",
				"\"name\": \"small\", \"maximum_polling_duration\": " + seconds + ",");
	}

	@Override
	public void close() {
		this.broker.close();
	}

	private static void require(Api.Reply reply, int status) {
		if (reply.status() != status) {
			throw new IllegalStateException("Expected " + status + " but got " + reply);
		}
	}

}
