package dev.bazaar.instance;

import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.bazaar.support.Api;
import dev.bazaar.support.BazaarTest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code POST /api/service-instances/{id}/refresh}: fetching an instance from its broker
 * where the service has {@code instances_retrievable: true}.
 */
@BazaarTest
class RefreshTests {

	@LocalServerPort
	int port;

	@Test
	void keepsTheDashboardUrlAndParametersTheBrokerReturns() {
		try (InstanceFixture fixture = InstanceFixture.start(this.port, InstanceFixture::retrievable)) {
			String id = fixture.provisioned("db");
			fixture.stub(fetch(), 200,
					"{\"dashboard_url\":\"https://dash/2\",\"plan_id\":\"x\",\"parameters\":{\"size\":7}}");

			Api.Reply reply = refresh(fixture, id);

			assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
			assertThat(reply.json().get("dashboardUrl").asString()).isEqualTo("https://dash/2");
			JsonNode instance = fixture.instance(id);
			assertThat(instance.get("dashboardUrl").asString()).isEqualTo("https://dash/2");
			assertThat(instance.get("parameters").get("size").asInt()).isEqualTo(7);
			assertThat(instance.get("planId").asString()).isEqualTo(fixture.broker.planId(1));
			LoggedRequest request = fixture
				.requests(WireMock.getRequestedFor(WireMock.urlPathEqualTo("/v2/service_instances/" + id)))
				.get(0);
			assertThat(request.queryParameter("service_id").firstValue()).isEqualTo(fixture.broker.serviceId());
			assertThat(request.queryParameter("plan_id").firstValue()).isEqualTo(fixture.broker.planId(1));
			JsonNode logs = fixture.customer.admin()
				.get("/api/service-brokers/fake-" + fixture.customer.identifier()
						+ "/communication-logs?operationType=FETCH_INSTANCE")
				.json()
				.get("items");
			assertThat(logs).hasSize(1);
		}
	}

	@Test
	void keepsTheParametersWhenTheBrokerReturnsNone() {
		try (InstanceFixture fixture = InstanceFixture.start(this.port, InstanceFixture::retrievable)) {
			fixture.stub(InstanceFixture.provision(), 201, "{\"dashboard_url\":\"https://dash/1\"}");
			fixture.create("db", java.util.Map.of("size", 3));
			String id = fixture.createdId("db");
			fixture.stub(fetch(), 200, "{}");

			Api.Reply reply = refresh(fixture, id);

			assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
			assertThat(reply.json().get("dashboardUrl").asString()).isEqualTo("https://dash/1");
			assertThat(reply.json().get("parameters").get("size").asInt()).isEqualTo(3);
		}
	}

	@Test
	void refusesWhenTheServiceDoesNotLetBazaarFetchInstances() {
		try (InstanceFixture fixture = InstanceFixture.start(this.port)) {
			String id = fixture.provisioned("db");

			Api.Reply reply = refresh(fixture, id);

			assertThat(reply.status()).as(reply.toString()).isEqualTo(422);
			assertThat(reply.json().get("detail").asString()).contains("instances_retrievable");
			assertThat(fixture.count(WireMock.getRequestedFor(WireMock.urlPathEqualTo("/v2/service_instances/" + id))))
				.isZero();
		}
	}

	@Test
	void answers502AndChangesNothingWhenTheBrokerFails() {
		try (InstanceFixture fixture = InstanceFixture.start(this.port, InstanceFixture::retrievable)) {
			fixture.stub(InstanceFixture.provision(), 201, "{\"dashboard_url\":\"https://dash/1\"}");
			String id = fixture.order("db");
			fixture.stub(fetch(), 500, "{}");

			Api.Reply reply = refresh(fixture, id);

			assertThat(reply.status()).as(reply.toString()).isEqualTo(502);
			assertThat(reply.json().get("detail").asString()).contains("HTTP 500");
			assertThat(fixture.instance(id).get("dashboardUrl").asString()).isEqualTo("https://dash/1");
			assertThat(fixture.instance(id).get("status").asString()).isEqualTo("SUCCEEDED");
		}
	}

	private static Api.Reply refresh(InstanceFixture fixture, String id) {
		return fixture.user().post("/api/service-instances/" + id + "/refresh", null);
	}

	private static MappingBuilder fetch() {
		return WireMock.get(WireMock.urlPathMatching("/v2/service_instances/[^/]+"));
	}

}
