package dev.bazaar.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Fills {@code communication_log} with many logs of many brokers in set-based SQL
 * ({@code INSERT … SELECT} from {@code generate_series} on PostgreSQL, from
 * {@code SYSTEM_RANGE} on H2): the indexes Flyway created are dropped first and created
 * again, with the very definitions the database reports, once the rows are in.
 * <p>
 * On PostgreSQL the table is made {@code UNLOGGED} for it (no write-ahead log: cheaper
 * writes, the same reads).
 * <p>
 * One broker in ten logs is the measured one (its owner has four more brokers; 95 others
 * belong to other customers). Logs are spread evenly over the 80 days before {@code end},
 * ids in time order as Bazaar writes them. Per log, pseudo-randomly: the operation (30 %
 * last-operation polls, 12 % provisions, 10 % catalog fetches, …), the answer (about 91 %
 * success, 6 % 4xx, 2.5 % 5xx, 0.5 % no answer), the location (70 % the private
 * registration, 20 % {@code eu}, 10 % {@code us}), one of 20 plans, and the service
 * instance (about ten logs each, close in time); small JSON bodies and headers.
 */
final class LogFill {

	/** Brokers that write logs; broker 0 is the measured one. */
	static final int BROKERS = 100;

	/** How many of the brokers, after the measured one, its owner has too. */
	static final int OWNER_BROKERS = 4;

	static final int PLANS = 20;

	static final Duration SPAN = Duration.ofDays(80);

	private static final String INSTANCE_PREFIX = "0a000000-0000-4000-a000-";

	private final Bazaar.Database database;

	private final boolean postgres;

	private final int rows;

	private final Instant end;

	/** Wall time of each step, for the report. */
	private final List<String> steps = new ArrayList<>();

	LogFill(Bazaar.Database database, int rows, Instant end) {
		this.database = database;
		this.postgres = database.url().startsWith("jdbc:postgresql:");
		this.rows = rows;
		this.end = end;
	}

	/** The instance id of the {@code n}th log (1-based), as the fill writes it. */
	static String instanceOf(long n) {
		return INSTANCE_PREFIX + String.format(Locale.ROOT, "%012d", n / 200 * 2);
	}

	/** The time of the first log. */
	Instant start() {
		return this.end.minus(SPAN);
	}

	List<String> steps() {
		return this.steps;
	}

	/**
	 * Writes the logs of the measured broker, of another broker of its owner (the second
	 * of the hundred) and of the others, then indexes them again.
	 */
	void fill(UUID brokerId, String brokerIdentifier, UUID customerId, UUID otherBrokerId, String otherIdentifier)
			throws Exception {
		int threads = this.postgres ? 2 : 1;
		List<String> indexes;
		try (Connection connection = connect(); Statement statement = connection.createStatement()) {
			indexes = indexDefinitions(connection);
			for (String index : indexes) {
				statement.execute("drop index " + indexName(index));
			}
			if (this.postgres) {
				// No write-ahead log for the fill and the indexes: cheaper writes, the
				// same reads.
				statement.execute("alter table communication_log set unlogged");
			}
			statement.execute("create table bench_broker (k integer primary key, broker_id uuid not null, "
					+ "identifier varchar(63) not null, customer_id uuid not null)");
			try (PreparedStatement insert = connection
				.prepareStatement("insert into bench_broker values (?, ?, ?, ?)")) {
				for (int k = 0; k < BROKERS; k++) {
					insert.setInt(1, k);
					insert.setObject(2, (k == 0) ? brokerId : (k == 1) ? otherBrokerId
							: UUID.fromString(String.format(Locale.ROOT, "00000000-0000-4000-8000-%012d", k)));
					insert.setString(3, (k == 0) ? brokerIdentifier : (k == 1) ? otherIdentifier : "broker-" + k);
					insert.setObject(4, (k <= OWNER_BROKERS) ? customerId
							: UUID.fromString(String.format(Locale.ROOT, "00000000-0000-4000-9000-%012d", k)));
					insert.addBatch();
				}
				insert.executeBatch();
			}
			if (this.postgres) {
				statement.execute("analyze bench_broker");
			}
		}
		long started = System.nanoTime();
		int chunk = this.postgres ? 1_000_000 : 100_000;
		ConcurrentLinkedQueue<long[]> chunks = new ConcurrentLinkedQueue<>();
		for (long from = 1; from <= this.rows; from += chunk) {
			chunks.add(new long[] { from, Math.min(this.rows, from + chunk - 1) });
		}
		inParallel(threads, (connection) -> {
			try (PreparedStatement insert = connection.prepareStatement(insertSql())) {
				for (long[] range = chunks.poll(); range != null; range = chunks.poll()) {
					insert.setTimestamp(1, Timestamp.from(this.end));
					insert.setLong(2, SPAN.toMillis() / this.rows);
					insert.setLong(3, this.rows);
					insert.setLong(4, range[0]);
					insert.setLong(5, range[1]);
					insert.executeUpdate();
				}
			}
		});
		step("insert", started);
		started = System.nanoTime();
		ConcurrentLinkedQueue<String> pending = new ConcurrentLinkedQueue<>(indexes);
		inParallel(threads, (connection) -> {
			try (Statement statement = connection.createStatement()) {
				if (this.postgres) {
					// Both cores build one index each, rather than one index with two.
					statement.execute("set maintenance_work_mem = '1GB'");
					statement.execute("set max_parallel_maintenance_workers = 0");
				}
				for (String index = pending.poll(); index != null; index = pending.poll()) {
					statement.execute(index);
				}
			}
		});
		step(indexes.size() + " indexes", started);
		started = System.nanoTime();
		try (Connection connection = connect(); Statement statement = connection.createStatement()) {
			statement.execute("drop table bench_broker");
			statement.execute(this.postgres ? "analyze communication_log" : "analyze");
		}
		step("analyze", started);
	}

