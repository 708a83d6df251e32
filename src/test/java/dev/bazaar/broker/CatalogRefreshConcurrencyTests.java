package dev.bazaar.broker;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.stream.IntStream;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.bazaar.broker.internal.CatalogRefreshScheduler;
import dev.bazaar.shared.jdbc.Timestamps;
import dev.bazaar.support.BazaarTest;
import dev.bazaar.support.FakeBroker;
import dev.bazaar.support.Tenants;
import dev.bazaar.support.Tenants.TestCustomer;
import dev.bazaar.support.WrittenTables;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The periodic refresh sends brokers at most {@code bazaar.catalog.refresh-concurrency}
 * (default 8) requests at once from one node, however many workers it has (ADR 0012):
 * slow brokers on a real socket count the requests they are answering at once.
 */
@BazaarTest
@Import(WrittenTables.class)
@TestPropertySource(properties = "bazaar.catalog.refresh-check=1h")
class CatalogRefreshConcurrencyTests {

	static final int BROKERS = 24;

	static final int CONCURRENCY = 8;

	@LocalServerPort
	int port;

	@Autowired
	CatalogRefreshScheduler scheduler;

	@Autowired
	JdbcClient jdbc;

	@Test
	void sendsSlowBrokersNoMoreRequestsAtOnceThanTheConcurrency() throws Exception {
		TestCustomer customer = Tenants.aCustomer(this.port);
		try (SlowBrokers brokers = new SlowBrokers(BROKERS)) {
			IntStream.range(0, BROKERS).forEach((n) -> register(customer, brokers, n));
			this.jdbc.sql("update service_broker set next_refresh_at = ? where identifier like ?")
				.params(Timestamps.of(Instant.now().minusSeconds(1)), "slow-%-" + customer.identifier())
				.update();
			brokers.delayMillis = 150;

			int ran = this.scheduler.refreshDue();

			assertThat(ran).isEqualTo(BROKERS);
			IntStream.range(0, BROKERS)
				.forEach((n) -> assertThat(brokers.requests.get(n)).as("broker %d: registration and refresh", n)
					.isEqualTo(2));
			assertThat(brokers.mostAtOnce.get()).as("requests the brokers answered at once")
				.isLessThanOrEqualTo(CONCURRENCY)
				.isGreaterThan(1);
		}
	}

	private static void register(TestCustomer customer, SlowBrokers brokers, int n) {
		customer.registerBroker("Slow " + n, "slow-" + n + "-" + customer.identifier(), brokers.url(n));
	}

	/**
	 * Brokers behind one JDK server, at {@code /b<n>}, each serving the test catalog with
	 * ids of its own, as late as asked; they count the requests they hold at once
	 * (received, not yet answered).
	 */
	static final class SlowBrokers implements AutoCloseable {

		final AtomicIntegerArray requests;

		final AtomicInteger atOnce = new AtomicInteger();

		final AtomicInteger mostAtOnce = new AtomicInteger();

		volatile long delayMillis;

		private final String prefix = UUID.randomUUID().toString().substring(0, 4);

		private final HttpServer server;

		private final ExecutorService threads = Executors.newFixedThreadPool(64);

		SlowBrokers(int brokers) throws IOException {
			this.requests = new AtomicIntegerArray(brokers);
			this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 256);
			this.server.setExecutor(this.threads);
			this.server.createContext("/", this::answer);
			this.server.start();
		}

		String url(int n) {
			return "http://localhost:" + this.server.getAddress().getPort() + "/b" + n;
		}

		private void answer(HttpExchange exchange) throws IOException {
			try (InputStream ignored = exchange.getRequestBody()) {
				ignored.readAllBytes();
			}
			String path = exchange.getRequestURI().getPath();
			int n = Integer.parseInt(path.substring(2, path.indexOf("/v2/catalog")));
			this.requests.incrementAndGet(n);
			byte[] body = FakeBroker.resource("/broker/catalog.json")
				.replace("XXXX", this.prefix + String.format("%04d", n))
				.getBytes(StandardCharsets.UTF_8);
			this.mostAtOnce.accumulateAndGet(this.atOnce.incrementAndGet(), Math::max);
			try {
				Thread.sleep(this.delayMillis);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
			// Before the answer leaves: the client's next request can only come after it.
			this.atOnce.decrementAndGet();
			exchange.getResponseHeaders().set("Content-Type", "application/json");
			exchange.sendResponseHeaders(200, body.length);
			exchange.getResponseBody().write(body);
			exchange.close();
		}

		@Override
		public void close() {
			this.server.stop(0);
			this.threads.shutdownNow();
		}

	}

}
