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
import java.sql.Types;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.LongAdder;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The floor of a catalog refresh cycle: the same {@code GET /v2/catalog} of every broker
 * with a plain {@link HttpClient}, as many at once as Bazaar runs, each answer parsed
 * with Jackson; for a first cycle also the same rows inserted with plain JDBC batches
 * (one catalog, its services, its plans; one transaction per broker) into the same
 * tables, as deployment {@code floor}.
 */
final class RefreshFloor implements AutoCloseable {

	private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

	private final JsonMapper json = JsonMapper.builder().build();

	private final BlockingQueue<Connection> connections;

	private final String authorization = "Basic "
			+ Base64.getEncoder().encodeToString("broker-user:pw".getBytes(StandardCharsets.UTF_8));

	RefreshFloor(Bazaar.Database database, int poolSize) throws SQLException {
		this.connections = new ArrayBlockingQueue<>(poolSize);
		for (int i = 0; i < poolSize; i++) {
			Connection connection = DriverManager.getConnection(database.url(), database.username(),
					database.password());
			connection.setAutoCommit(false);
			this.connections.add(connection);
		}
	}

	/**
	 * Fetches and parses every broker's catalog, {@code concurrency} at once, inserting
	 * the rows when asked; answers the rows inserted.
	 */
	long cycle(List<Target> brokers, int concurrency, boolean insert) throws Exception {
		LongAdder rows = new LongAdder();
		ExecutorService pool = Executors.newFixedThreadPool(concurrency);
		try {
			List<Future<?>> running = new ArrayList<>();
			for (Target broker : brokers) {
				running.add(pool.submit(() -> {
					JsonNode catalog = fetch(broker.url());
					if (insert) {
						rows.add(insert(broker.id(), catalog));
					}
					return null;
				}));
			}
			for (Future<?> future : running) {
				future.get();
			}
		}
		finally {
			pool.shutdown();
		}
		return rows.sum();
	}

	private JsonNode fetch(String url) throws Exception {
		HttpResponse<byte[]> response = this.http.send(HttpRequest.newBuilder(URI.create(url + "/v2/catalog"))
			.header("X-Broker-API-Version", "2.14")
			.header("Authorization", this.authorization)
			.GET()
			.build(), HttpResponse.BodyHandlers.ofByteArray());
		if (response.statusCode() != 200) {
			throw new IllegalStateException("HTTP " + response.statusCode() + " from " + url);
		}
		return this.json.readTree(response.body());
	}

	private long insert(UUID brokerId, JsonNode catalog) throws Exception {
		Connection connection = this.connections.take();
		try {
			long rows = insertRows(connection, brokerId, catalog);
			connection.commit();
			return rows;
		}
		catch (SQLException ex) {
			connection.rollback();
			throw ex;
		}
		finally {
			this.connections.put(connection);
		}
	}

	private static long insertRows(Connection connection, UUID brokerId, JsonNode catalog) throws SQLException {
		try (PreparedStatement header = connection.prepareStatement(
				"insert into catalog (broker_id, deployment, fetched_at, content_hash) values (?, 'floor', ?, ?)")) {
			header.setObject(1, brokerId);
			header.setTimestamp(2, new java.sql.Timestamp(System.currentTimeMillis()));
			header.setString(3, Integer.toHexString(catalog.hashCode()));
			header.executeUpdate();
		}
		long rows = 1;
		try (PreparedStatement services = connection.prepareStatement("""
				insert into catalog_service (broker_id, deployment, service_id, name, description, bindable,
				plan_updateable, instances_retrievable, bindings_retrievable, raw_json, active, position)
				values (?, 'floor', ?, ?, ?, ?, ?, ?, ?, ?, true, ?)""");
				PreparedStatement plans = connection.prepareStatement("""
						insert into catalog_plan (broker_id, deployment, plan_id, service_id, name, description, free,
						bindable, plan_updateable, schemas, maximum_polling_duration, maintenance_info_version,
						raw_json, active, position) values (?, 'floor', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, true, ?)""")) {
			int position = 0;
			for (JsonNode service : catalog.get("services")) {
				addService(services, brokerId, service, position++);
				int planPosition = 0;
				for (JsonNode plan : service.get("plans")) {
					addPlan(plans, brokerId, service.get("id").asString(), plan, planPosition++);
				}
			}
			rows += services.executeBatch().length;
			rows += plans.executeBatch().length;
		}
		return rows;
	}

	private static void addService(PreparedStatement insert, UUID brokerId, JsonNode service, int position)
			throws SQLException {
		insert.setObject(1, brokerId);
		insert.setString(2, service.get("id").asString());
		insert.setString(3, service.get("name").asString());
		insert.setString(4, service.get("description").asString());
		insert.setBoolean(5, service.path("bindable").asBoolean(false));
		insert.setBoolean(6, service.path("plan_updateable").asBoolean(false));
		insert.setBoolean(7, service.path("instances_retrievable").asBoolean(false));
		insert.setBoolean(8, service.path("bindings_retrievable").asBoolean(false));
		insert.setString(9, service.toString());
		insert.setInt(10, position);
		insert.addBatch();
	}

	private static void addPlan(PreparedStatement insert, UUID brokerId, String serviceId, JsonNode plan, int position)
			throws SQLException {
		insert.setObject(1, brokerId);
		insert.setString(2, plan.get("id").asString());
		insert.setString(3, serviceId);
		insert.setString(4, plan.get("name").asString());
		insert.setString(5, plan.get("description").asString());
		insert.setBoolean(6, plan.path("free").asBoolean(true));
		insert.setBoolean(7, plan.path("bindable").asBoolean(true));
		insert.setBoolean(8, plan.path("plan_updateable").asBoolean(false));
		JsonNode schemas = plan.get("schemas");
		insert.setString(9, (schemas != null) ? schemas.toString() : null);
		JsonNode polling = plan.get("maximum_polling_duration");
		if (polling != null) {
			insert.setInt(10, polling.asInt());
		}
		else {
			insert.setNull(10, Types.INTEGER);
		}
		insert.setString(11, plan.path("maintenance_info").path("version").asString(null));
		insert.setString(12, plan.toString());
		insert.setInt(13, position);
		insert.addBatch();
	}

	@Override
	public void close() throws SQLException {
		for (Connection connection : this.connections) {
			connection.close();
		}
	}

	/** A broker to refresh: its id and endpoint. */
	record Target(UUID id, String url) {
	}

}
