package dev.bazaar.instance;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.bazaar.support.BazaarTest;
import dev.bazaar.support.Eventually;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The headers and bodies of the requests Bazaar sends brokers for instances and bindings.
 */
@BazaarTest
class BrokerRequestsTests {

	private static final JsonMapper json = JsonMapper.builder().build();

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Test
	void provisionsWithTheSpecsFieldsAndBazaarsContext() {
		try (InstanceFixture fixture = InstanceFixture.start(this.port)) {
			fixture.stub(InstanceFixture.provision(), 201, "{}");

			fixture.create("orders db", Map.of("size", 3, "tier", "gold"));
			String id = fixture.createdId("orders db");

			LoggedRequest request = fixture.requests(WireMock.putRequestedFor(WireMock.anyUrl())).get(0);
			assertThat(request.getUrl()).startsWith("/v2/service_instances/" + id + "?");
			assertThat(request.queryParameter("accepts_incomplete").firstValue()).isEqualTo("true");
			assertThat(request.getHeader("X-Broker-API-Version")).isEqualTo("2.14");
			assertThat(request.getHeader("X-Broker-API-Request-Identity")).isNotBlank();
			assertThat(request.getHeader("Content-Type")).startsWith("application/json");
			JsonNode body = json.readTree(request.getBodyAsString());
			assertThat(body.get("service_id").asString()).isEqualTo(fixture.broker.serviceId());
			assertThat(body.get("plan_id").asString()).isEqualTo(fixture.broker.planId(1));
			assertThat(body.get("organization_guid").asString()).isEqualTo(fixture.customer.identifier());
			assertThat(body.get("space_guid").asString()).isEqualTo("shop");
			JsonNode context = body.get("context");
			assertThat(context.get("platform").asString()).isEqualTo("bazaar");
			assertThat(context.get("customer_id").asString()).isEqualTo(fixture.customer.identifier());
			assertThat(context.get("project_id").asString()).isEqualTo("shop");
			assertThat(context.get("instance_name").asString()).isEqualTo("orders db");
			assertThat(body.get("parameters").get("size").asInt()).isEqualTo(3);
			assertThat(body.get("parameters").get("tier").asString()).isEqualTo("gold");
			assertThat(UpdateTableTests.originatingUser(request))
				.isEqualTo("{\"user_id\":\"" + userId(fixture.customer.identifier() + "-employee") + "\"}");
		}
	}

	@Test
	void sendsNoParametersWhenTheUserSetNone() {
		try (InstanceFixture fixture = InstanceFixture.start(this.port)) {
			fixture.provisioned("db");

			JsonNode body = json
				.readTree(fixture.requests(WireMock.putRequestedFor(WireMock.anyUrl())).get(0).getBodyAsString());
			assertThat(body.has("parameters")).isFalse();
		}
	}

	@Test
	void namesTheUserOnUserCausedCallsButNotOnBackgroundWork() {
		try (InstanceFixture fixture = InstanceFixture.start(this.port)) {
			fixture.stub(InstanceFixture.provision(), 202, "{}");
			fixture.stub(InstanceFixture.lastOperation(), 200, "{\"state\":\"failed\"}");
			fixture.stub(InstanceFixture.deprovision(), 200, "{}");

			String id = fixture.order("db");
			Eventually.until(() -> fixture.deprovisionsOf(id), (count) -> count >= 1, Duration.ofSeconds(10));

			String user = "{\"user_id\":\"" + userId(fixture.customer.identifier() + "-employee") + "\"}";
			assertThat(UpdateTableTests
				.originatingUser(fixture.requests(WireMock.putRequestedFor(WireMock.anyUrl())).get(0))).isEqualTo(user);
			assertThat(fixture.requests(WireMock.getRequestedFor(WireMock.urlPathMatching(".*/last_operation"))))
				.allSatisfy((poll) -> assertThat(poll.getHeader("X-Broker-API-Originating-Identity")).isNull());
			LoggedRequest mitigation = fixture.requests(WireMock.deleteRequestedFor(WireMock.anyUrl())).get(0);
			assertThat(mitigation.getHeader("X-Broker-API-Originating-Identity")).isNull();
			assertThat(mitigation.queryParameter("service_id").firstValue()).isEqualTo(fixture.broker.serviceId());
			assertThat(mitigation.queryParameter("plan_id").firstValue()).isEqualTo(fixture.broker.planId(1));
		}
	}

	@Test
	void bindsAndUnbindsWithTheSpecsFields() {
		try (InstanceFixture fixture = InstanceFixture.start(this.port)) {
			String id = fixture.provisioned("db");
			fixture.stub(InstanceFixture.bind(), 201, "{\"credentials\":{}}");
			fixture.stub(InstanceFixture.unbind(), 200, "{}");
			String bindingId = fixture.user()
				.post("/api/service-instances/" + id + "/bindings",
						Map.of("displayName", "app", "parameters", Map.of("role", "reader")))
				.json()
				.get("id")
				.asString();
			fixture.user().delete("/api/service-instances/" + id + "/bindings/" + bindingId);

			LoggedRequest bind = fixture
				.requests(WireMock.putRequestedFor(WireMock.urlPathMatching(".*/service_bindings/.*")))
				.get(0);
			assertThat(bind.getUrl()).startsWith("/v2/service_instances/" + id + "/service_bindings/" + bindingId);
			JsonNode body = json.readTree(bind.getBodyAsString());
			assertThat(body.get("service_id").asString()).isEqualTo(fixture.broker.serviceId());
			assertThat(body.get("plan_id").asString()).isEqualTo(fixture.broker.planId(1));
			assertThat(body.get("context").get("platform").asString()).isEqualTo("bazaar");
			assertThat(body.get("parameters").get("role").asString()).isEqualTo("reader");
			assertThat(UpdateTableTests.originatingUser(bind)).contains("user_id");
			LoggedRequest unbind = fixture.requests(WireMock.deleteRequestedFor(WireMock.anyUrl())).get(0);
			assertThat(unbind.queryParameter("service_id").firstValue()).isEqualTo(fixture.broker.serviceId());
			assertThat(unbind.queryParameter("plan_id").firstValue()).isEqualTo(fixture.broker.planId(1));
			assertThat(UpdateTableTests.originatingUser(unbind)).contains("user_id");
		}
	}

	private String userId(String username) {
		UUID id = this.jdbc.sql("select id from app_user where username = ?")
			.param(username)
			.query(UUID.class)
			.single();
		return id.toString();
	}

}
