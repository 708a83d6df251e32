package dev.bazaar.bench;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;

/**
 * A JDK {@code HttpServer} on a free loopback port, answering with a fixed pool of daemon
 * threads: the fake brokers' and the served floor's.
 */
final class LoopbackServer implements AutoCloseable {

	static {
		// Without it the JDK server's separate header and body writes meet the client's
		// delayed ACK: 40 ms stalls (JDK-6968351) that would be the server's, not the
		// measured program's.
		System.setProperty("sun.net.httpserver.nodelay", "true");
	}

	private final HttpServer server;

	private final ExecutorService threads;

	private LoopbackServer(HttpServer server, ExecutorService threads) {
		this.server = server;
		this.threads = threads;
	}

	/**
	 * Starts a server whose {@code threads} threads, named {@code name}, run the handler.
	 */
	static LoopbackServer start(String name, int threads, int backlog, HttpHandler handler) throws IOException {
		HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), backlog);
		ExecutorService pool = Executors.newFixedThreadPool(threads, (task) -> {
			Thread thread = new Thread(task, name);
			thread.setDaemon(true);
			return thread;
		});
		server.setExecutor(pool);
		server.createContext("/", handler);
		server.start();
		return new LoopbackServer(server, pool);
	}

	int port() {
		return this.server.getAddress().getPort();
	}

	@Override
	public void close() {
		this.server.stop(0);
		this.threads.shutdownNow();
	}

}
