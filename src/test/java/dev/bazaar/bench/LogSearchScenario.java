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
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.bazaar.commlog.CommunicationLogs;
import dev.bazaar.commlog.LogCursor;
import dev.bazaar.commlog.LogPage;
import dev.bazaar.commlog.LogQuery;
import dev.bazaar.commlog.LogSummary;
import dev.bazaar.commlog.OperationType;
import dev.bazaar.commlog.internal.SearchStatement;
import dev.bazaar.support.Api;
import dev.bazaar.support.FakeBroker;
import org.jspecify.annotations.Nullable;

import org.springframework.aop.framework.AopProxyUtils;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;

/**
 * Scenario 2: searches of one broker's communication logs in a table of many, each
 * criterion alone and the common combinations, on the first page and on a deep one (by
 * the keyset cursor), through {@link CommunicationLogs#search} as the broker's owner
 * would (the service the API and the pages call: access check, broker lookup, SQL, rows
 * mapped, next cursor), beside the floor: the same search written by hand as one plain
 * JDBC statement against the ideal index of that search.
 * <p>
 * The ideal index has the criteria compared with {@code =} after {@code broker_id}, then
 * the order {@code requested_at, id}, then the columns compared by range, so that it
 * yields the page's rows in order and no row that the search drops after reading it from
 * the table. Where Bazaar has no such index, the floor gets its own: on PostgreSQL a
 * partial index on the same table that only the floor's statement can use (its predicate
 * names the broker's identifier, which Bazaar's statement does not); on H2, which has no
 * partial indexes, an index on a copy of the measured broker's rows.
 */
final class LogSearchScenario {

	private static final int H2_LOGS = Integer.getInteger("bench.logs.h2", 1_000_000);

	private static final int POSTGRES_LOGS = Integer.getInteger("bench.logs.postgres", 10_000_000);

	/** How many matching logs come before the deep page, at most (page 201 of 50). */
	private static final int DEEP = 10_000;

	private static final double TARGET = 1.5;

	private static final int WARM_UP = 5;

	private static final int ROUNDS = 4;

	private static final int PER_ROUND = 6;

	/** Time for the runs of one side of one search, after which a round stops early. */
	private static final long SIDE_BUDGET_NANOS = Duration.ofMillis(400).toNanos();

	private static final String COLUMNS = "id, requested_at, operation_type, method, url, response_code, "
			+ "duration_ms, plan_id, instance_id, location";

	private static final String FLOOR_TABLE = "bench_floor_log";

	private final Report report;

	LogSearchScenario(Report report) {
		this.report = report;
	}

	void run() throws Exception {
		long started = System.nanoTime();
		measure(Bazaar.Database.h2(), H2_LOGS);
		measure(BazaarBenchmark.postgres(), POSTGRES_LOGS);
		this.report.line("");
		this.report
			.line(String.format(Locale.ROOT, "Scenario 2 took %.0f s in all.", (System.nanoTime() - started) / 1e9));
	}

