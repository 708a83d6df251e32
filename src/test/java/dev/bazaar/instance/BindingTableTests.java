package dev.bazaar.instance;

import java.time.Duration;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.bazaar.support.Api;
import dev.bazaar.support.BazaarTest;
import dev.bazaar.support.Eventually;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What Bazaar does for each answer a broker can give to a bind and an unbind (OSB v2.15
 * orphan mitigation table), against a broker on a real socket.
 */
@BazaarTest
class BindingTableTests {

	private static final String CREDENTIALS = "{\"credentials\":{\"username\":\"app\",\"password\":\"s3cret-pw\"}}";

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	static Stream<Arguments> bindAnswers() {
		UnaryOperator<String> plain = UnaryOperator.identity();
		UnaryOperator<String> retrievable = InstanceFixture::retrievable;
		return Stream.of(
				row("201 with credentials", plain, (f) -> f.stub(InstanceFixture.bind(), 201, CREDENTIALS), 201,
						"SUCCEEDED", false),
				row("200 (already bound)", plain, (f) -> f.stub(InstanceFixture.bind(), 200, CREDENTIALS), 201,
						"SUCCEEDED", false),
				row("202 then succeeded, then fetched", retrievable, (f) -> {
					f.stub(InstanceFixture.bind(), 202, "{\"operation\":\"b 1\"}");
					f.stub(InstanceFixture.bindingLastOperation(), 200, "{\"state\":\"succeeded\"}");
					f.stub(fetchBinding(), 200, CREDENTIALS);
				}, 202, "SUCCEEDED", false), row("202 then failed", retrievable, (f) -> {
					f.stub(InstanceFixture.bind(), 202, "{}");
					f.stub(InstanceFixture.bindingLastOperation(), 200, "{\"state\":\"failed\"}");
				}, 202, "FAILED", true),
				row("202 although accepts_incomplete was not sent", plain,
						(f) -> f.stub(InstanceFixture.bind(), 202, "{}"), 502, "FAILED", true),
				row("201 with a body that is not JSON", plain, (f) -> f.stub(InstanceFixture.bind(), 201, "<html>"),
						502, "FAILED", true),
				row("200 with a body that is not JSON", plain, (f) -> f.stub(InstanceFixture.bind(), 200, "oops"), 502,
						"FAILED", false),
				row("204 (another 2xx)", plain, (f) -> f.stub(InstanceFixture.bind(), 204, ""), 502, "FAILED", true),
				row("500", plain, (f) -> f.stub(InstanceFixture.bind(), 500, "{}"), 502, "FAILED", true),
				row("timeout", plain,
						(f) -> f.broker.server()
							.stubFor(InstanceFixture.bind().willReturn(WireMock.ok(CREDENTIALS).withFixedDelay(8000))),
						502, "FAILED", true),
				row("400", plain, (f) -> f.stub(InstanceFixture.bind(), 400, "{}"), 422, "FAILED", false),
				row("408", plain, (f) -> f.stub(InstanceFixture.bind(), 408, "{}"), 502, "FAILED", false),
				row("409", plain, (f) -> f.stub(InstanceFixture.bind(), 409, "{}"), 422, "FAILED", false),
				row("422 RequiresApp", plain, (f) -> f.stub(InstanceFixture.bind(), 422, "{\"error\":\"RequiresApp\"}"),
						422, "FAILED", false));
	}

