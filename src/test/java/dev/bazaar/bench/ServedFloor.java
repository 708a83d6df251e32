package dev.bazaar.bench;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

import com.sun.net.httpserver.HttpExchange;
import dev.bazaar.support.Api;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The floor behind the inbound hop that Bazaar's API has and the floor has not: a plain
 * JDK {@code HttpServer} on a real socket that checks the Basic header against the one it
 * expects, reads the JSON order, does the {@link Floor}'s work and answers 201 with the
 * instance as JSON; called by the same client as Bazaar. Not a target of the issue's, a
 * measure of how much of the gap is the hop itself.
 */
final class ServedFloor implements AutoCloseable {

	private static final JsonMapper json = JsonMapper.builder().build();

	private final Floor floor;

	private final LoopbackServer server;

	private final String authorization;

	private final AtomicLong sequence = new AtomicLong();

	private final Api client;

	ServedFloor(Floor floor, String username, String password) throws IOException {
		this.floor = floor;
		this.authorization = "Basic "
				+ Base64.getEncoder().encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8));
		// As many request threads as Bazaar's Tomcat has at most.
		this.server = LoopbackServer.start("served-floor", 200, 512, this::answer);
		this.client = Api.as(this.server.port(), username, password);
	}

	/** One provision through the hop, as Bazaar's clients send it. */
	boolean provision(long sequence) {
		String body = "{\"marketplace\":\"private\",\"serviceId\":\"" + FastBroker.SERVICE_ID + "\",\"planId\":\""
				+ FastBroker.PLAN_ID + "\",\"displayName\":\"bench-" + sequence + "\"}";
		return this.client.post("/api/provision", body).status() == 201;
	}

	private void answer(HttpExchange exchange) throws IOException {
		JsonNode order;
		try (InputStream body = exchange.getRequestBody()) {
			order = json.readTree(body);
		}
		if (!this.authorization.equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
			respond(exchange, 401, "{}".getBytes(StandardCharsets.UTF_8));
			return;
		}
		boolean provisioned;
		try {
			provisioned = this.floor.provision(this.sequence.incrementAndGet());
		}
		catch (Exception ex) {
			provisioned = false;
		}
		Map<String, Object> instance = new LinkedHashMap<>();
		instance.put("id", UUID.randomUUID().toString());
		instance.put("displayName", order.path("displayName").asString());
		instance.put("marketplace", order.path("marketplace").asString());
		instance.put("serviceId", order.path("serviceId").asString());
		instance.put("planId", order.path("planId").asString());
		instance.put("status", "SUCCEEDED");
		respond(exchange, provisioned ? 201 : 502, json.writeValueAsBytes(instance));
	}

	private static void respond(HttpExchange exchange, int status, byte[] body) throws IOException {
		exchange.getResponseHeaders().set("Content-Type", "application/json");
		exchange.sendResponseHeaders(status, body.length);
		exchange.getResponseBody().write(body);
		exchange.close();
	}

	@Override
	public void close() {
		this.server.close();
	}

}
