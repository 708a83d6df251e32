package dev.bazaar.bench;

import java.io.IOException;
import java.sql.Connection;
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
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
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

	private static final long WARM_UP_NANOS = Duration.ofSeconds(2).toNanos();

	private static final int ROUNDS = 8;

	private static final int MIN_PER_ROUND = 3;

	private static final int MAX_PER_ROUND = 200;

	/** How long one side of one round runs a search, beyond its first calls. */
	private static final long SIDE_NANOS = Duration.ofMillis(25).toNanos();

	private static final String COLUMNS = "id, requested_at, operation_type, method, url, response_code, "
			+ "duration_ms, plan_id, instance_id, location";

	private static final String FLOOR_TABLE = "bench_floor_log";

	private final Report report;

	LogSearchScenario(Report report) {
		this.report = report;
	}

	/**
	 * Fills PostgreSQL's table (work of the database server) while H2's is filled (work
	 * of this JVM), then measures one after the other on a machine otherwise idle.
	 */
	void run() throws Exception {
		long started = System.nanoTime();
		ExecutorService background = Executors.newSingleThreadExecutor();
		try (Run postgres = new Run(BazaarBenchmark.postgres(), POSTGRES_LOGS)) {
			Future<?> postgresFilled = background.submit(() -> {
				postgres.fill();
				return null;
			});
			try (Run h2 = new Run(Bazaar.Database.h2(), H2_LOGS)) {
				h2.fill();
				postgresFilled.get();
				h2.measure();
			}
			postgres.measure();
		}
		finally {
			background.shutdownNow();
		}
		this.report.line("");
		this.report.line(String.format(Locale.ROOT,
				"Scenario 2 took %.0f s in all (both tables filled at once, then measured one after the other).",
				(System.nanoTime() - started) / 1e9));
	}

	/** Bazaar on one database, with the logs and the floor's statements. */
	private final class Run implements AutoCloseable {

		private final long started = System.nanoTime();

		private final Bazaar.Database database;

		private final int logs;

		private final boolean postgres;

		/** Whether the measurement ran on one core with the server ({@link OneCore}). */
		private boolean pinned;

		private final FastBroker broker;

		private final FakeBroker other = FakeBroker.start();

		private final Bazaar bazaar;

		private final Bazaar.Tenant tenant;

		private final Broker measured;

		private final Broker small;

		private final LogFill fill;

		private final List<Search> searches;

		Run(Bazaar.Database database, int logs) throws IOException {
			this.broker = new FastBroker();
			this.database = database;
			this.logs = logs;
			this.postgres = database.url().startsWith("jdbc:postgresql:");
			this.bazaar = Bazaar.start(database, Map.of());
			this.tenant = this.bazaar.setUp(this.broker.url());
			this.measured = new Broker(this.tenant.brokerId(), "fast-" + this.tenant.customer());
			String small = "small-" + this.tenant.customer();
			Setup.require(Api.as(this.bazaar.port(), this.tenant.customer() + "-admin", Bazaar.PASSWORD)
				.post("/api/customers/" + this.tenant.customer() + "/service-brokers",
						Map.of("name", "Small", "identifier", small, "endpoint", this.other.url(), "username",
								FakeBroker.USERNAME, "password", "pw", "developmentMode", false)),
					201);
			this.small = new Broker(this.bazaar.bean(JdbcClient.class)
				.sql("select id from service_broker where identifier = ?")
				.param(small)
				.query(UUID.class)
				.single(), small);
			Instant end = Instant.now().minus(Duration.ofMinutes(1)).truncatedTo(ChronoUnit.MILLIS);
			this.fill = new LogFill(database, logs, end);
			this.searches = searches(end, logs, this.measured, this.small);
		}

		void fill() throws Exception {
			this.fill.fill(this.measured.id(), this.measured.identifier(), this.tenant.customerId(), this.small.id(),
					this.small.identifier());
			try (Connection connection = this.fill.connect()) {
				long floorStarted = System.nanoTime();
				List<String> floorIndexes = floorIndexes(this.searches,
						columnsOf(this.fill.indexDefinitions(connection)), connection, this.fill,
						this.measured.identifier(), this.tenant, this.postgres);
				this.fill.step("floor's " + floorIndexes.size() + " indexes", floorStarted);
			}
		}

		void measure() throws Exception {
			long measureStarted = System.nanoTime();
			List<String> rows = new ArrayList<>();
			// Counting statements costs more than a microsecond a statement.
			this.bazaar.statements().counting(false);
			UserDetails owner = this.bazaar.bean(UserDetailsService.class)
				.loadUserByUsername(this.tenant.customer() + "-admin");
			SecurityContextHolder.getContext()
				.setAuthentication(
						UsernamePasswordAuthenticationToken.authenticated(owner, null, owner.getAuthorities()));
			try (Connection connection = this.fill.connect()) {
				// The service itself, not the benchmark's proxy that can switch logging
				// off.
				CommunicationLogs proxy = this.bazaar.bean(CommunicationLogs.class);
				Object unwrapped = AopProxyUtils.getSingletonTarget(proxy);
				CommunicationLogs service = (unwrapped != null) ? (CommunicationLogs) unwrapped : proxy;
				List<Case> cases = new ArrayList<>();
				for (Search search : this.searches) {
					Broker target = search.broker(this.measured);
					FloorQuery floor = new FloorQuery(search, target, this.postgres, connection);
					cases.add(new Case(search, target, floor, null));
					LogCursor cursor = floor.deepCursor();
					if (cursor != null) {
						cases.add(new Case(search, target, floor, cursor));
					}
				}
				OneCore pinned = this.postgres ? OneCore.pin(connection) : null;
				this.pinned = pinned != null;
				try {
					warmUp(cases, service);
					for (Case next : cases) {
						rows.add(compare(next, service, connection, this.postgres));
					}
				}
				finally {
					if (pinned != null) {
						pinned.close();
					}
				}
			}
			finally {
				SecurityContextHolder.clearContext();
			}
			this.fill.step("measurement", measureStarted);
			LogSearchScenario.this.report.section(String.format(Locale.ROOT,
					"Scenario 2 on %s: communication-log search, %,d logs of %d brokers (%,d of the measured one)",
					this.database.name(), this.logs, LogFill.BROKERS, this.logs / 10));
			LogSearchScenario.this.report
				.line("Set-up: " + String.join(", ", this.fill.steps()) + String.format(Locale.ROOT,
						"; %.0f s from Bazaar's start to here.", (System.nanoTime() - this.started) / 1e9));
			if (this.postgres) {
				LogSearchScenario.this.report.line("");
				LogSearchScenario.this.report.line(this.pinned
						? "Measured with the benchmark's thread and the server's processes on one core (`taskset`; "
								+ "see `bench/OneCore`): a round trip takes about 0.03 ms on one core and 0.1 ms "
								+ "across two, whichever the scheduler happens to choose."
						: "Not pinned to one core (`taskset` unavailable or the server not on this machine): "
								+ "the searches of a few logs may take 0.1 ms on either side instead of 0.03 ms.");
			}
			LogSearchScenario.this.report.line("");
			LogSearchScenario.this.report
				.line("| Search | Page | Logs | Bazaar p50 ms | p90 ms | Floor p50 ms | p90 ms "
						+ "| Bazaar ÷ floor (p50) | Target (≤ 1.5×) | Bazaar's plan | Floor's index |");
			LogSearchScenario.this.report.line("|---|---|---:|---:|---:|---:|---:|---:|---|---|---|");
			rows.forEach(LogSearchScenario.this.report::line);
		}

		@Override
		public void close() throws SQLException {
			this.bazaar.close();
			this.other.close();
			this.broker.close();
		}

	}

	/** Runs every case on both sides for a while, so that the JIT compiler is done. */
	private static void warmUp(List<Case> cases, CommunicationLogs service) throws SQLException {
		long until = System.nanoTime() + WARM_UP_NANOS;
		while (System.nanoTime() < until) {
			for (Case next : cases) {
				service.search(next.broker().identifier(), next.query());
				next.floor().page(next.cursor());
			}
		}
	}

	/** One search on one page. */
	private record Case(Search search, Broker broker, FloorQuery floor, @Nullable LogCursor cursor) {

		LogQuery query() {
			return (this.cursor != null) ? this.search.query().after(this.cursor) : this.search.query();
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

	private String compare(Case measured, CommunicationLogs service, Connection connection, boolean postgres)
			throws SQLException {
		String identifier = measured.broker().identifier();
		LogQuery query = measured.query();
		LogPage page = service.search(identifier, query);
		List<LogSummary> floorRows = measured.floor().page(measured.cursor());
		List<Long> bazaarIds = page.items().stream().map(LogSummary::id).toList();
		List<Long> floorIds = floorRows.stream().limit(query.limit()).map(LogSummary::id).toList();
		if (!bazaarIds.equals(floorIds) || (page.nextCursor() != null) != (floorRows.size() > query.limit())) {
			throw new IllegalStateException("Bazaar and the floor disagree on '" + measured.search().name() + "': "
					+ bazaarIds + " against " + floorIds);
		}
		long[] bazaar = new long[ROUNDS * MAX_PER_ROUND];
		long[] floor = new long[ROUNDS * MAX_PER_ROUND];
		int bazaarCount = 0;
		int floorCount = 0;
		for (int round = 0; round < ROUNDS; round++) {
			// Turns change who goes first, so that drift hits both.
			for (int side = 0; side < 2; side++) {
				boolean bazaarTurn = (side == round % 2);
				long sideStarted = System.nanoTime();
				for (int i = 0; i < MAX_PER_ROUND
						&& (i < MIN_PER_ROUND || System.nanoTime() - sideStarted < SIDE_NANOS); i++) {
					long begin = System.nanoTime();
					if (bazaarTurn) {
						service.search(identifier, query);
						bazaar[bazaarCount++] = System.nanoTime() - begin;
					}
					else {
						measured.floor().page(measured.cursor());
						floor[floorCount++] = System.nanoTime() - begin;
					}
				}
			}
		}
		double bazaar50 = percentile(bazaar, bazaarCount, 50);
		double floor50 = percentile(floor, floorCount, 50);
		double ratio = bazaar50 / floor50;
		Search search = measured.search();
		return String.format(Locale.ROOT, "| %s | %s | %d | %.3f | %.3f | %.3f | %.3f | %.2f | %s | %s | %s |",
				search.name(), (measured.cursor() != null) ? "deep" : "first", bazaarIds.size(), bazaar50,
				percentile(bazaar, bazaarCount, 90), floor50, percentile(floor, floorCount, 90), ratio,
				(ratio <= TARGET) ? "met" : "missed", bazaarPlan(query, connection, measured.broker().id(), postgres),
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
	 * The floor's statement of a search: one plain JDBC query, its text written once,
	 * that reads one page of the broker's logs by the ideal index.
	 */
	private static final class FloorQuery {

		private final Search search;

		private final Broker broker;

		private final Connection connection;

		private final String from;

		private final String order;

		private final String first;

		private final String next;

		FloorQuery(Search search, Broker broker, boolean postgres, Connection connection) {
			this.search = search;
			this.broker = broker;
			this.connection = connection;
			String table = (search.ownIndex && !postgres) ? FLOOR_TABLE : "communication_log";
			String ownIndex = (search.ownIndex && postgres) ? " and broker_identifier = '" + broker.identifier() + "'"
					: "";
			this.from = " from " + table + " where broker_id = ?" + ownIndex
					+ (search.where.isEmpty() ? "" : " and " + search.where);
			// The columns before the order are compared with "="; naming them keeps H2 on
			// the index's order.
			this.order = " order by " + String.join(" desc, ", search.leading()) + " desc, requested_at desc, id desc";
			this.first = "select " + COLUMNS + this.from + this.order + " limit ?";
			this.next = "select " + COLUMNS + this.from + " and requested_at <= ? and (requested_at < ? or id < ?)"
					+ this.order + " limit ?";
		}

		List<LogSummary> page(@Nullable LogCursor cursor) throws SQLException {
			try (PreparedStatement statement = this.connection
				.prepareStatement((cursor != null) ? this.next : this.first)) {
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
			statement.setObject(index++, this.broker.id());
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