	/** Runs the statements, such as {@code create index}, two at a time on PostgreSQL. */
	void execute(List<String> sql) throws Exception {
		ConcurrentLinkedQueue<String> pending = new ConcurrentLinkedQueue<>(sql);
		inParallel(this.postgres ? 2 : 1, (connection) -> {
			try (Statement statement = connection.createStatement()) {
				if (this.postgres) {
					statement.execute("set maintenance_work_mem = '256MB'");
					statement.execute("set max_parallel_maintenance_workers = 0");
				}
				for (String next = pending.poll(); next != null; next = pending.poll()) {
					statement.execute(next);
				}
			}
		});
	}

	Connection connect() throws SQLException {
		return DriverManager.getConnection(this.database.url(), this.database.username(), this.database.password());
	}

	void step(String name, long startedNanos) {
		this.steps
			.add(name + " " + String.format(Locale.ROOT, "%.1f", (System.nanoTime() - startedNanos) / 1e9) + " s");
	}

	/**
	 * {@code create index} statements of {@code communication_log}'s indexes, except the
	 * primary key's.
	 */
	List<String> indexDefinitions(Connection connection) throws SQLException {
		List<String> definitions = new ArrayList<>();
		try (Statement statement = connection.createStatement()) {
			if (this.postgres) {
				try (ResultSet rs = statement.executeQuery("select indexdef from pg_indexes where tablename = "
						+ "'communication_log' and indexname <> 'communication_log_pkey' order by indexname")) {
					while (rs.next()) {
						definitions.add(rs.getString(1));
					}
				}
				return definitions;
			}
			try (ResultSet rs = statement.executeQuery("""
					select i.index_name, c.column_name, c.ordering_specification
					from information_schema.indexes i join information_schema.index_columns c
					  on c.index_schema = i.index_schema and c.index_name = i.index_name
					where i.table_name = 'communication_log' and i.index_type_name = 'INDEX'
					order by i.index_name, c.ordinal_position""")) {
				String name = null;
				StringBuilder columns = new StringBuilder();
				while (rs.next()) {
					if (!rs.getString(1).equals(name)) {
						if (name != null) {
							definitions.add("create index " + name + " on communication_log (" + columns + ")");
						}
						name = rs.getString(1);
						columns.setLength(0);
					}
					columns.append(columns.isEmpty() ? "" : ", ")
						.append(rs.getString(2))
						.append("DESC".equals(rs.getString(3)) ? " desc" : "");
				}
				if (name != null) {
					definitions.add("create index " + name + " on communication_log (" + columns + ")");
				}
			}
		}
		return definitions;
	}

	private static String indexName(String definition) {
		String[] words = definition.split("\\s+");
		for (int i = 0; i < words.length - 1; i++) {
			if (words[i].equalsIgnoreCase("index")) {
				return words[i + 1];
			}
		}
		throw new IllegalArgumentException(definition);
	}