	private void measure(Bazaar.Database database, int logs) throws Exception {
		long started = System.nanoTime();
		boolean postgres = database.url().startsWith("jdbc:postgresql:");
		try (FastBroker broker = new FastBroker();
				FakeBroker other = FakeBroker.start();
				Bazaar bazaar = Bazaar.start(database, Map.of())) {
			Bazaar.Tenant tenant = bazaar.setUp(broker.url());
			String identifier = "fast-" + tenant.customer();
			String small = "small-" + tenant.customer();
			Setup.require(Api.as(bazaar.port(), tenant.customer() + "-admin", Bazaar.PASSWORD)
				.post("/api/customers/" + tenant.customer() + "/service-brokers",
						Map.of("name", "Small", "identifier", small, "endpoint", other.url(), "username",
								FakeBroker.USERNAME, "password", "pw", "developmentMode", false)),
					201);
			UUID smallId = bazaar.bean(JdbcClient.class)
				.sql("select id from service_broker where identifier = ?")
				.param(small)
				.query(UUID.class)
				.single();
			Instant end = Instant.now().minus(Duration.ofMinutes(1)).truncatedTo(ChronoUnit.MILLIS);
			LogFill fill = new LogFill(database, logs, end);
			fill.fill(tenant.brokerId(), identifier, tenant.customerId(), smallId, small);
			Broker measured = new Broker(tenant.brokerId(), identifier);
			List<Search> searches = searches(end, logs, measured, new Broker(smallId, small));
			try (Connection connection = fill.connect()) {
				long floorStarted = System.nanoTime();
				List<List<String>> productIndexes = columnsOf(fill.indexDefinitions(connection));
				List<String> floorIndexes = floorIndexes(searches, productIndexes, connection, fill, identifier, tenant,
						postgres);
				fill.step("floor's " + floorIndexes.size() + " indexes", floorStarted);
				long measureStarted = System.nanoTime();
				List<String> rows = new ArrayList<>();
				UserDetails owner = bazaar.bean(UserDetailsService.class)
					.loadUserByUsername(tenant.customer() + "-admin");
				SecurityContextHolder.getContext()
					.setAuthentication(
							UsernamePasswordAuthenticationToken.authenticated(owner, null, owner.getAuthorities()));
				try {
					// The service itself, not the benchmark's proxy that can switch
					// logging off.
					CommunicationLogs service = (CommunicationLogs) AopProxyUtils
						.getSingletonTarget(bazaar.bean(CommunicationLogs.class));
					for (Search search : searches) {
						Broker target = search.broker(measured);
						FloorQuery floor = new FloorQuery(search, target.identifier(), postgres, connection);
						for (boolean deep : new boolean[] { false, true }) {
							LogCursor cursor = deep ? floor.deepCursor() : null;
							if (deep && cursor == null) {
								continue;
							}
							LogQuery query = (cursor != null) ? search.query().after(cursor) : search.query();
							rows.add(
									compare(search, deep, query, cursor, service, target, floor, connection, postgres));
						}
					}
				}
				finally {
					SecurityContextHolder.clearContext();
				}
				fill.step("measurement", measureStarted);
				this.report.section(String.format(Locale.ROOT,
						"Scenario 2 on %s: communication-log search, %,d logs of %d brokers (%,d of the measured one)",
						database.name(), logs, LogFill.BROKERS, logs / 10));
				this.report.line("Set-up: " + String.join(", ", fill.steps()) + String.format(Locale.ROOT,
						"; %.0f s for this database with Bazaar's start.", (System.nanoTime() - started) / 1e9));
				this.report.line("");
				this.report.line("| Search | Page | Logs | Bazaar p50 ms | p90 ms | Floor p50 ms | p90 ms "
						+ "| Bazaar ÷ floor (p50) | Target (≤ 1.5×) | Bazaar's plan | Floor's index |");
				this.report.line("|---|---|---:|---:|---:|---:|---:|---:|---|---|---|");
				rows.forEach(this.report::line);
			}
		}
		finally {
			if (!postgres) {
				// The in-memory database outlives its last connection otherwise.
				try (Connection connection = DriverManager.getConnection(database.url(), database.username(),
						database.password()); Statement statement = connection.createStatement()) {
					statement.execute("shutdown");
				}
			}
		}
	}

