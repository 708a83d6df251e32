package dev.bazaar.instance;

import java.util.Base64;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;

import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.bazaar.support.Api;
import dev.bazaar.support.BazaarTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What Bazaar does for each answer a broker can give to an update (OSB v2.15 orphan
 * mitigation table: never a mitigation for updates), against a broker on a real socket.
 */
@BazaarTest
class UpdateTableTests {

	private static final JsonMapper json = JsonMapper.builder().build();

	@LocalServerPort
	int port;

	static Stream<Arguments> answers() {
		return Stream.of(row("200 OK", (f) -> f.stub(InstanceFixture.update(), 200, "{}"), 200, "SUCCEEDED", 2),
				row("201 (a success in the table)", (f) -> f.stub(InstanceFixture.update(), 201, "{}"), 200,
						"SUCCEEDED", 2),
				row("202 then succeeded", (f) -> {
					f.stub(InstanceFixture.update(), 202, "{\"operation\":\"u1\"}");
					f.stub(InstanceFixture.lastOperation(), 200, "{\"state\":\"succeeded\"}");
				}, 202, "SUCCEEDED", 2), row("202 then failed", (f) -> {
					f.stub(InstanceFixture.update(), 202, "{}");
					f.stub(InstanceFixture.lastOperation(), 200, "{\"state\":\"failed\",\"description\":\"no room\"}");
				}, 202, "FAILED", 1),
				row("204 (another 2xx)", (f) -> f.stub(InstanceFixture.update(), 204, ""), 502, "FAILED", 1),
				row("400", (f) -> f.stub(InstanceFixture.update(), 400, "{\"description\":\"bad\"}"), 422, "FAILED", 1),
				row("408", (f) -> f.stub(InstanceFixture.update(), 408, "{}"), 502, "FAILED", 1),
				row("409", (f) -> f.stub(InstanceFixture.update(), 409, "{}"), 422, "FAILED", 1),
				row("422 not supported",
						(f) -> f.stub(InstanceFixture.update(), 422, "{\"description\":\"cannot downgrade\"}"), 422,
						"FAILED", 1),
				row("422 ConcurrencyError",
						(f) -> f.stub(InstanceFixture.update(), 422, "{\"error\":\"ConcurrencyError\"}"), 409, "FAILED",
						1),
				row("500", (f) -> f.stub(InstanceFixture.update(), 500, "{}"), 502, "FAILED", 1),
				row("503", (f) -> f.stub(InstanceFixture.update(), 503, "<html>down</html>"), 502, "FAILED", 1),
				row("200 with a body that is not JSON", (f) -> f.stub(InstanceFixture.update(), 200, "oops"), 502,
						"FAILED", 1),
				row("timeout",
						(f) -> f.broker.server()
							.stubFor(InstanceFixture.update().willReturn(WireMock.ok("{}").withFixedDelay(8000))),
						502, "FAILED", 1));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("answers")
	void actsOnTheBrokersAnswer(String answer, Consumer<InstanceFixture> broker, int apiStatus, String finalStatus,
			int planAfter) throws Exception {
		try (InstanceFixture fixture = InstanceFixture.start(this.port)) {
			String id = fixture.provisioned("db");
			fixture.stub(InstanceFixture.deprovision(), 200, "{}");
			broker.accept(fixture);

			Api.Reply reply = patch(fixture, id, Map.of("planId", fixture.broker.planId(2)));

			assertThat(reply.status()).as(reply.toString()).isEqualTo(apiStatus);
			if (apiStatus == 202) {
				assertThat(reply.json().get("planId").asString()).as("applied only once done")
					.isEqualTo(fixture.broker.planId(1));
			}
			if (apiStatus >= 400) {
				assertThat(reply.json().get("detail").asString()).isNotBlank();
			}
			JsonNode instance = fixture.settled(id);
			assertThat(instance.get("status").asString()).isEqualTo(finalStatus);
			assertThat(instance.get("lastOperation").get("type").asString()).isEqualTo("UPDATE");
			assertThat(instance.get("planId").asString()).isEqualTo(fixture.broker.planId(planAfter));
			Thread.sleep(500);
			assertThat(fixture.deprovisionsOf(id)).as("no orphan mitigation for updates").isZero();
		}
	}

	@Test
	void refusesAPlanChangeWhereThePlanIsNotUpdateable() {
		try (InstanceFixture fixture = InstanceFixture.start(this.port, InstanceFixture::notPlanUpdateable)) {
			String id = fixture.provisioned("db");
			fixture.stub(InstanceFixture.update(), 200, "{}");

			Api.Reply reply = patch(fixture, id, Map.of("planId", fixture.broker.planId(2)));

			assertThat(reply.status()).as(reply.toString()).isEqualTo(422);
			assertThat(reply.json().get("detail").asString()).contains("plan_updateable");
			assertThat(fixture.count(WireMock.patchRequestedFor(WireMock.anyUrl()))).isZero();
			assertThat(patch(fixture, id, Map.of("parameters", Map.of("size", 2))).status())
				.as("parameters may still change")
				.isEqualTo(200);
		}
	}

	@Test
	void sendsThePreviousValuesAndTheNewPlan() {
		try (InstanceFixture fixture = InstanceFixture.start(this.port)) {
			String id = fixture.provisioned("db");
			fixture.stub(InstanceFixture.update(), 200, "{}");

			assertThat(patch(fixture, id, Map.of("planId", fixture.broker.planId(2))).status()).isEqualTo(200);

			LoggedRequest request = fixture.requests(WireMock.patchRequestedFor(WireMock.anyUrl())).get(0);
			assertThat(request.queryParameter("accepts_incomplete").firstValue()).isEqualTo("true");
			JsonNode body = json.readTree(request.getBodyAsString());
			assertThat(body.get("service_id").asString()).isEqualTo(fixture.broker.serviceId());
			assertThat(body.get("plan_id").asString()).isEqualTo(fixture.broker.planId(2));
			assertThat(body.has("parameters")).as("no parameters the user did not set").isFalse();
			assertThat(body.get("previous_values").get("plan_id").asString()).isEqualTo(fixture.broker.planId(1));
			assertThat(body.get("previous_values").get("service_id").asString()).isEqualTo(fixture.broker.serviceId());
			assertThat(body.get("context").get("platform").asString()).isEqualTo("bazaar");
			assertThat(originatingUser(request)).contains("user_id");
		}
	}

	@Test
	void sendsOnlyTheParametersTheUserSetAndKeepsTheRest() {
		try (InstanceFixture fixture = InstanceFixture.start(this.port)) {
			fixture.stub(InstanceFixture.provision(), 201, "{}");
			fixture.create("db", Map.of("a", 1, "b", 2));
			String id = fixture.createdId("db");
			fixture.stub(InstanceFixture.update(), 200, "{}");

			Api.Reply reply = patch(fixture, id, Map.of("parameters", Map.of("b", 3)));

			assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
			JsonNode body = json
				.readTree(fixture.requests(WireMock.patchRequestedFor(WireMock.anyUrl())).get(0).getBodyAsString());
			assertThat(body.get("parameters").toString()).isEqualTo("{\"b\":3}");
			assertThat(body.has("plan_id")).as("no plan change asked").isFalse();
			JsonNode parameters = fixture.instance(id).get("parameters");
			assertThat(parameters.get("a").asInt()).isEqualTo(1);
			assertThat(parameters.get("b").asInt()).isEqualTo(3);
		}
	}

	@Test
	void keepsTheParametersWhenAnAsynchronousUpdateFails() {
		try (InstanceFixture fixture = InstanceFixture.start(this.port)) {
			fixture.stub(InstanceFixture.provision(), 201, "{}");
			fixture.create("db", Map.of("a", 1));
			String id = fixture.createdId("db");
			fixture.stub(InstanceFixture.update(), 202, "{}");
			fixture.stub(InstanceFixture.lastOperation(), 200, "{\"state\":\"failed\"}");

			assertThat(patch(fixture, id, Map.of("parameters", Map.of("a", 5))).status()).isEqualTo(202);

			JsonNode instance = fixture.settled(id);
			assertThat(instance.get("status").asString()).isEqualTo("FAILED");
			assertThat(instance.get("parameters").get("a").asInt()).isEqualTo(1);
		}
	}

	@Test
	void pollsAnUpdateWithThePlanItHadBefore() {
		try (InstanceFixture fixture = InstanceFixture.start(this.port)) {
			String id = fixture.provisioned("db");
			fixture.stub(InstanceFixture.update(), 202, "{\"dashboard_url\":\"https://dash/new\"}");
			fixture.stub(InstanceFixture.lastOperation(), 200, "{\"state\":\"succeeded\"}");

			assertThat(patch(fixture, id, Map.of("planId", fixture.broker.planId(2))).status()).isEqualTo(202);

			JsonNode instance = fixture.settled(id);
			assertThat(instance.get("planId").asString()).isEqualTo(fixture.broker.planId(2));
			assertThat(instance.get("dashboardUrl").asString()).isEqualTo("https://dash/new");
			LoggedRequest poll = fixture
				.requests(WireMock.getRequestedFor(WireMock.urlPathMatching(".*/last_operation")))
				.get(0);
			assertThat(poll.queryParameter("plan_id").firstValue()).as("the plan before the update (OSB spec)")
				.isEqualTo(fixture.broker.planId(1));
		}
	}

	@Test
	void changesTheDisplayNameWithoutCallingTheBroker() {
		try (InstanceFixture fixture = InstanceFixture.start(this.port)) {
			String id = fixture.provisioned("db");

			Api.Reply reply = patch(fixture, id, Map.of("displayName", "orders db"));

			assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
			assertThat(reply.json().get("displayName").asString()).isEqualTo("orders db");
			assertThat(reply.json().get("lastOperation").get("type").asString()).isEqualTo("CREATE");
			assertThat(fixture.count(WireMock.patchRequestedFor(WireMock.anyUrl()))).isZero();
		}
	}

	static Api.Reply patch(InstanceFixture fixture, String id, Map<String, Object> body) {
		return fixture.user().patch("/api/service-instances/" + id, body);
	}

	static String originatingUser(LoggedRequest request) {
		String header = request.getHeader("X-Broker-API-Originating-Identity");
		if (header == null) {
			return null;
		}
		assertThat(header).startsWith("bazaar ");
		return new String(Base64.getDecoder().decode(header.substring("bazaar ".length())));
	}

	private static Arguments row(String answer, Consumer<InstanceFixture> broker, int apiStatus, String finalStatus,
			int planAfter) {
		return Arguments.of(answer, broker, apiStatus, finalStatus, planAfter);
	}

}
