package dev.bazaar.osbclient;

import java.net.URLEncoder;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import dev.bazaar.commlog.OperationType;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

class OutgoingRequestTests {

	private static final BrokerEndpoint endpoint = new BrokerEndpoint(UUID.randomUUID(), "mysql", UUID.randomUUID(),
			null, "https://broker.example/base/", "broker-user", "p:ss wörd", false);

	@Test
	void encodesQueryValuesAsFormEncodingWithSpacesAsPercent20() {
		Map<String, String> query = new LinkedHashMap<>();
		String[] values = { "8f0e3a4c-1d2b-4c5d-9e8f-0a1b2c3d4e5f", "plan_1.small", "a b&c=ü", "x+y", "~tilde*star",
				"100%", "" };
		for (int i = 0; i < values.length; i++) {
			query.put("p" + i, values[i]);
		}
		OsbRequest request = new OsbRequest(OperationType.FETCH_INSTANCE, "GET", "v2/service_instances/i-1", query,
				null, null, null, null);

		String url = OutgoingRequest.url(endpoint.url(), request);

		StringBuilder expected = new StringBuilder("https://broker.example/base/v2/service_instances/i-1");
		for (int i = 0; i < values.length; i++) {
			expected.append((i == 0) ? '?' : '&')
				.append("p")
				.append(i)
				.append('=')
				.append(URLEncoder.encode(values[i], StandardCharsets.UTF_8).replace("+", "%20"));
		}
		assertThat(url).isEqualTo(expected.toString()).contains("a%20b%26c%3D%C3%BC", "x%2By", "%7Etilde*star");
		assertThat(OutgoingRequest.url("https://b.example", OsbRequest.fetchCatalog()))
			.isEqualTo("https://b.example/v2/catalog");
	}

	@Test
	void sendsTheEndpointsBasicCredentialsAndAFreshVersion4Identity() {
		List<String> authorization = OutgoingRequest.authorization(endpoint);
		Set<String> identities = new HashSet<>();
		for (int i = 0; i < 1000; i++) {
			OutgoingRequest sent = OutgoingRequest.of(endpoint, authorization, OsbRequest.fetchCatalog(),
					Instant.now());
			UUID identity = UUID.fromString(sent.requestIdentity());
			assertThat(identity.version()).isEqualTo(4);
			assertThat(identity.variant()).isEqualTo(2);
			assertThat(sent.headers()).containsEntry("X-Broker-API-Request-Identity", List.of(sent.requestIdentity()));
			identities.add(sent.requestIdentity());
		}
		assertThat(identities).hasSize(1000);
		assertThat(authorization).containsExactly("Basic " + java.util.Base64.getEncoder()
			.encodeToString("broker-user:p:ss wörd".getBytes(StandardCharsets.UTF_8)));
	}

	@Test
	void buildsTheJdkRequestWithEveryHeaderInOrder() {
		OutgoingRequest sent = OutgoingRequest.of(endpoint, OsbRequest.fetchCatalog(), Instant.now());

		HttpRequest request = sent.toHttpRequest();

		assertThat(request.uri()).hasToString("https://broker.example/base/v2/catalog");
		assertThat(request.method()).isEqualTo("GET");
		assertThat(sent.headers().keySet()).containsExactly("X-Broker-API-Version", "Authorization",
				"X-Broker-API-Request-Identity", "Accept");
		sent.headers().forEach((name, values) -> assertThat(request.headers().allValues(name)).isEqualTo(values));
	}

	@Test
	void answersHeaderNamesInLowerCaseInTheJdksOrder() {
		Map<String, List<String>> received = new LinkedHashMap<>();
		received.put("Retry-after", List.of("3"));
		received.put("Content-Type", List.of("application/json"));
		received.put("x-Multi", List.of("a", "b"));

		Map<String, List<String>> names = OsbClient.lowerCaseNames(HttpHeaders.of(received, (name, value) -> true));

		assertThat(names).containsExactly(entry("content-type", List.of("application/json")),
				entry("retry-after", List.of("3")), entry("x-multi", List.of("a", "b")));
	}

}