	/**
	 * The searches: each criterion alone, then the combinations people use most.
	 */
	private static List<Search> searches(Instant end, int logs, Broker measured, Broker small) {
		Instant monthAgo = end.minus(Duration.ofDays(30));
		String instance = LogFill.instanceOf(logs / 2);
		List<Search> searches = new ArrayList<>();
		searches.add(new Search("newest, another broker with 1 % of the logs", LogQuery.newest(LogQuery.DEFAULT_LIMIT),
				"", List.of(), List.of(), List.of())
			.of(small));
		searches.add(new Search("newest (no criterion)", LogQuery.newest(LogQuery.DEFAULT_LIMIT), "", List.of(),
				List.of(), List.of()));
		searches.add(new Search("before (a month ago)", query(monthAgo, null, null, null, null, null),
				"requested_at <= ?", List.of(Timestamp.from(monthAgo)), List.of(), List.of()));
		searches.add(new Search("operationType=PROVISION_INSTANCE",
				query(null, OperationType.PROVISION_INSTANCE, null, null, null, null), "operation_type = ?",
				List.of("PROVISION_INSTANCE"), List.of("operation_type"), List.of()));
		searches.add(new Search("responseCode=503", query(null, null, "503", null, null, null), "response_code = ?",
				List.of(503), List.of("response_code"), List.of()));
		searches.add(new Search("responseCode=5xx", query(null, null, "5xx", null, null, null),
				"response_code between ? and ?", List.of(500, 599), List.of(), List.of("response_code")));
		searches.add(new Search("responseCode=>399", query(null, null, ">399", null, null, null),
				"response_code between ? and ?", List.of(400, 999), List.of(), List.of("response_code")));
		searches.add(new Search("planId", query(null, null, null, "plan-7", null, null), "plan_id = ?",
				List.of("plan-7"), List.of("plan_id"), List.of()));
		searches.add(new Search("instanceId", query(null, null, null, null, instance, null), "instance_id = ?",
				List.of(instance), List.of("instance_id"), List.of()));
		searches.add(new Search("location=eu", query(null, null, null, null, null, "eu"), "location = ?", List.of("eu"),
				List.of("location"), List.of()));
		searches.add(new Search("location=private", query(null, null, null, null, null, LogQuery.PRIVATE),
				"location is null", List.of(), List.of("location"), List.of()));
		searches.add(new Search("failed provisions: operationType + responseCode=>399",
				query(null, OperationType.PROVISION_INSTANCE, ">399", null, null, null),
				"operation_type = ? and response_code between ? and ?", List.of("PROVISION_INSTANCE", 400, 999),
				List.of("operation_type"), List.of("response_code")));
		searches.add(new Search("planId + operationType",
				query(null, OperationType.PROVISION_INSTANCE, null, "plan-7", null, null),
				"operation_type = ? and plan_id = ?", List.of("PROVISION_INSTANCE", "plan-7"),
				List.of("plan_id", "operation_type"), List.of()));
		searches.add(new Search("instanceId + operationType",
				query(null, OperationType.POLL_INSTANCE_LAST_OPERATION, null, null, instance, null),
				"operation_type = ? and instance_id = ?", List.of("POLL_INSTANCE_LAST_OPERATION", instance),
				List.of("instance_id", "operation_type"), List.of()));
		searches.add(new Search("before + operationType", query(monthAgo, OperationType.BIND, null, null, null, null),
				"requested_at <= ? and operation_type = ?", List.of(Timestamp.from(monthAgo), "BIND"),
				List.of("operation_type"), List.of()));
		searches.add(new Search("before + responseCode=5xx", query(monthAgo, null, "5xx", null, null, null),
				"requested_at <= ? and response_code between ? and ?", List.of(Timestamp.from(monthAgo), 500, 599),
				List.of(), List.of("response_code")));
		searches.add(new Search("location + responseCode=>399", query(null, null, ">399", null, null, "eu"),
				"location = ? and response_code between ? and ?", List.of("eu", 400, 999), List.of("location"),
				List.of("response_code")));
		return searches;
	}

	private static LogQuery query(@Nullable Instant before, @Nullable OperationType type, @Nullable String code,
			@Nullable String plan, @Nullable String instance, @Nullable String location) {
		return LogQuery.parse((before != null) ? before.toString() : null, (type != null) ? type.name() : null, code,
				plan, instance, location, null, null);
	}

