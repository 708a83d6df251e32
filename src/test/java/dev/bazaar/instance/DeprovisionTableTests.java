package dev.bazaar.instance;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;

import com.github.tomakehurst.wiremock.client.WireMock;
import dev.bazaar.support.Api;
import dev.bazaar.support.BazaarTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;

import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What Bazaar does for each answer a broker can give to a deprovision, and how it unbinds
 * first, against a broker on a real socket.
 */
@BazaarTest
class DeprovisionTableTests {

	@LocalServerPort
	int port;

	static Stream<Arguments> answers() {
		return Stream.of(row("200 OK", (f) -> f.stub(InstanceFixture.deprovision(), 200, "{}"), 204, null, null),
				row("410 Gone", (f) -> f.stub(InstanceFixture.deprovision(), 410, "{}"), 204, null, null),
				row("202 then succeeded", (f) -> {
					f.stub(InstanceFixture.deprovision(), 202, "{\"operation\":\"d1\"}");
					f.stub(InstanceFixture.lastOperation(), 200, "{\"state\":\"succeeded\"}");
				}, 202, null, null), row("202 then 410 while polling", (f) -> {
					f.stub(InstanceFixture.deprovision(), 202, "{}");
					f.stubInTurn(InstanceFixture::lastOperation, "200 {\"state\":\"in progress\"}", "410 {}");
				}, 202, null, null), row("202 then failed", (f) -> {
					f.stub(InstanceFixture.deprovision(), 202, "{}");
					f.stub(InstanceFixture.lastOperation(), 200,
							"{\"state\":\"failed\",\"description\":\"volume busy\"}");
				}, 202, "FAILED", "volume busy"),
				row("500", (f) -> f.stub(InstanceFixture.deprovision(), 500, "{\"description\":\"boom\"}"), 502,
						"FAILED", "HTTP 500"),
				row("timeout",
						(f) -> f.broker.server()
							.stubFor(InstanceFixture.deprovision().willReturn(WireMock.ok("{}").withFixedDelay(8000))),
						502, "FAILED", "No answer"),
				row("400", (f) -> f.stub(InstanceFixture.deprovision(), 400, "{}"), 422, "FAILED", "HTTP 400"),
				row("422 ConcurrencyError",
						(f) -> f.stub(InstanceFixture.deprovision(), 422, "{\"error\":\"ConcurrencyError\"}"), 409,
						"FAILED", "ConcurrencyError"),
				row("200 with a body that is not JSON", (f) -> f.stub(InstanceFixture.deprovision(), 200, "oops"), 502,
						"FAILED", "not a JSON object"));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("answers")
	void actsOnTheBrokersAnswer(String answer, Consumer<InstanceFixture> broker, int apiStatus, String finalStatus,
			String reason) {
		try (InstanceFixture fixture = InstanceFixture.start(this.port)) {
			String id = fixture.provisioned("db");
			broker.accept(fixture);

			Api.Reply reply = fixture.user().delete("/api/service-instances/" + id);

			assertThat(reply.status()).as(reply.toString()).isEqualTo(apiStatus);
			JsonNode instance = fixture.settled(id);
			if (finalStatus == null) {
				assertThat(fixture.user().get("/api/service-instances/" + id).status()).isEqualTo(404);
				assertThat(fixture.user().get(fixture.instancesPath()).json()).isEmpty();
			}
			else {
				assertThat(instance.get("status").asString()).isEqualTo(finalStatus);
				assertThat(instance.get("lastOperation").get("type").asString()).isEqualTo("DELETE");
				assertThat(instance.get("lastOperation").get("description").asString()).contains(reason);
			}
			assertThat(
					fixture.requests(WireMock.deleteRequestedFor(WireMock.urlPathMatching("/v2/service_instances/.*")))
						.get(0)
						.queryParameter("accepts_incomplete")
						.firstValue())
				.isEqualTo("true");
		}
	}

	@Test
	void deletesAgainAfterAFailedDeprovision() {
		try (InstanceFixture fixture = InstanceFixture.start(this.port)) {
			String id = fixture.provisioned("db");
			fixture.stub(InstanceFixture.deprovision(), 202, "{}");
			fixture.stub(InstanceFixture.lastOperation(), 200, "{\"state\":\"failed\",\"description\":\"busy\"}");
			assertThat(fixture.user().delete("/api/service-instances/" + id).status()).isEqualTo(202);
			assertThat(fixture.settled(id).get("status").asString()).isEqualTo("FAILED");

			fixture.stub(InstanceFixture.deprovision(), 200, "{}");
			Api.Reply retry = fixture.user().delete("/api/service-instances/" + id);

			assertThat(retry.status()).as(retry.toString()).isEqualTo(204);
			assertThat(fixture.user().get("/api/service-instances/" + id).status()).isEqualTo(404);
		}
	}

	@Test
	void unbindsEveryBindingBeforeDeprovisioning() {
		try (InstanceFixture fixture = InstanceFixture.start(this.port)) {
			String id = fixture.provisioned("db");
			fixture.stub(InstanceFixture.bind(), 201, "{\"credentials\":{\"password\":\"pw\"}}");
			assertThat(fixture.bind(id, "app-1").status()).isEqualTo(201);
			assertThat(fixture.bind(id, "app-2").status()).isEqualTo(201);
			fixture.stub(InstanceFixture.unbind(), 200, "{}");
			fixture.stub(InstanceFixture.deprovision(), 200, "{}");

			Api.Reply reply = fixture.user().delete("/api/service-instances/" + id);

			assertThat(reply.status()).as(reply.toString()).isEqualTo(204);
			assertThat(deletes(fixture)).containsExactly("unbind", "unbind", "deprovision");
		}
	}

	@Test
	void waitsForAsynchronousUnbindsBeforeDeprovisioning() {
		try (InstanceFixture fixture = InstanceFixture.start(this.port, InstanceFixture::retrievable)) {
			String id = fixture.provisioned("db");
			fixture.stub(InstanceFixture.bind(), 201, "{\"credentials\":{\"password\":\"pw\"}}");
			assertThat(fixture.bind(id, "app").status()).isEqualTo(201);
			fixture.stub(InstanceFixture.unbind(), 202, "{\"operation\":\"unbind-1\"}");
			fixture.stubInTurn(InstanceFixture::bindingLastOperation, "200 {\"state\":\"in progress\"}",
					"200 {\"state\":\"succeeded\"}");
			fixture.stub(InstanceFixture.deprovision(), 200, "{}");

			Api.Reply reply = fixture.user().delete("/api/service-instances/" + id);

			assertThat(reply.status()).as(reply.toString()).isEqualTo(202);
			assertThat(reply.json().get("status").asString()).isEqualTo("IN_PROGRESS");
			assertThat(fixture.settled(id)).as("gone").isNotNull();
			assertThat(fixture.user().get("/api/service-instances/" + id).status()).isEqualTo(404);
			assertThat(deletes(fixture)).containsExactly("unbind", "deprovision");
			assertThat(fixture
				.count(WireMock.getRequestedFor(WireMock.urlPathMatching(".*/service_bindings/.*/last_operation"))
					.withQueryParam("operation", WireMock.equalTo("unbind-1"))))
				.isEqualTo(2);
		}
	}

	@Test
	void failsTheDeleteWhenAnUnbindFails() {
		try (InstanceFixture fixture = InstanceFixture.start(this.port)) {
			String id = fixture.provisioned("db");
			fixture.stub(InstanceFixture.bind(), 201, "{\"credentials\":{}}");
			assertThat(fixture.bind(id, "app").status()).isEqualTo(201);
			fixture.stub(InstanceFixture.unbind(), 500, "{}");
			fixture.stub(InstanceFixture.deprovision(), 200, "{}");

			Api.Reply reply = fixture.user().delete("/api/service-instances/" + id);

			assertThat(reply.status()).as(reply.toString()).isEqualTo(502);
			JsonNode instance = fixture.instance(id);
			assertThat(instance.get("status").asString()).isEqualTo("FAILED");
			assertThat(instance.get("lastOperation").get("description").asString()).contains("Could not unbind 'app'");
			assertThat(deletes(fixture)).containsExactly("unbind");
		}
	}

	/** The DELETE requests the broker got, in order. */
	private static List<String> deletes(InstanceFixture fixture) {
		// WireMock lists the newest first.
		List<String> deletes = new ArrayList<>(fixture.broker.server()
			.getAllServeEvents()
			.stream()
			.filter((event) -> event.getRequest().getMethod().getName().equals("DELETE"))
			.map((event) -> event.getRequest().getUrl().contains("/service_bindings/") ? "unbind" : "deprovision")
			.toList());
		Collections.reverse(deletes);
		return deletes;
	}

	private static Arguments row(String answer, Consumer<InstanceFixture> broker, int apiStatus, String finalStatus,
			String reason) {
		return Arguments.of(answer, broker, apiStatus, finalStatus, reason);
	}

}
