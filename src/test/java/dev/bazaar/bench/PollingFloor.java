package dev.bazaar.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.DelayQueue;
import java.util.concurrent.Delayed;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The floor of polling: the tasks' due times read once from {@code instance_task}, then
 * as many threads as Bazaar polls with take the next due task from an in-memory
 * {@link DelayQueue}, send the same {@code GET .../last_operation} with a plain
 * {@link HttpClient}, and write the same two rows per poll through plain JDBC (insert the
 * communication log, reschedule the task at the answer's Retry-After), through as many
 * connections as Bazaar's pool has.
 */
final class PollingFloor implements AutoCloseable {

	private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

	private final BlockingQueue<Connection> connections;

	private final DelayQueue<Due> queue = new DelayQueue<>();

	private final List<Thread> threads = new ArrayList<>();

	private final AtomicLong failures = new AtomicLong();

	private final String brokerUrl;

	private final Bazaar.Tenant tenant;

	private final String authorization = "Basic "
			+ Base64.getEncoder().encodeToString("broker-user:pw".getBytes(StandardCharsets.UTF_8));

	private volatile boolean running = true;

	PollingFloor(Bazaar.Database database, int poolSize, String brokerUrl, Bazaar.Tenant tenant) throws SQLException {
		this.connections = new ArrayBlockingQueue<>(poolSize);
		for (int i = 0; i < poolSize; i++) {
			this.connections.add(DriverManager.getConnection(database.url(), database.username(), database.password()));
		}
		this.brokerUrl = brokerUrl;
		this.tenant = tenant;
	}

	/** Loads the tasks and starts polling with the given number of threads. */
	void start(int threads) throws Exception {
		Connection connection = this.connections.take();
		try (PreparedStatement select = connection
			.prepareStatement("select id, instance_id, due_at from instance_task");
				ResultSet rows = select.executeQuery()) {
			while (rows.next()) {
				this.queue.add(new Due(rows.getObject(1, UUID.class), rows.getObject(2, UUID.class),
						rows.getObject(3, OffsetDateTime.class).toInstant()));
			}
		}
		finally {
			this.connections.put(connection);
		}
		for (int i = 0; i < threads; i++) {
			Thread thread = new Thread(this::poll, "polling-floor-" + i);
			thread.setDaemon(true);
			this.threads.add(thread);
			thread.start();
		}
	}

	long failures() {
		return this.failures.get();
	}

	private void poll() {
		while (this.running) {
			try {
				Due task = this.queue.poll(100, TimeUnit.MILLISECONDS);
				if (task != null) {
					this.queue.add(pollOnce(task));
				}
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return;
			}
			catch (Exception ex) {
				this.failures.incrementAndGet();
			}
		}
	}

	private Due pollOnce(Due task) throws Exception {
		Instant now = Instant.now();
		String url = this.brokerUrl + "/v2/service_instances/" + task.instanceId() + "/last_operation?service_id="
				+ FastBroker.SERVICE_ID + "&plan_id=" + FastBroker.PLAN_ID;
		HttpResponse<String> response = this.http.send(HttpRequest.newBuilder(URI.create(url))
			.header("X-Broker-API-Version", "2.14")
			.header("Authorization", this.authorization)
			.GET()
			.build(), HttpResponse.BodyHandlers.ofString());
		long retryAfter = Long.parseLong(response.headers().firstValue("Retry-After").orElse("2"));
		Instant due = Instant.now().plusSeconds(retryAfter);
		Connection connection = this.connections.take();
		try {
			insertLog(connection, task, url, response, now);
			reschedule(connection, task, due);
		}
		finally {
			this.connections.put(connection);
		}
		return new Due(task.id(), task.instanceId(), due);
	}

	private void insertLog(Connection connection, Due task, String url, HttpResponse<String> response, Instant now)
			throws SQLException {
		try (PreparedStatement insert = connection.prepareStatement(
				"""
						insert into communication_log (requested_at, broker_id, broker_identifier, customer_id, location,
						  operation_type, method, url, request_headers, request_body, response_code, response_headers,
						  response_body, duration_ms, error, plan_id, instance_id, request_identity)
						values (?, ?, 'bench', ?, null, 'POLL_INSTANCE_LAST_OPERATION', 'GET', ?, '{}', null, ?, '{}', ?, 1, null, ?, ?, ?)""")) {
			insert.setTimestamp(1, Timestamp.from(now));
			insert.setObject(2, this.tenant.brokerId());
			insert.setObject(3, this.tenant.customerId());
			insert.setString(4, url);
			insert.setInt(5, response.statusCode());
			insert.setString(6, response.body());
			insert.setString(7, FastBroker.PLAN_ID);
			insert.setString(8, task.instanceId().toString());
			insert.setString(9, UUID.randomUUID().toString());
			insert.executeUpdate();
		}
	}

	private static void reschedule(Connection connection, Due task, Instant due) throws SQLException {
		try (PreparedStatement update = connection
			.prepareStatement("update instance_task set due_at = ?, attempts = attempts + 1 where id = ?")) {
			update.setTimestamp(1, Timestamp.from(due));
			update.setObject(2, task.id());
			update.executeUpdate();
		}
	}

	/** Stops polling once the polls under way are done. */
	void stop() throws InterruptedException {
		this.running = false;
		for (Thread thread : this.threads) {
			thread.join(Duration.ofSeconds(30).toMillis());
		}
	}

	@Override
	public void close() throws Exception {
		stop();
		for (Connection connection : this.connections) {
			connection.close();
		}
	}

	private record Due(UUID id, UUID instanceId, Instant at) implements Delayed {

		@Override
		public long getDelay(TimeUnit unit) {
			return unit.convert(Duration.between(Instant.now(), this.at));
		}

		@Override
		public int compareTo(Delayed other) {
			return this.at.compareTo(((Due) other).at);
		}

	}

}