	/**
	 * The insert of logs {@code ?4} to {@code ?5} of {@code ?3}, the last at {@code ?1},
	 * {@code ?2} ms apart. Per log {@code n}: three multiplicative hashes, whose upper
	 * bits pick broker, operation, answer, location and jitter.
	 */
	private String insertSql() {
		// PostgreSQL's driver knows only positional parameters, which come in this order.
		String series = this.postgres ? "generate_series(cast(? as bigint), cast(? as bigint)) as g(n)"
				: "system_range(cast(?4 as bigint), cast(?5 as bigint)) as g(n)";
		String time = this.postgres
				? "cast(? as timestamp with time zone) - ((cast(? as bigint) * (cast(? as bigint) - n) + j) "
						+ "* interval '1 millisecond')"
				: "dateadd(millisecond, -(cast(?2 as bigint) * (cast(?3 as bigint) - n) + j), "
						+ "cast(?1 as timestamp with time zone))";
		String op = "case when u < 10 then 'FETCH_CATALOG' when u < 22 then 'PROVISION_INSTANCE' "
				+ "when u < 26 then 'UPDATE_INSTANCE' when u < 36 then 'DEPROVISION_INSTANCE' "
				+ "when u < 40 then 'FETCH_INSTANCE' when u < 70 then 'POLL_INSTANCE_LAST_OPERATION' "
				+ "when u < 80 then 'BIND' when u < 88 then 'UNBIND' when u < 93 then 'FETCH_BINDING' "
				+ "else 'POLL_BINDING_LAST_OPERATION' end";
		String method = "case when u < 10 or u between 36 and 69 or u >= 88 then 'GET' "
				+ "when u between 22 and 25 then 'PATCH' when u between 26 and 35 or u between 80 and 87 then 'DELETE' "
				+ "else 'PUT' end";
		String code = "case when r < 5 then null when r < 15 then 500 when r < 20 then 502 when r < 25 then 503 "
				+ "when r < 45 then 400 when r < 60 then 404 when r < 70 then 409 when r < 75 then 410 "
				+ "when r < 85 then 422 when u between 10 and 21 or u between 70 and 79 then 201 "
				+ "when u between 22 and 25 then 202 else 200 end";
		String instance = "'" + INSTANCE_PREFIX + "' || lpad(cast(i as varchar), 12, '0')";
		return """
				insert into communication_log (requested_at, broker_id, broker_identifier, customer_id, location,
				  operation_type, method, url, request_headers, request_body, response_code, response_headers,
				  response_body, duration_ms, error, plan_id, instance_id, request_identity)
				select %s, b.broker_id, b.identifier, b.customer_id,
				  case when l < 2 then 'eu' when l = 2 then 'us' end, %s, %s,
				  case when u < 10 then 'https://' || b.identifier || '.example.com/v2/catalog'
				    else 'https://' || b.identifier || '.example.com/v2/service_instances/' || %s end,
				  '{"X-Broker-API-Version":["2.17"],"Authorization":["******"]}',
				  case when u between 10 and 25 or u between 70 and 79
				    then '{"service_id":"bench-service","plan_id":"plan-' || mod(i, %d) || '"}' end,
				  %s, '{"Content-Type":["application/json"]}',
				  case when r < 5 then null when r < 85 then '{"description":"Refused"}' when u < 10 then '{"services":[]}'
				    else '{}' end,
				  5 + mod(h3 / 16, 300), case when r < 5 then 'TIMEOUT: no answer within 60 s' end,
				  case when u >= 10 then 'plan-' || mod(i, %d) end, case when u >= 10 then %s end,
				  cast(n as varchar)
				from (select n, h3, case when mod(n, 10) = 0 then 0 else 1 + mod(h1 / 4096, %d) end as k,
				    mod(h2 / 4096, 100) as u, mod(h3 / 4096, 1000) as r, mod(h1 / 1048576, 10) as l,
				    mod(h2 / 64, 500) as j, n / 200 * 2 + mod(h3 / 65536, 2) as i
				  from (select n, mod(n * 2654435761, 4294967296) as h1, mod(n * 2246822519 + 3266489917, 4294967296) as h2,
				      mod(n * 3266489917 + 668265263, 4294967296) as h3
				    from %s) as hashed) as s
				join bench_broker b on b.k = s.k"""
			.formatted(time, op, method, instance, PLANS, code, PLANS, instance, BROKERS - 1, series);
	}

	private void inParallel(int threads, Work work) throws Exception {
		ExecutorService pool = Executors.newFixedThreadPool(threads);
		try {
			List<Future<?>> futures = new ArrayList<>();
			for (int i = 0; i < threads; i++) {
				futures.add(pool.submit(() -> {
					try (Connection connection = connect()) {
						work.run(connection);
					}
					return null;
				}));
			}
			for (Future<?> future : futures) {
				future.get();
			}
		}
		finally {
			pool.shutdownNow();
		}
	}

	private interface Work {

		void run(Connection connection) throws Exception;

	}

}