	/**
	 * Gives each search whose ideal index Bazaar lacks an index of the floor's own;
	 * answers their definitions.
	 */
	private static List<String> floorIndexes(List<Search> searches, List<List<String>> productIndexes,
			Connection connection, LogFill fill, String identifier, Bazaar.Tenant tenant, boolean postgres)
			throws Exception {
		List<String> needed = new ArrayList<>();
		for (Search search : searches) {
			search.servedBy = productIndexes.stream().filter(search::isServedBy).findFirst().orElse(null);
			search.ownIndex = search.servedBy == null;
			if (search.ownIndex && search.broker != null) {
				throw new IllegalStateException("The floor indexes the measured broker's logs only: " + search.name());
			}
			if (search.ownIndex && !needed.contains(search.ideal())) {
				needed.add(search.ideal());
			}
		}
		if (!postgres && !needed.isEmpty()) {
			try (Statement copy = connection.createStatement()) {
				copy.execute("create table " + FLOOR_TABLE + " as select * from communication_log where broker_id = '"
						+ tenant.brokerId() + "'");
			}
		}
		List<String> definitions = new ArrayList<>();
		for (int i = 0; i < needed.size(); i++) {
			definitions.add(postgres
					? "create index bench_floor_" + i + " on communication_log (" + needed.get(i)
							+ ") where broker_identifier = '" + identifier + "'"
					: "create index bench_floor_" + i + " on " + FLOOR_TABLE + " (" + needed.get(i) + ")");
		}
		fill.execute(definitions);
		try (Statement statement = connection.createStatement()) {
			statement.execute(postgres ? "analyze communication_log" : "analyze");
		}
		return definitions;
	}

	/** The key columns of each index definition. */
	private static List<List<String>> columnsOf(List<String> definitions) {
		List<List<String>> indexes = new ArrayList<>();
		for (String definition : definitions) {
			Matcher matcher = Pattern.compile("\\(([^)]*)\\)").matcher(definition);
			if (matcher.find()) {
				indexes.add(Arrays.stream(matcher.group(1).toLowerCase(Locale.ROOT).split(","))
					.map((column) -> column.strip().split("\\s+")[0])
					.toList());
			}
		}
		return indexes;
	}

	private String compare(Search search, boolean deep, LogQuery query, @Nullable LogCursor cursor,
			CommunicationLogs service, Broker broker, FloorQuery floor, Connection connection, boolean postgres)
			throws SQLException {
		String identifier = broker.identifier();
		LogPage page = service.search(identifier, query);
		List<LogSummary> floorRows = floor.page(cursor);
		List<Long> bazaarIds = page.items().stream().map(LogSummary::id).toList();
		List<Long> floorIds = floorRows.stream().limit(query.limit()).map(LogSummary::id).toList();
		if (!bazaarIds.equals(floorIds) || (page.nextCursor() != null) != (floorRows.size() > query.limit())) {
			throw new IllegalStateException(
					"Bazaar and the floor disagree on '" + search.name() + "': " + bazaarIds + " against " + floorIds);
		}
		long[] bazaar = new long[ROUNDS * PER_ROUND];
		long[] floorTimes = new long[ROUNDS * PER_ROUND];
		int bazaarCount = 0;
		int floorCount = 0;
		long warmUpStarted = System.nanoTime();
		for (int i = 0; i < WARM_UP && System.nanoTime() - warmUpStarted < SIDE_BUDGET_NANOS; i++) {
			service.search(identifier, query);
			floor.page(cursor);
		}
		for (int round = 0; round < ROUNDS; round++) {
			// Turns change who goes first, so that drift hits both.
			for (int side = 0; side < 2; side++) {
				boolean bazaarTurn = (side == round % 2);
				long sideStarted = System.nanoTime();
				for (int i = 0; i < PER_ROUND && System.nanoTime() - sideStarted < SIDE_BUDGET_NANOS; i++) {
					long begin = System.nanoTime();
					if (bazaarTurn) {
						service.search(identifier, query);
						bazaar[bazaarCount++] = System.nanoTime() - begin;
					}
					else {
						floor.page(cursor);
						floorTimes[floorCount++] = System.nanoTime() - begin;
					}
				}
			}
		}
		double bazaar50 = percentile(bazaar, bazaarCount, 50);
		double floor50 = percentile(floorTimes, floorCount, 50);
		double ratio = bazaar50 / floor50;
		return String.format(Locale.ROOT, "| %s | %s | %d | %.2f | %.2f | %.2f | %.2f | %.2f | %s | %s | %s |",
				search.name(), deep ? "deep" : "first", bazaarIds.size(), bazaar50, percentile(bazaar, bazaarCount, 90),
				floor50, percentile(floorTimes, floorCount, 90), ratio, (ratio <= TARGET) ? "met" : "missed",
				bazaarPlan(query, connection, broker.id(), postgres),
				search.ownIndex ? "own: " + search.ideal() : "Bazaar's");
	}

