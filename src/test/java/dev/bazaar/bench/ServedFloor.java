package dev.bazaar.bench;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
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

	private final HttpServer server;

	private final ExecutorService threads;

	private final String authorization;

	private final AtomicLong sequence = new AtomicLong();

	private final Api client;

	ServedFloor(Floor floor, String username, String password) throws IOException {
		this.floor = floor;
		this.authorization = "Basic "
				+ Base64.getEncoder().encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8));
		this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 512);
		// As many request threads as Bazaar's Tomcat has at most.
		this.threads = Executors.newFixedThreadPool(200, (task) -> {
			Thread thread = new Thread(task, "served-floor");
			thread.setDaemon(true);
			return thread;
		});
		this.server.setExecutor(this.threads);
		this.server.createContext("/", this::answer);
		this.server.start();
		this.client = Api.as(this.server.getAddress().getPort(), username, password);
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
		this.server.stop(0);
		this.threads.shutdownNow();
	}

}