	@ParameterizedTest(name = "bind: {0}")
	@MethodSource("bindAnswers")
	void actsOnTheBrokersAnswerToABind(String answer, UnaryOperator<String> catalog, Consumer<InstanceFixture> broker,
			int apiStatus, String finalStatus, boolean mitigates) throws Exception {
		try (InstanceFixture fixture = InstanceFixture.start(this.port, catalog)) {
			String id = fixture.provisioned("db");
			fixture.stub(InstanceFixture.unbind(), 200, "{}");
			broker.accept(fixture);

			Api.Reply reply = fixture.bind(id, "app");

			assertThat(reply.status()).as(reply.toString()).isEqualTo(apiStatus);
			String bindingId = fixture.onlyBindingId(id);
			JsonNode binding = fixture.settledBinding(id, bindingId);
			assertThat(binding.get("status").asString()).isEqualTo(finalStatus);
			if (finalStatus.equals("SUCCEEDED")) {
				assertThat(binding.get("credentials").get("password").asString()).isEqualTo("s3cret-pw");
			}
			else {
				assertThat(binding.get("credentials").isNull()).isTrue();
			}
			if (mitigates) {
				Eventually.until(() -> fixture.count(unbindRequest(id, bindingId)), (count) -> count >= 1,
						Duration.ofSeconds(10));
				JsonNode after = Eventually.until(
						() -> fixture.user().get("/api/service-instances/" + id + "/bindings/" + bindingId).json(),
						(node) -> node.get("lastOperation").get("description").asString().contains("confirmed"),
						Duration.ofSeconds(10));
				assertThat(after.get("status").asString()).isEqualTo("FAILED");
			}
			else {
				Thread.sleep(500);
				assertThat(fixture.count(unbindRequest(id, bindingId))).isZero();
			}
		}
	}

	@Test
	void asksForAnAsynchronousBindOnlyWhenTheBrokerLetsBazaarFetchBindings() {
		try (InstanceFixture plain = InstanceFixture.start(this.port);
				InstanceFixture retrievable = InstanceFixture.start(this.port, InstanceFixture::retrievable)) {
			for (InstanceFixture fixture : new InstanceFixture[] { plain, retrievable }) {
				String id = fixture.provisioned("db");
				fixture.stub(InstanceFixture.bind(), 201, CREDENTIALS);
				assertThat(fixture.bind(id, "app").status()).isEqualTo(201);
			}
			LoggedRequest toPlain = plain
				.requests(WireMock.putRequestedFor(WireMock.urlPathMatching(".*/service_bindings/.*")))
				.get(0);
			LoggedRequest toRetrievable = retrievable
				.requests(WireMock.putRequestedFor(WireMock.urlPathMatching(".*/service_bindings/.*")))
				.get(0);
			assertThat(toPlain.queryParameter("accepts_incomplete").isPresent()).isFalse();
			assertThat(toRetrievable.queryParameter("accepts_incomplete").firstValue()).isEqualTo("true");
			assertThat(UpdateTableTests.originatingUser(toPlain)).contains("user_id");
		}
	}

	@Test
	void keepsCredentialsEncryptedAtRest() {
		try (InstanceFixture fixture = InstanceFixture.start(this.port)) {
			String id = fixture.provisioned("db");
			fixture.stub(InstanceFixture.bind(), 201, CREDENTIALS);

			Api.Reply reply = fixture.bind(id, "app");

			assertThat(reply.status()).isEqualTo(201);
			assertThat(reply.json().get("credentials").get("password").asString()).isEqualTo("s3cret-pw");
			String stored = this.jdbc.sql("select credentials_encrypted from service_binding where id = ?")
				.param(java.util.UUID.fromString(reply.json().get("id").asString()))
				.query(String.class)
				.single();
			assertThat(stored).isNotBlank().doesNotContain("s3cret-pw").doesNotContain("username");
			assertThat(fixture.user()
				.get("/api/service-instances/" + id + "/bindings")
				.json()
				.get(0)
				.get("credentials")
				.isNull()).as("no credentials in the list").isTrue();
		}
	}

	@Test
	void refusesToBindANonBindablePlan() {
		try (InstanceFixture fixture = InstanceFixture.start(this.port, InstanceFixture::planOneNotBindable)) {
			String id = fixture.provisioned("db");

			Api.Reply reply = fixture.bind(id, "app");

			assertThat(reply.status()).as(reply.toString()).isEqualTo(422);
			assertThat(reply.json().get("detail").asString()).contains("not bindable");
			assertThat(fixture.count(WireMock.putRequestedFor(WireMock.urlPathMatching(".*/service_bindings/.*"))))
				.isZero();
		}
	}

