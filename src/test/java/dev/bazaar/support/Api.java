package dev.bazaar.support;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Calls Bazaar's HTTP APIs (its JSON API, the example broker) over a real socket as one
 * user.
 */
public final class Api {

	private static final JsonMapper json = JsonMapper.builder().build();

	private static final HttpClient http = HttpClient.newHttpClient();

	private final String baseUrl;

	private final Map<String, String> headers;

	private Api(String baseUrl, Map<String, String> headers) {
		this.baseUrl = baseUrl;
		this.headers = headers;
	}

	/** Calls Bazaar at {@code http://localhost:port} as the given user. */
	public static Api as(int port, String username, String password) {
		String token = Base64.getEncoder().encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8));
		return anonymous(port).withHeader("Authorization", "Basic " + token);
	}

	/** Calls Bazaar with no credentials. */
	public static Api anonymous(int port) {
		return new Api("http://localhost:" + port, Map.of());
	}

	/** The same calls to paths below {@code path}. */
	public Api below(String path) {
		return new Api(this.baseUrl + path, this.headers);
	}

	/** The same calls with the header on each request. */
	public Api withHeader(String name, String value) {
		Map<String, String> headers = new LinkedHashMap<>(this.headers);
		headers.put(name, value);
		return new Api(this.baseUrl, headers);
	}

	/** The same calls without the header. */
	public Api withoutHeader(String name) {
		Map<String, String> headers = new LinkedHashMap<>(this.headers);
		headers.remove(name);
		return new Api(this.baseUrl, headers);
	}

	public Reply get(String path) {
		return send("GET", path, null);
	}

	public Reply post(String path, Object body) {
		return send("POST", path, body);
	}

	public Reply put(String path, Object body) {
		return send("PUT", path, body);
	}

	public Reply patch(String path, Object body) {
		return send("PATCH", path, body);
	}

	public Reply delete(String path) {
		return send("DELETE", path, null);
	}

	/** Sends a request; the body is serialized to JSON unless it is a String already. */
	public Reply send(String method, String path, Object body) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(this.baseUrl + path));
		this.headers.forEach(request::header);
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

	/** A response: status, raw body and headers, and the body as JSON. */
	public record Reply(int status, String body, Map<String, List<String>> headers) {

		public JsonNode json() {
			return json.readTree(this.body);
		}

		/** The first value of the header, whatever its case; null without it. */
		public String header(String name) {
			return this.headers.entrySet()
				.stream()
				.filter((entry) -> entry.getKey().equalsIgnoreCase(name))
				.map((entry) -> entry.getValue().get(0))
				.findFirst()
				.orElse(null);
		}

		public String contentType() {
			String contentType = header("Content-Type");
			return (contentType != null) ? contentType : "";
		}

		@Override
		public String toString() {
			return this.status + " " + this.body;
		}

	}

}
