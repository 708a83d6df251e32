package dev.bazaar.instance;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.matching.RequestPatternBuilder;
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
		FakeBroker broker = FakeBroker.start();
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

	int count(RequestPatternBuilder pattern) {
		return this.broker.server().countRequestsMatching(pattern.build()).getCount();
	}

	int deprovisionsOf(String id) {
		return count(WireMock.deleteRequestedFor(WireMock.urlPathEqualTo("/v2/service_instances/" + id)));
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
