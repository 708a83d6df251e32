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
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

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

	private static final List<String> API_VERSION = List.of(OsbClient.API_VERSION);

	private static final List<String> JSON = List.of("application/json");

	static OutgoingRequest of(BrokerEndpoint endpoint, OsbRequest request, Instant requestedAt) {
		return of(endpoint, authorization(endpoint), request, requestedAt);
	}

	/**
	 * The call to the endpoint, whose {@code Authorization} header is given (made once
	 * per endpoint by {@link #authorization(BrokerEndpoint)}).
	 */
	static OutgoingRequest of(BrokerEndpoint endpoint, List<String> authorization, OsbRequest request,
			Instant requestedAt) {
		String identity = newRequestIdentity();
		Map<String, List<String>> headers = new LinkedHashMap<>(8);
		headers.put("X-Broker-API-Version", API_VERSION);
		headers.put("Authorization", authorization);
		headers.put("X-Broker-API-Request-Identity", List.of(identity));
		if (request.originatingIdentity() != null) {
			headers.put("X-Broker-API-Originating-Identity", List.of(request.originatingIdentity()));
		}
		headers.put("Accept", JSON);
		if (request.body() != null) {
			headers.put("Content-Type", JSON);
		}
		return new OutgoingRequest(requestedAt, endpoint, request, url(endpoint.url(), request), headers, identity);
	}

	/**
	 * The request to send, without a timeout, which {@link ExchangeDeadline} keeps; fails
	 * with IllegalArgumentException for a malformed URL.
	 */
	HttpRequest toHttpRequest() {
		HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(this.url));
		this.headers.forEach((name, values) -> {
			for (String value : values) {
				builder.header(name, value);
			}
		});
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

	/**
	 * A random (version 4) UUID. It only tells calls apart, so it need not be
	 * unpredictable: drawn from the thread's fast generator rather than a secure one,
	 * which cost a poll more than all its other headers.
	 */
	static String newRequestIdentity() {
		ThreadLocalRandom random = ThreadLocalRandom.current();
		long most = (random.nextLong() & ~0xF000L) | 0x4000L;
		long least = (random.nextLong() & ~(0xC000_0000_0000_0000L)) | 0x8000_0000_0000_0000L;
		return new UUID(most, least).toString();
	}

	/** The endpoint's {@code Authorization} header: Basic, with its password in clear. */
	static List<String> authorization(BrokerEndpoint endpoint) {
		byte[] credentials = (endpoint.username() + ":" + endpoint.password()).getBytes(StandardCharsets.UTF_8);
		return List.of("Basic " + Base64.getEncoder().encodeToString(credentials));
	}

	static String url(String base, OsbRequest request) {
		String path = request.path();
		StringBuilder url = new StringBuilder(base.length() + path.length() + 128);
		url.append(base, 0, base.endsWith("/") ? base.length() - 1 : base.length());
		if (!path.startsWith("/")) {
			url.append('/');
		}
		url.append(path);
		char separator = '?';
		for (Map.Entry<String, String> parameter : request.query().entrySet()) {
			url.append(separator);
			encode(url, parameter.getKey());
			url.append('=');
			encode(url, parameter.getValue());
			separator = '&';
		}
		return url.toString();
	}

	/**
	 * Appends the text percent-encoded: as is when it holds only characters that need no
	 * encoding (ids, plan ids, "true"), which is almost always.
	 */
	private static void encode(StringBuilder url, String text) {
		for (int i = 0; i < text.length(); i++) {
			if (!unreserved(text.charAt(i))) {
				// URLEncoder writes form encoding; %20 for spaces is what every server
				// reads.
				url.append(URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20"));
				return;
			}
		}
		url.append(text);
	}

	/** RFC 3986's unreserved characters but '~', which URLEncoder encodes. */
	private static boolean unreserved(char c) {
		return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '_'
				|| c == '.';
	}

}
