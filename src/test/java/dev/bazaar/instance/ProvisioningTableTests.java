package dev.bazaar.instance;

import java.time.Duration;
import java.util.function.Consumer;
import java.util.stream.Stream;

import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.http.Fault;
import dev.bazaar.support.Api;
import dev.bazaar.support.BazaarTest;
import dev.bazaar.support.Eventually;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;

import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What Bazaar does for each answer a broker can give to a provision (OSB v2.15 orphan
 * mitigation table), against a broker on a real socket.
 */
@BazaarTest
class ProvisioningTableTests {

	@LocalServerPort
	int port;

	static Stream<Arguments> answers() {
		return Stream.of(
				row("201 Created",
						(f) -> f.stub(InstanceFixture.provision(), 201, "{\"dashboard_url\":\"https://dash\"}"), 201,
						"SUCCEEDED", false),
				row("200 OK (already exists)", (f) -> f.stub(InstanceFixture.provision(), 200, "{}"), 201, "SUCCEEDED",
						false),
				row("202 then succeeded", (f) -> {
					f.stub(InstanceFixture.provision(), 202, "{\"operation\":\"op 1/2\"}");
					f.stub(InstanceFixture.lastOperation(), 200, "{\"state\":\"succeeded\"}");
				}, 202, "SUCCEEDED", false), row("202 then failed", (f) -> {
					f.stub(InstanceFixture.provision(), 202, "{}");
					f.stub(InstanceFixture.lastOperation(), 200,
							"{\"state\":\"failed\",\"description\":\"disk full\"}");
				}, 202, "FAILED", true),
				row("204 (another 2xx)", (f) -> f.stub(InstanceFixture.provision(), 204, ""), 502, "FAILED", true),
				row("400", (f) -> f.stub(InstanceFixture.provision(), 400, "{\"description\":\"bad parameters\"}"), 422,
						"FAILED", false),
				row("408", (f) -> f.stub(InstanceFixture.provision(), 408, "{}"), 502, "FAILED", false),
				row("409", (f) -> f.stub(InstanceFixture.provision(), 409, "{}"), 422, "FAILED", false),
				row("422 AsyncRequired",
						(f) -> f.stub(InstanceFixture.provision(), 422, "{\"error\":\"AsyncRequired\"}"), 422, "FAILED",
						false),
				row("422 ConcurrencyError",
						(f) -> f.stub(InstanceFixture.provision(), 422, "{\"error\":\"ConcurrencyError\"}"), 409,
						"FAILED", false),
				row("500", (f) -> f.stub(InstanceFixture.provision(), 500, "{\"description\":\"boom\"}"), 502, "FAILED",
						true),
				row("201 with a body that is not JSON", (f) -> f.stub(InstanceFixture.provision(), 201, "<html>"), 502,
						"FAILED", true),
				row("200 with a body that is not JSON", (f) -> f.stub(InstanceFixture.provision(), 200, "oops"), 502,
						"FAILED", false),
				row("timeout",
						(f) -> f.broker.server()
							.stubFor(InstanceFixture.provision().willReturn(WireMock.ok("{}").withFixedDelay(8000))),
						502, "FAILED", true),
				row("connection reset",
						(f) -> f.broker.server()
							.stubFor(InstanceFixture.provision()
								.willReturn(WireMock.aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER))),
						502, "FAILED", true));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("answers")
	void actsOnTheBrokersAnswer(String answer, Consumer<InstanceFixture> broker, int apiStatus, String finalStatus,
			boolean mitigates) throws Exception {
		try (InstanceFixture fixture = InstanceFixture.start(this.port)) {
			fixture.stub(InstanceFixture.deprovision(), 200, "{}");
			broker.accept(fixture);

			Api.Reply reply = fixture.create("db");

			assertThat(reply.status()).as(reply.toString()).isEqualTo(apiStatus);
			String id = onlyInstanceId(fixture);
			JsonNode instance = fixture.settled(id);
			assertThat(instance.get("status").asString()).isEqualTo(finalStatus);
			if (mitigates) {
				Eventually.until(() -> fixture.deprovisionsOf(id), (count) -> count >= 1, Duration.ofSeconds(10));
				JsonNode after = Eventually.until(() -> fixture.user().get("/api/service-instances/" + id).json(),
						(node) -> node.get("lastOperation").get("description").asString().contains("confirmed"),
						Duration.ofSeconds(10));
				assertThat(after.get("status").asString()).isEqualTo("FAILED");
			}
			else {
				Thread.sleep(800);
				assertThat(fixture.deprovisionsOf(id)).isZero();
			}
		}
	}

	private static String onlyInstanceId(InstanceFixture fixture) {
		JsonNode list = fixture.user().get(fixture.instancesPath()).json();
		assertThat(list).hasSize(1);
		return list.get(0).get("id").asString();
	}

	private static Arguments row(String answer, Consumer<InstanceFixture> broker, int apiStatus, String finalStatus,
			boolean mitigates) {
		return Arguments.of(answer, broker, apiStatus, finalStatus, mitigates);
	}

}