	/** The access path of Bazaar's statement, from {@code EXPLAIN}. */
	private static String bazaarPlan(LogQuery query, Connection connection, UUID brokerId, boolean postgres)
			throws SQLException {
		SearchStatement search = SearchStatement.of(brokerId, query, query.limit() + 1);
		List<String> lines = new ArrayList<>();
		try (PreparedStatement explain = connection
			.prepareStatement((postgres ? "explain (costs off) " : "explain ") + search.sql())) {
			for (int i = 0; i < search.params().size(); i++) {
				explain.setObject(i + 1, search.params().get(i));
			}
			try (ResultSet rs = explain.executeQuery()) {
				while (rs.next()) {
					lines.add(rs.getString(1));
				}
			}
		}
		String plan = String.join("\n", lines);
		if (postgres) {
			List<String> parts = new ArrayList<>();
			for (String line : lines) {
				Matcher scan = Pattern
					.compile("((?:Bitmap |Parallel )?(?:Index Only |Index |Seq |Heap )?Scan(?: Backward)?"
							+ "(?: using| on)? \\w+)")
					.matcher(line);
				if (scan.find()) {
					parts.add(scan.group(1).replace("ix_communication_log_", "ix_…"));
				}
				else if (line.strip().startsWith("-> Sort") || line.contains("Sort  (") || line.contains("Sort Key")) {
					parts.add("sort");
				}
			}
			return String.join(", ", parts.stream().distinct().toList());
		}
		Matcher index = Pattern.compile("/\\* [\\w.]*?(\\w+)(?::|\\s\\*/)").matcher(plan);
		String name = index.find() ? index.group(1).replace("ix_communication_log_", "ix_…") : "?";
		return name + (plan.contains("/* index sorted */") ? ", index sorted" : ", sort");
	}

	private static double percentile(long[] nanos, int count, double p) {
		long[] sorted = Arrays.copyOf(nanos, count);
		Arrays.sort(sorted);
		int index = (int) Math.min(count - 1, Math.ceil(p / 100 * count) - 1);
		return sorted[Math.max(0, index)] / 1e6;
	}

	/**
	 * One search: as Bazaar is asked, and as the floor writes it by hand; its ideal index
	 * has {@code broker_id} and the columns compared with {@code =}, then
	 * {@code requested_at, id}, then the columns compared by range.
	 */
	private static final class Search {

		private final String name;

		private final LogQuery query;

		private final String where;

		private final List<Object> params;

		private final List<String> equalities;

		private final List<String> ranges;

		private boolean ownIndex;

		/** The broker whose logs are searched; the measured one unless set. */
		private @Nullable Broker broker;

		/** The key columns of Bazaar's index that serves the search as well, if any. */
		private @Nullable List<String> servedBy;

		Search(String name, LogQuery query, String where, List<Object> params, List<String> equalities,
				List<String> ranges) {
			this.name = name;
			this.query = query;
			this.where = where;
			this.params = params;
			this.equalities = equalities;
			this.ranges = ranges;
		}

		String name() {
			return this.name;
		}

		Search of(Broker other) {
			this.broker = other;
			return this;
		}

		Broker broker(Broker measured) {
			return (this.broker != null) ? this.broker : measured;
		}

		LogQuery query() {
			return this.query;
		}

		String ideal() {
			List<String> columns = new ArrayList<>(List.of("broker_id"));
			columns.addAll(this.equalities);
			columns.addAll(List.of("requested_at", "id"));
			columns.addAll(this.ranges);
			return String.join(", ", columns);
		}

		/**
		 * Whether an index with these key columns is as good: the same columns compared
		 * with {@code =} first, in any order, then the order, then the range columns.
		 */
		boolean isServedBy(List<String> index) {
			int equal = this.equalities.size() + 1;
			if (index.size() < equal + 2 + this.ranges.size()) {
				return false;
			}
			List<String> expected = new ArrayList<>(this.equalities);
			expected.add("broker_id");
			return index.subList(0, equal).containsAll(expected)
					&& index.subList(equal, equal + 2).equals(List.of("requested_at", "id"))
					&& index.subList(equal + 2, equal + 2 + this.ranges.size()).equals(this.ranges);
		}

