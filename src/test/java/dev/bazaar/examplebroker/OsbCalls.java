package dev.bazaar.examplebroker;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Calls the example broker over a real socket as an OSB platform would. */
final class OsbCalls {

	static final String POSTGRES = "5f0e1e3c-6a51-4c36-9d2b-0b7c1f3a9e01";

	static final String SMALL = "5f0e1e3c-6a51-4c36-9d2b-0b7c1f3a9e11";

	static final String LARGE = "5f0e1e3c-6a51-4c36-9d2b-0b7c1f3a9e12";

	static final String FAILING = "5f0e1e3c-6a51-4c36-9d2b-0b7c1f3a9e13";

	static final String QUEUE = "5f0e1e3c-6a51-4c36-9d2b-0b7c1f3a9e02";

	static final String STANDARD = "5f0e1e3c-6a51-4c36-9d2b-0b7c1f3a9e21";

	private static final JsonMapper json = JsonMapper.builder().build();

	private static final HttpClient http = HttpClient.newHttpClient();

	private final String baseUrl;

	private final String authorization;

	private final String version;

	private OsbCalls(String baseUrl, String authorization, String version) {
		this.baseUrl = baseUrl;
		this.authorization = authorization;
		this.version = version;
	}

	static OsbCalls platform(int port) {
		return as(port, "example", "example-password");
	}

	static OsbCalls as(int port, String username, String password) {
		String token = Base64.getEncoder().encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8));
		return new OsbCalls("http://localhost:" + port + "/example-broker", "Basic " + token, "2.17");
	}

	OsbCalls anonymous() {
		return new OsbCalls(this.baseUrl, "", this.version);
	}

	OsbCalls withVersion(String version) {
		return new OsbCalls(this.baseUrl, this.authorization, version);
	}

	static Map<String, Object> body(String serviceId, String planId, Map<String, Object> parameters) {
		return Map.of("service_id", serviceId, "plan_id", planId, "parameters", parameters);
	}

	Reply get(String path) {
		return send("GET", path, null);
	}

	Reply put(String path, Object body) {
		return send("PUT", path, body);
	}

	Reply patch(String path, Object body) {
		return send("PATCH", path, body);
	}

	Reply delete(String path) {
		return send("DELETE", path, null);
	}

	/** Polls a last_operation path until the operation is no longer in progress. */
	Reply awaitLastOperation(String path) {
		Instant deadline = Instant.now().plusSeconds(10);
		Reply reply = get(path);
		while (reply.status() == 200 && "in progress".equals(reply.json().get("state").asString())
				&& Instant.now().isBefore(deadline)) {
			sleep(Duration.ofMillis(200));
			reply = get(path);
		}
		return reply;
	}

	Reply send(String method, String path, Object body) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(this.baseUrl + path));
		if (!this.authorization.isEmpty()) {
			request.header("Authorization", this.authorization);
		}
		if (!this.version.isEmpty()) {
			request.header("X-Broker-API-Version", this.version);
		}
		String text = (body == null) ? null : (body instanceof String s) ? s : json.writeValueAsString(body);
		request.method(method, (text == null) ? HttpRequest.BodyPublishers.noBody()
				: HttpRequest.BodyPublishers.ofString(text, StandardCharsets.UTF_8));
		if (text != null) {
			request.header("Content-Type", "application/json");
		}
		try {
			HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
			return new Reply(response.statusCode(), response.body(), response.headers().map());
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	private static void sleep(Duration duration) {
		try {
			Thread.sleep(duration.toMillis());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	/** An answer of the broker. */
	record Reply(int status, String body, Map<String, java.util.List<String>> headers) {

		JsonNode json() {
			return OsbCalls.json.readTree(this.body);
		}

		String header(String name) {
			return this.headers.entrySet()
				.stream()
				.filter((entry) -> entry.getKey().equalsIgnoreCase(name))
				.map((entry) -> entry.getValue().get(0))
				.findFirst()
				.orElse(null);
		}

		@Override
		public String toString() {
			return this.status + " " + this.body;
		}

	}

}
