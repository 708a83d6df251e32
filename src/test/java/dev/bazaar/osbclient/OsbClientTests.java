package dev.bazaar.osbclient;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.http.Fault;
import com.sun.net.httpserver.HttpServer;
import dev.bazaar.commlog.OperationType;
import dev.bazaar.osbclient.OsbResponse.Answered;
import dev.bazaar.osbclient.OsbResponse.Failed;
import dev.bazaar.osbclient.OsbResponse.FailureKind;
import dev.bazaar.support.BazaarTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

@BazaarTest
@TestPropertySource(properties = { "bazaar.osb.response-timeout=2s", "bazaar.osb.max-response-size=2KB" })
class OsbClientTests {

	static final String UUID_FORM = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";

	static final WireMockServer broker = new WireMockServer(options().dynamicPort());

	@Autowired
	OsbClient client;

	@Autowired
	JdbcClient jdbc;

	@BeforeAll
	static void startBroker() throws Exception {
		broker.start();
		// The first request to a fresh WireMock is slow; keep it out of the timed tests.
		HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create(broker.baseUrl() + "/__admin/health")).build(),
					HttpResponse.BodyHandlers.discarding());
	}

	@AfterAll
	static void stopBroker() {
		broker.stop();
	}

	@BeforeEach
	void resetBroker() {
		broker.resetAll();
	}

	@Test
	void sendsOsbHeadersAndBasicAuthWithAnyPassword() {
		broker.stubFor(get("/v2/catalog").willReturn(aResponse().withStatus(200).withBody("{\"services\":[]}")));

		OsbResponse response = this.client.exchange(endpoint(broker.baseUrl(), "p:ss wörd"), OsbRequest.fetchCatalog());

		assertThat(response).isInstanceOf(Answered.class);
		String credentials = Base64.getEncoder()
			.encodeToString("broker-user:p:ss wörd".getBytes(StandardCharsets.UTF_8));
		broker.verify(getRequestedFor(urlEqualTo("/v2/catalog")).withHeader("X-Broker-API-Version", equalTo("2.14"))
			.withHeader("Authorization", equalTo("Basic " + credentials))
			.withHeader("X-Broker-API-Request-Identity", matching(UUID_FORM))
			.withHeader("Accept", equalTo("application/json"))
			.withoutHeader("Content-Type")
			.withoutHeader("X-Broker-API-Originating-Identity"));
	}

	@Test
	void sendsBodyEncodedQueryAndOriginatingIdentity() {
		broker.stubFor(put(urlPathEqualTo("/v2/service_instances/i-1")).willReturn(aResponse().withStatus(201)));
		Map<String, String> query = new LinkedHashMap<>();
		query.put("accepts_incomplete", "true");
		query.put("note", "a b&c=ü");
		OsbRequest request = new OsbRequest(OperationType.PROVISION_INSTANCE, "PUT", "/v2/service_instances/i-1", query,
				"{\"plan_id\":\"p-1\"}", "p-1", "i-1", "bazaar eyJ1c2VyX2lkIjoiYWxpY2UifQ==");

		this.client.exchange(endpoint(broker.baseUrl() + "/", "secret"), request);

		assertThat(broker.getAllServeEvents().get(0).getRequest().getUrl())
			.isEqualTo("/v2/service_instances/i-1?accepts_incomplete=true&note=a%20b%26c%3D%C3%BC");
		broker.verify(putRequestedFor(urlPathEqualTo("/v2/service_instances/i-1"))
			.withHeader("Content-Type", equalTo("application/json"))
			.withHeader("X-Broker-API-Originating-Identity", equalTo("bazaar eyJ1c2VyX2lkIjoiYWxpY2UifQ=="))
			.withRequestBody(equalToJson("{\"plan_id\":\"p-1\"}")));
	}

	@ParameterizedTest
	@ValueSource(ints = { 200, 401, 500 })
	void returnsEveryAnswerOfTheBrokerAsAnswered(int status) {
		broker.stubFor(get("/v2/catalog").willReturn(
				aResponse().withStatus(status).withHeader("X-Custom", "yes").withBody("{\"description\":\"d\"}")));

		OsbResponse response = this.client.exchange(endpoint(broker.baseUrl(), "secret"), OsbRequest.fetchCatalog());

		assertThat(response).isInstanceOfSatisfying(Answered.class, (answered) -> {
			assertThat(answered.status()).isEqualTo(status);
			assertThat(answered.body()).isEqualTo("{\"description\":\"d\"}");
			assertThat(answered.headers()).containsEntry("x-custom", List.of("yes"));
		});
	}

	@Test
	void explainsARefusedConnection() throws IOException {
		int port;
		try (ServerSocket socket = new ServerSocket(0)) {
			port = socket.getLocalPort();
		}

		OsbResponse response = this.client.exchange(endpoint("http://localhost:" + port, "secret"),
				OsbRequest.fetchCatalog());

		assertFailure(response, FailureKind.CONNECTION_REFUSED, "connection refused by localhost:" + port);
	}

	@Test
	void givesUpOnABrokerThatAnswersTooLate() {
		broker.stubFor(get("/v2/catalog").willReturn(aResponse().withStatus(200).withFixedDelay(4000)));

		OsbResponse response = this.client.exchange(endpoint(broker.baseUrl(), "secret"), OsbRequest.fetchCatalog());

		assertFailure(response, FailureKind.TIMEOUT, "did not answer within 2 s (response timeout)");
		assertThat(response.durationMs()).isLessThan(4000);
		// The deadline interrupted the waiting caller: that must not outlive the call.
		assertThat(Thread.currentThread().isInterrupted()).isFalse();
		broker.stubFor(get("/v2/catalog").willReturn(aResponse().withStatus(200).withBody("{}")));
		assertThat(this.client.exchange(endpoint(broker.baseUrl(), "secret"), OsbRequest.fetchCatalog()))
			.isInstanceOf(Answered.class);
	}

	@Test
	void leavesAnInterruptFromElsewhereToTheCaller() {
		broker.stubFor(get("/v2/catalog").willReturn(aResponse().withStatus(200).withFixedDelay(1000)));
		Thread.currentThread().interrupt();
		try {
			OsbResponse response = this.client.exchange(endpoint(broker.baseUrl(), "secret"),
					OsbRequest.fetchCatalog());

			assertFailure(response, FailureKind.IO, "interrupted while waiting for the broker");
			assertThat(Thread.currentThread().isInterrupted()).isTrue();
		}
		finally {
			Thread.interrupted();
		}
	}

	@Test
	void givesUpOnABodyThatTricklesInPastBothTimeouts() {
		// Headers at once, then 1,000 bytes over 12 s: past connect + response timeouts
		// (2 s + 2 s).
		broker.stubFor(get("/v2/catalog")
			.willReturn(aResponse().withStatus(200).withBody("x".repeat(1000)).withChunkedDribbleDelay(20, 12_000)));

		OsbResponse response = this.client.exchange(endpoint(broker.baseUrl(), "secret"), OsbRequest.fetchCatalog());

		assertFailure(response, FailureKind.TIMEOUT,
				"did not answer within 4 s (connect and response timeouts together)");
		assertThat(response.durationMs()).isBetween(3500L, 8000L);
	}

	@ParameterizedTest
	@EnumSource(value = Fault.class, names = { "MALFORMED_RESPONSE_CHUNK", "RANDOM_DATA_THEN_CLOSE", "EMPTY_RESPONSE",
			"CONNECTION_RESET_BY_PEER" })
	void reportsMalformedHttpAsAnIoFailure(Fault fault) {
		broker.stubFor(any(anyUrl()).willReturn(aResponse().withFault(fault)));

		OsbResponse response = this.client.exchange(endpoint(broker.baseUrl(), "secret"), OsbRequest.fetchCatalog());

		assertFailure(response, FailureKind.IO, "the exchange with localhost:" + broker.port() + " failed");
	}

	@Test
	void refusesAnAnswerLargerThanTheLimitByContentLength() {
		broker.stubFor(get("/v2/catalog").willReturn(aResponse().withStatus(200).withBody("x".repeat(3000))));

		OsbResponse response = this.client.exchange(endpoint(broker.baseUrl(), "secret"), OsbRequest.fetchCatalog());

		assertFailure(response, FailureKind.RESPONSE_TOO_LARGE, "the answer exceeded the limit of 2 KB");
	}

	@Test
	void stopsReadingAChunkedAnswerOnceItExceedsTheLimit() throws IOException {
		HttpServer server = HttpServer.create(new InetSocketAddress("localhost", 0), 0);
		server.createContext("/", (exchange) -> {
			exchange.sendResponseHeaders(200, 0);
			try (OutputStream body = exchange.getResponseBody()) {
				for (int i = 0; i < 1000; i++) {
					body.write("y".repeat(1000).getBytes(StandardCharsets.UTF_8));
				}
			}
			catch (IOException ex) {
				// the client hung up, as it should
			}
		});
		server.start();
		try {
			OsbResponse response = this.client.exchange(
					endpoint("http://localhost:" + server.getAddress().getPort(), "secret"), OsbRequest.fetchCatalog());
			assertFailure(response, FailureKind.RESPONSE_TOO_LARGE, "exceeded the limit of 2 KB");
		}
		finally {
			server.stop(0);
		}
	}

	@Test
	void explainsAHostNameThatDoesNotResolve() {
		OsbResponse response = this.client.exchange(endpoint("http://no-such-broker.invalid", "secret"),
				OsbRequest.fetchCatalog());

		assertFailure(response, FailureKind.UNKNOWN_HOST, "does not resolve");
	}

	@Test
	void explainsAMalformedEndpointUrl() {
		OsbResponse response = this.client.exchange(endpoint("ftp://broker.example", "secret"),
				OsbRequest.fetchCatalog());

		assertFailure(response, FailureKind.IO, "is not a valid http or https URL");
	}

	@Test
	void recordsAnAnsweredExchangeWithAuthorizationMasked() {
		broker.stubFor(put(urlPathEqualTo("/v2/service_instances/i-9"))
			.willReturn(aResponse().withStatus(422).withHeader("Content-Type", "application/json").withBody("{}")));
		BrokerEndpoint endpoint = endpoint(broker.baseUrl(), "top-secret");
		OsbRequest request = new OsbRequest(OperationType.PROVISION_INSTANCE, "PUT", "/v2/service_instances/i-9",
				Map.of("accepts_incomplete", "true"), "{\"plan_id\":\"p-9\"}", "p-9", "i-9", null);

		OsbResponse response = this.client.exchange(endpoint, request);

		Map<String, Object> row = logOf(endpoint);
		String identity = broker.getAllServeEvents().get(0).getRequest().getHeader("X-Broker-API-Request-Identity");
		assertThat(row).containsEntry("operation_type", "PROVISION_INSTANCE")
			.containsEntry("method", "PUT")
			.containsEntry("url", broker.baseUrl() + "/v2/service_instances/i-9?accepts_incomplete=true")
			.containsEntry("response_code", 422)
			.containsEntry("response_body", "{}")
			.containsEntry("request_body", "{\"plan_id\":\"p-9\"}")
			.containsEntry("plan_id", "p-9")
			.containsEntry("instance_id", "i-9")
			.containsEntry("request_identity", identity)
			.containsEntry("duration_ms", response.durationMs())
			.containsEntry("broker_identifier", "my-broker")
			.containsEntry("error", null);
		assertThat((String) row.get("request_headers")).contains("\"Authorization\":[\"Basic ****\"]")
			.contains("2.14")
			.doesNotContain(basicToken("top-secret"));
		assertThat((String) row.get("response_headers")).contains("application/json");
	}

	@Test
	void recordsAFailedExchangeWithoutResponse() {
		broker.stubFor(get("/v2/catalog").willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
		BrokerEndpoint endpoint = endpoint(broker.baseUrl(), "top-secret");

		this.client.exchange(endpoint, OsbRequest.fetchCatalog());

		Map<String, Object> row = logOf(endpoint);
		assertThat(row).containsEntry("response_code", null).containsEntry("response_body", null);
		assertThat((String) row.get("error")).startsWith("IO: the exchange with localhost");
		assertThat((String) row.get("response_headers")).isEqualTo("{}");
		assertThat((String) row.get("request_headers")).doesNotContain(basicToken("top-secret"));
	}

	private Map<String, Object> logOf(BrokerEndpoint endpoint) {
		List<Map<String, Object>> rows = this.jdbc.sql("select * from communication_log where broker_id = ?")
			.param(endpoint.brokerId())
			.query()
			.listOfRows();
		assertThat(rows).hasSize(1);
		return rows.get(0);
	}

	static void assertFailure(OsbResponse response, FailureKind kind, String explanation) {
		assertThat(response).isInstanceOfSatisfying(Failed.class, (failed) -> {
			assertThat(failed.kind()).as(failed.message()).isEqualTo(kind);
			assertThat(failed.explanation()).contains(explanation);
		});
	}

	static String basicToken(String password) {
		return Base64.getEncoder().encodeToString(("broker-user:" + password).getBytes(StandardCharsets.UTF_8));
	}

	static BrokerEndpoint endpoint(String url, String password) {
		return new BrokerEndpoint(UUID.randomUUID(), "my-broker", UUID.randomUUID(), null, url, "broker-user", password,
				false);
	}

}
