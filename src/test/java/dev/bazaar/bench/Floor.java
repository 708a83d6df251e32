package dev.bazaar.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

/**
 * The floor of a provision: the same HTTP PUT to the same broker with a plain
 * {@link HttpClient}, and three row writes through plain JDBC on the same database and
 * tables (insert the instance, mark it succeeded, insert the communication log), with as
 * many connections as Bazaar's pool.
 */
final class Floor implements AutoCloseable {

	private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

	private final BlockingQueue<Connection> connections;

	private final String brokerUrl;

	private final Bazaar.Tenant tenant;

	private final String authorization = "Basic "
			+ Base64.getEncoder().encodeToString("broker-user:pw".getBytes(StandardCharsets.UTF_8));

	Floor(Bazaar.Database database, int poolSize, String brokerUrl, Bazaar.Tenant tenant) throws SQLException {
		this.connections = new ArrayBlockingQueue<>(poolSize);
		for (int i = 0; i < poolSize; i++) {
			this.connections.add(DriverManager.getConnection(database.url(), database.username(), database.password()));
		}
		this.brokerUrl = brokerUrl;
		this.tenant = tenant;
	}

	/** One provision's essential work. */
	boolean provision(long sequence) throws Exception {
		UUID id = UUID.randomUUID();
		Instant now = Instant.now();
		String body = "{\"service_id\":\"" + FastBroker.SERVICE_ID + "\",\"plan_id\":\"" + FastBroker.PLAN_ID
				+ "\",\"organization_guid\":\"" + this.tenant.customer() + "\",\"space_guid\":\"shop\"}";
		String url = this.brokerUrl + "/v2/service_instances/" + id + "?accepts_incomplete=true";
		withConnection((connection) -> insertInstance(connection, id, "floor-" + sequence, now));
		HttpResponse<String> response = this.http.send(HttpRequest.newBuilder(URI.create(url))
			.header("X-Broker-API-Version", "2.14")
			.header("Authorization", this.authorization)
			.header("Content-Type", "application/json")
			.PUT(HttpRequest.BodyPublishers.ofString(body))
			.build(), HttpResponse.BodyHandlers.ofString());
		withConnection((connection) -> {
			markSucceeded(connection, id, now);
			insertLog(connection, id, url, body, response, now);
		});
		return response.statusCode() == 201;
	}

	private void insertInstance(Connection connection, UUID id, String name, Instant now) throws SQLException {
		try (PreparedStatement insert = connection.prepareStatement("""
				insert into service_instance (id, display_name, customer_id, project_id, marketplace, broker_id,
				deployment, service_id, plan_id, parameters, status, dashboard_url, op_type, op_state, op_description,
				op_updated_at, created_at, updated_at) values (?, ?, ?, ?, 'private', ?, 'default', ?, ?, null,
				'IN_PROGRESS', null, 'CREATE', 'IN_PROGRESS', 'Asking the broker', ?, ?, ?)""")) {
			insert.setObject(1, id);
			insert.setString(2, name);
			insert.setObject(3, this.tenant.customerId());
			insert.setObject(4, this.tenant.projectId());
			insert.setObject(5, this.tenant.brokerId());
			insert.setString(6, FastBroker.SERVICE_ID);
			insert.setString(7, FastBroker.PLAN_ID);
			Timestamp at = Timestamp.from(now);
			insert.setTimestamp(8, at);
			insert.setTimestamp(9, at);
			insert.setTimestamp(10, at);
			insert.executeUpdate();
		}
	}

	private static void markSucceeded(Connection connection, UUID id, Instant now) throws SQLException {
		try (PreparedStatement update = connection.prepareStatement(
				"update service_instance set status = 'SUCCEEDED', op_state = 'SUCCEEDED', op_description = null, "
						+ "op_updated_at = ?, updated_at = ? where id = ?")) {
			update.setTimestamp(1, Timestamp.from(now));
			update.setTimestamp(2, Timestamp.from(now));
			update.setObject(3, id);
			update.executeUpdate();
		}
	}

	private void insertLog(Connection connection, UUID id, String url, String body, HttpResponse<String> response,
			Instant now) throws SQLException {
		try (PreparedStatement insert = connection.prepareStatement(
				"""
						insert into communication_log (requested_at, broker_id, broker_identifier, customer_id, location,
						  operation_type, method, url, request_headers, request_body, response_code, response_headers,
						  response_body, duration_ms, error, plan_id, instance_id, request_identity)
						values (?, ?, 'bench', ?, null, 'PROVISION_INSTANCE', 'PUT', ?, '{}', ?, ?, '{}', ?, 1, null, ?, ?, ?)""")) {
			insert.setTimestamp(1, Timestamp.from(now));
			insert.setObject(2, this.tenant.brokerId());
			insert.setObject(3, this.tenant.customerId());
			insert.setString(4, url);
			insert.setString(5, body);
			insert.setInt(6, response.statusCode());
			insert.setString(7, response.body());
			insert.setString(8, FastBroker.PLAN_ID);
			insert.setString(9, id.toString());
			insert.setString(10, UUID.randomUUID().toString());
			insert.executeUpdate();
		}
	}

	private void withConnection(Work work) throws Exception {
		Connection connection = this.connections.take();
		try {
			work.run(connection);
		}
		finally {
			this.connections.put(connection);
		}
	}

	@Override
	public void close() throws SQLException {
		for (Connection connection : this.connections) {
			connection.close();
		}
	}

	private interface Work {

		void run(Connection connection) throws SQLException;

	}

}
