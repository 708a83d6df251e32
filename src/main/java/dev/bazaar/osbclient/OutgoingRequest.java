package dev.bazaar.osbclient;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import dev.bazaar.shared.RandomUuids;
import java.util.stream.Collectors;

/**
 * A call as Bazaar sends it: full URL and every header, including the credentials (so
 * never logged as is).
 *
 * @param requestedAt when it is sent
 * @param endpoint the deployment called
 * @param request the call
 * @param url the full URL
 * @param headers the headers, in the order sent
 * @param requestIdentity the fresh X-Broker-API-Request-Identity
 */
record OutgoingRequest(Instant requestedAt, BrokerEndpoint endpoint, OsbRequest request, String url,
		Map<String, List<String>> headers, String requestIdentity) {

	static OutgoingRequest of(BrokerEndpoint endpoint, OsbRequest request, Instant requestedAt) {
		String identity = RandomUuids.next().toString();
		Map<String, List<String>> headers = new LinkedHashMap<>();
		headers.put("X-Broker-API-Version", List.of(OsbClient.API_VERSION));
		headers.put("Authorization", List.of(basic(endpoint.username(), endpoint.password())));
		headers.put("X-Broker-API-Request-Identity", List.of(identity));
		if (request.originatingIdentity() != null) {
			headers.put("X-Broker-API-Originating-Identity", List.of(request.originatingIdentity()));
		}
		headers.put("Accept", List.of("application/json"));
		if (request.body() != null) {
			headers.put("Content-Type", List.of("application/json"));
		}
		return new OutgoingRequest(requestedAt, endpoint, request, url(endpoint.url(), request), headers, identity);
	}

	/** The JDK request; fails with IllegalArgumentException for a malformed URL. */
	/** The request to send; without a timeout, which {@link ExchangeDeadline} keeps. */
	HttpRequest toHttpRequest() {
		HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(this.url));
		this.headers.forEach((name, values) -> values.forEach((value) -> builder.header(name, value)));
		String body = this.request.body();
		return builder
			.method(this.request.method(),
					(body != null) ? BodyPublishers.ofString(body, StandardCharsets.UTF_8) : BodyPublishers.noBody())
			.build();
	}

	@Override
	public String toString() {
		return "OutgoingRequest[" + this.request.method() + " " + this.url + "]";
	}

	private static String basic(String username, String password) {
		byte[] credentials = (username + ":" + password).getBytes(StandardCharsets.UTF_8);
		return "Basic " + Base64.getEncoder().encodeToString(credentials);
	}

	private static String url(String base, OsbRequest request) {
		String root = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
		String path = request.path().startsWith("/") ? request.path() : "/" + request.path();
		if (request.query().isEmpty()) {
			return root + path;
		}
		return root + path + "?"
				+ request.query()
					.entrySet()
					.stream()
					.map((parameter) -> encode(parameter.getKey()) + "=" + encode(parameter.getValue()))
					.collect(Collectors.joining("&"));
	}

	// URLEncoder writes form encoding; %20 for spaces is what every server reads.
	private static String encode(String text) {
		return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
	}

}
