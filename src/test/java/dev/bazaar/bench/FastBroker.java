package dev.bazaar.bench;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

import com.sun.net.httpserver.HttpExchange;

/**
 * A broker on a real socket that answers at once: its catalog to {@code GET /v2/catalog},
 * 201 {@code {}} to every {@code PUT}, 200 {@code {}} to anything else. Lighter than
 * WireMock, so that the broker costs both Bazaar and the floor as little as possible.
 */
final class FastBroker implements AutoCloseable {

	static final String SERVICE_ID = "bench-service-0001";

	static final String PLAN_ID = "bench-plan-0001";

	private static final byte[] CATALOG = ("{\"services\":[{\"name\":\"bench-db\",\"id\":\"" + SERVICE_ID
			+ "\",\"description\":\"A database for benchmarks\",\"bindable\":true,\"plan_updateable\":true,"
			+ "\"plans\":[{\"id\":\"" + PLAN_ID + "\",\"name\":\"small\",\"description\":\"Small\",\"free\":true}]}]}")
		.getBytes(StandardCharsets.UTF_8);

	private static final byte[] EMPTY = "{}".getBytes(StandardCharsets.UTF_8);

	private final LoopbackServer server;

	FastBroker() throws IOException {
		this.server = LoopbackServer.start("fast-broker", 16, 512, FastBroker::answer);
	}

	String url() {
		return "http://localhost:" + this.server.port();
	}

	private static void answer(HttpExchange exchange) throws IOException {
		try (InputStream body = exchange.getRequestBody()) {
			body.readAllBytes();
		}
		String method = exchange.getRequestMethod();
		boolean catalog = method.equals("GET") && exchange.getRequestURI().getPath().equals("/v2/catalog");
		byte[] answer = catalog ? CATALOG : EMPTY;
		exchange.getResponseHeaders().set("Content-Type", "application/json");
		exchange.sendResponseHeaders(method.equals("PUT") ? 201 : 200, answer.length);
		exchange.getResponseBody().write(answer);
		exchange.close();
	}

	@Override
	public void close() {
		this.server.close();
	}

}
