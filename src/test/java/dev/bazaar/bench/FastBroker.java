package dev.bazaar.bench;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

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

	static {
		// Without it the JDK server's separate header and body writes meet the client's
		// delayed ACK: 40 ms stalls (JDK-6968351) that would be the broker's, not
		// Bazaar's.
		System.setProperty("sun.net.httpserver.nodelay", "true");
	}

	private final HttpServer server;

	private final ExecutorService threads;

	FastBroker() throws IOException {
		this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 512);
		this.threads = Executors.newFixedThreadPool(16, (task) -> {
			Thread thread = new Thread(task, "fast-broker");
			thread.setDaemon(true);
			return thread;
		});
		this.server.setExecutor(this.threads);
		this.server.createContext("/", FastBroker::answer);
		this.server.start();
	}

	String url() {
		return "http://localhost:" + this.server.getAddress().getPort();
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
		this.server.stop(0);
		this.threads.shutdownNow();
	}

}