		/** The columns compared with {@code =} that lead the index the floor reads. */
		List<String> leading() {
			if (this.servedBy != null) {
				return this.servedBy.subList(0, this.equalities.size() + 1);
			}
			List<String> columns = new ArrayList<>(List.of("broker_id"));
			columns.addAll(this.equalities);
			return columns;
		}

	}

	/**
	 * The floor's statement of a search: one plain JDBC query that looks the broker up by
	 * its identifier and reads one page by the ideal index.
	 */
	private static final class FloorQuery {

		private final Search search;

		private final String identifier;

		private final Connection connection;

		private final String from;

		private final String order;

		FloorQuery(Search search, String identifier, boolean postgres, Connection connection) {
			this.search = search;
			this.identifier = identifier;
			this.connection = connection;
			String table = (search.ownIndex && !postgres) ? FLOOR_TABLE : "communication_log";
			String ownIndex = (search.ownIndex && postgres) ? " and broker_identifier = '" + identifier + "'" : "";
			this.from = " from " + table + " where broker_id = (select id from service_broker where identifier = ?)"
					+ ownIndex + (search.where.isEmpty() ? "" : " and " + search.where);
			// The columns before the order are compared with "="; naming them keeps H2 on
			// the index's order.
			this.order = " order by " + String.join(" desc, ", search.leading()) + " desc, requested_at desc, id desc";
		}

		List<LogSummary> page(@Nullable LogCursor cursor) throws SQLException {
			String keyset = (cursor != null) ? " and requested_at <= ? and (requested_at < ? or id < ?)" : "";
			try (PreparedStatement statement = this.connection
				.prepareStatement("select " + COLUMNS + this.from + keyset + this.order + " limit ?")) {
				int index = bind(statement);
				if (cursor != null) {
					Timestamp at = Timestamp.from(cursor.requestedAt());
					statement.setTimestamp(index++, at);
					statement.setTimestamp(index++, at);
					statement.setLong(index++, cursor.id());
				}
				statement.setInt(index, this.search.query.limit() + 1);
				List<LogSummary> rows = new ArrayList<>();
				try (ResultSet rs = statement.executeQuery()) {
					while (rs.next()) {
						rows.add(new LogSummary(rs.getLong(1), rs.getObject(2, OffsetDateTime.class).toInstant(),
								OperationType.valueOf(rs.getString(3)), rs.getString(4), rs.getString(5),
								rs.getObject(6, Integer.class), rs.getLong(7), rs.getString(8), rs.getString(9),
								rs.getString(10)));
					}
				}
				return rows;
			}
		}

		/**
		 * The cursor after the {@value #DEEP}th match, or after half the matches when
		 * there are fewer; null when there are fewer than two.
		 */
		@Nullable LogCursor deepCursor() throws SQLException {
			LogCursor cursor = nth(DEEP);
			if (cursor != null) {
				return cursor;
			}
			long count;
			try (PreparedStatement statement = this.connection.prepareStatement("select count(*)" + this.from)) {
				bind(statement);
				try (ResultSet rs = statement.executeQuery()) {
					rs.next();
					count = rs.getLong(1);
				}
			}
			return (count < 2) ? null : nth(count / 2);
		}

		private @Nullable LogCursor nth(long n) throws SQLException {
			try (PreparedStatement statement = this.connection
				.prepareStatement("select requested_at, id" + this.from + this.order + " limit 1 offset ?")) {
				int index = bind(statement);
				statement.setLong(index, n - 1);
				try (ResultSet rs = statement.executeQuery()) {
					return rs.next() ? new LogCursor(rs.getObject(1, OffsetDateTime.class).toInstant(), rs.getLong(2))
							: null;
				}
			}
		}

		private int bind(PreparedStatement statement) throws SQLException {
			int index = 1;
			statement.setString(index++, this.identifier);
			for (Object param : this.search.params) {
				statement.setObject(index++, param);
			}
			return index;
		}

	}

	/** A broker whose logs are searched. */
	private record Broker(UUID id, String identifier) {
	}

}