	static Stream<Arguments> unbindAnswers() {
		return Stream.of(unbindRow("200 OK", (f) -> f.stub(InstanceFixture.unbind(), 200, "{}"), 204, null),
				unbindRow("410 Gone", (f) -> f.stub(InstanceFixture.unbind(), 410, "{}"), 204, null),
				unbindRow("202 then succeeded", (f) -> {
					f.stub(InstanceFixture.unbind(), 202, "{\"operation\":\"u/1\"}");
					f.stub(InstanceFixture.bindingLastOperation(), 200, "{\"state\":\"succeeded\"}");
				}, 202, null), unbindRow("202 then 410 while polling", (f) -> {
					f.stub(InstanceFixture.unbind(), 202, "{}");
					f.stub(InstanceFixture.bindingLastOperation(), 410, "{}");
				}, 202, null), unbindRow("202 then failed", (f) -> {
					f.stub(InstanceFixture.unbind(), 202, "{}");
					f.stub(InstanceFixture.bindingLastOperation(), 200,
							"{\"state\":\"failed\",\"description\":\"still in use\"}");
				}, 202, "FAILED"), unbindRow("500", (f) -> f.stub(InstanceFixture.unbind(), 500, "{}"), 502, "FAILED"),
				unbindRow("400", (f) -> f.stub(InstanceFixture.unbind(), 400, "{}"), 422, "FAILED"),
				unbindRow("timeout",
						(f) -> f.broker.server()
							.stubFor(InstanceFixture.unbind().willReturn(WireMock.ok("{}").withFixedDelay(8000))),
						502, "FAILED"));
	}

	@ParameterizedTest(name = "unbind: {0}")
	@MethodSource("unbindAnswers")
	void actsOnTheBrokersAnswerToAnUnbind(String answer, Consumer<InstanceFixture> broker, int apiStatus,
			String finalStatus) {
		try (InstanceFixture fixture = InstanceFixture.start(this.port, InstanceFixture::retrievable)) {
			String id = fixture.provisioned("db");
			fixture.stub(InstanceFixture.bind(), 201, CREDENTIALS);
			String bindingId = fixture.bind(id, "app").json().get("id").asString();
			broker.accept(fixture);

			Api.Reply reply = fixture.user().delete("/api/service-instances/" + id + "/bindings/" + bindingId);

			assertThat(reply.status()).as(reply.toString()).isEqualTo(apiStatus);
			JsonNode binding = fixture.settledBinding(id, bindingId);
			if (finalStatus == null) {
				assertThat(binding).isNull();
				assertThat(fixture.user().get("/api/service-instances/" + id + "/bindings").json()).isEmpty();
			}
			else {
				assertThat(binding.get("status").asString()).isEqualTo(finalStatus);
				assertThat(binding.get("lastOperation").get("type").asString()).isEqualTo("DELETE");
				assertThat(binding.get("lastOperation").get("description").asString()).isNotBlank();
			}
			assertThat(fixture.instance(id).get("status").asString()).isEqualTo("SUCCEEDED");
		}
	}

	static MappingBuilder fetchBinding() {
		return WireMock.get(WireMock.urlPathMatching("/v2/service_instances/[^/]+/service_bindings/[^/]+"));
	}

	private static com.github.tomakehurst.wiremock.matching.RequestPatternBuilder unbindRequest(String id,
			String bindingId) {
		return WireMock.deleteRequestedFor(
				WireMock.urlPathEqualTo("/v2/service_instances/" + id + "/service_bindings/" + bindingId));
	}

	private static Arguments row(String answer, UnaryOperator<String> catalog, Consumer<InstanceFixture> broker,
			int apiStatus, String finalStatus, boolean mitigates) {
		return Arguments.of(answer, catalog, broker, apiStatus, finalStatus, mitigates);
	}

	private static Arguments unbindRow(String answer, Consumer<InstanceFixture> broker, int apiStatus,
			String finalStatus) {
		return Arguments.of(answer, broker, apiStatus, finalStatus);
	}

}
