package dev.bazaar.bench;

import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * Scenario 4, catalog refresh: 1,000 brokers of 50 services × 10 plans, refreshed by
 * Bazaar's scheduler (claim, fetch, validate, store) in full cycles: the first (every
 * catalog new), one where nothing changed, one where a few brokers changed, and one where
 * every broker answers late; each beside its floor ({@link RefreshFloor}).
 */
final class CatalogRefreshScenario {

	/** How many brokers, {@code -Dbench.refresh.brokers} (default 1,000). */
	static final int BROKERS = Integer.getInteger("bench.refresh.brokers", 1000);

	/**
	 * Brokers of the measured first cycle, {@code -Dbench.refresh.first} (default 100):
	 * inserting all 1,000 first catalogs (551,000 rows) takes minutes, for Bazaar and
	 * floor on each database; the others' catalogs are seeded in SQL
	 * ({@link BrokerFleet#seed}).
	 */
	static final int FIRST = Math.min(BROKERS, Integer.getInteger("bench.refresh.first", 100));

	/** Brokers that serve a changed catalog in the third cycle. */
	static final int CHANGED = 10;

	/**
	 * Brokers refreshed before measuring (first and unchanged), so that the JIT
	 * compiler's work is not counted.
	 */
	static final int WARM_UP = 50;

	/** How late every broker answers in the last cycle. */
	static final long DELAY_MILLIS = 20;

	/**
	 * Bazaar's default {@code bazaar.catalog.refresh-concurrency}, set explicitly here.
	 */
	static final int CONCURRENCY = 8;

	/**
	 * The share of the concurrency the late brokers must have in flight on average for
	 * the cycle to count as bound by their answers rather than by Bazaar.
	 */
	static final double BUSY = 0.9;

	private static final com.sun.management.OperatingSystemMXBean os = (com.sun.management.OperatingSystemMXBean) ManagementFactory
		.getOperatingSystemMXBean();

	private final Report report;

	private CatalogRefreshScenario(Report report) {
		this.report = report;
	}

	static void measure(Report report, List<Bazaar.Database> databases) throws Exception {
		CatalogRefreshScenario scenario = new CatalogRefreshScenario(report);
		for (Bazaar.Database database : databases) {
			scenario.on(database);
		}
	}

	private void on(Bazaar.Database database) throws Exception {
		long started = System.nanoTime();
		try (CatalogBrokers brokers = new CatalogBrokers(BROKERS + WARM_UP);
				Bazaar bazaar = Bazaar.start(database,
						Map.of("bazaar.catalog.refresh-check", "1h", "bazaar.catalog.refresh-concurrency",
								String.valueOf(CONCURRENCY)));
				RefreshFloor floor = new RefreshFloor(database, bazaar.poolSize())) {
			progress(started, "started");
			warmUp(bazaar, brokers, floor);
			progress(started, "warmed up");
			BrokerFleet fleet = BrokerFleet.register(bazaar, brokers, 0, BROKERS);
			List<RefreshFloor.Target> all = fleet.targets();
			Floored firstFloor = floor(FIRST, () -> floor.cycle(all.subList(0, FIRST), CONCURRENCY, true));
			long plansBefore = fleet.rows("catalog_plan");
			BrokerFleet.Cycle first = fleet.refresh("Bazaar, first cycle", FIRST);
			long plansInserted = fleet.rows("catalog_plan") - plansBefore;
			progress(started, "first cycles");
			Set<Integer> changing = IntStream.range(0, CHANGED)
				.mapToObj((n) -> n * (BROKERS / CHANGED))
				.collect(Collectors.toSet());
			fleet.seed(brokers, FIRST, changing);
			progress(started, "seeded");
			// The seeded brokers' catalogs are new to the communication logs: their
			// bodies are stored in this cycle, and only referred to in the next ones.
			BrokerFleet.Cycle newBodies = fleet.refresh("Bazaar, nothing changed, bodies new to the logs");
			BrokerFleet.Cycle unchanged = fleet.refresh("Bazaar, nothing changed");
			Floored unchangedFloor = floor(BROKERS, () -> floor.cycle(all, CONCURRENCY, false));
			bazaar.logging(false);
			BrokerFleet.Cycle unlogged = fleet.refresh("Bazaar, nothing changed, communication logging off");
			bazaar.logging(true);
			changing.forEach(brokers::change);
			BrokerFleet.Cycle changed = fleet.refresh("Bazaar, " + CHANGED + " brokers changed");
			brokers.delay(DELAY_MILLIS);
			brokers.busy();
			Floored delayedFloor = floor(BROKERS, () -> floor.cycle(all, CONCURRENCY, false));
			CatalogBrokers.Busy.Figures floorBusy = brokers.busy();
			brokers.mostInFlight();
			BrokerFleet.Cycle delayed = fleet.refresh("Bazaar, nothing changed, answers " + DELAY_MILLIS + " ms late");
			CatalogBrokers.Busy.Figures busy = brokers.busy();
			int inFlight = brokers.mostInFlight();
			this.report.section("Scenario 4 on " + database.name() + ": catalog refresh of " + BROKERS + " brokers ("
					+ CatalogBrokers.SERVICES + " services × " + CatalogBrokers.PLANS + " plans, "
					+ brokers.catalogBytes() / 1024 + " kB each), " + CONCURRENCY + " at once");
			header();
			floorLine("floor, first cycle (GET, parse, batch insert)", firstFloor);
			line(first, plansInserted);
			floorLine("floor, GET and parse", unchangedFloor);
			line(newBodies, 0);
			line(unchanged, 0);
			line(unlogged, 0);
			line(changed, 0);
			floorLine("floor, GET and parse, answers " + DELAY_MILLIS + " ms late", delayedFloor);
			line(delayed, 0);
			this.report.line("");
			ratios(first, firstFloor, unchanged, unchangedFloor, changed, delayed, delayedFloor, busy);
			this.report.line(String.format(Locale.ROOT,
					"While brokers answered late, they held at most %d of Bazaar's requests at once (received, not yet answered; "
							+ "`bazaar.catalog.refresh-concurrency` %d) and were answering %.2f on average over the cycle (the floor's: "
							+ "%.2f); an answer took them %.1f ms (floor: %.1f), so at that length the bound is "
							+ "%d × %.1f ms ÷ %d = %.2f s.",
					inFlight, CONCURRENCY, busy.meanInFlight(delayed.wallNanos()),
					floorBusy.meanInFlight(delayedFloor.wallNanos()), busy.meanAnswerMillis(),
					floorBusy.meanAnswerMillis(), BROKERS, busy.meanAnswerMillis(), CONCURRENCY,
					BROKERS * busy.meanAnswerMillis() / 1e3 / CONCURRENCY));
			this.report.line("");
			statements(unchanged);
			this.report.line("");
			storage(fleet, brokers);
			this.report.line("");
			this.report.line(String.format(Locale.ROOT, "Scenario 4 on %s took %.0f s in all.", database.name(),
					(System.nanoTime() - started) / 1e9));
		}
	}

	/** Where the time goes, on the console only. */
	private static void progress(long started, String stage) {
		System.out.printf(Locale.ROOT, "Scenario 4: %s after %.1f s%n", stage, (System.nanoTime() - started) / 1e9);
	}

	/** Refreshes other brokers through Bazaar and the floor first, then retires them. */
	private static void warmUp(Bazaar bazaar, CatalogBrokers brokers, RefreshFloor floor) throws Exception {
		BrokerFleet warmUp = BrokerFleet.register(bazaar, brokers, BROKERS, WARM_UP);
		warmUp.refresh("warm-up");
		warmUp.refresh("warm-up");
		floor.cycle(warmUp.targets(), CONCURRENCY, true);
		floor.cycle(warmUp.targets(), CONCURRENCY, false);
		warmUp.retire();
	}

	private void header() {
		this.report.line("| Run | Refreshes | Wall s | Refreshes per s | CPU s | CPU ms per refresh | SQL reads "
				+ "| SQL writes | of them to catalog tables | Plan rows inserted |");
		this.report.line("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
	}

	private void line(BrokerFleet.Cycle cycle, long plans) {
		this.report.line(String.format(Locale.ROOT, "| %s | %d | %.2f | %.0f | %.2f | %.2f | %d | %d | %d | %d |",
				cycle.run(), cycle.refreshes(), cycle.wallNanos() / 1e9, cycle.refreshes() / (cycle.wallNanos() / 1e9),
				cycle.cpuNanos() / 1e9, cycle.cpuNanos() / 1e6 / cycle.refreshes(), cycle.reads(), cycle.writes(),
				cycle.catalogWrites(), plans));
	}

	/**
	 * The floor prepares three statements per broker it inserts for (two of them
	 * batches).
	 */
	private void floorLine(String run, Floored floor) {
		int n = floor.refreshes();
		long statements = (floor.rows() > 0) ? 3L * n : 0;
		long plans = (floor.rows() > 0) ? (long) n * CatalogBrokers.SERVICES * CatalogBrokers.PLANS : 0;
		this.report.line(String.format(Locale.ROOT, "| %s | %d | %.2f | %.0f | %.2f | %.2f | 0 | %d | %d | %d |", run,
				n, floor.wallNanos() / 1e9, n / (floor.wallNanos() / 1e9), floor.cpuNanos() / 1e9,
				floor.cpuNanos() / 1e6 / n, statements, statements, plans));
	}

	private void ratios(BrokerFleet.Cycle first, Floored firstFloor, BrokerFleet.Cycle unchanged,
			Floored unchangedFloor, BrokerFleet.Cycle changed, BrokerFleet.Cycle delayed, Floored delayedFloor,
			CatalogBrokers.Busy.Figures busy) {
		double bound = BROKERS * DELAY_MILLIS / 1e3 / CONCURRENCY;
		this.report.line("| Cycle | Wall per refresh ÷ floor | CPU per refresh ÷ floor | Target |");
		this.report.line("|---|---:|---:|---|");
		ratio("first", first, firstFloor, "");
		ratio("nothing changed", unchanged, unchangedFloor, "no writes to catalog tables: "
				+ ((unchanged.catalogWrites() == 0) ? "met" : "missed (" + unchanged.catalogWrites() + ")"));
		ratio(CHANGED + " brokers changed", changed, unchangedFloor, "");
		ratio("answers " + DELAY_MILLIS + " ms late", delayed, delayedFloor,
				String.format(Locale.ROOT,
						"bound by the brokers' answers: %.2f s for %d × %d ms ÷ %d = %.2f s (× %.2f); "
								+ "the brokers had %.2f of %d requests in flight on average: %s",
						delayed.wallNanos() / 1e9, BROKERS, DELAY_MILLIS, CONCURRENCY, bound,
						delayed.wallNanos() / 1e9 / bound, busy.meanInFlight(delayed.wallNanos()), CONCURRENCY,
						(busy.meanInFlight(delayed.wallNanos()) >= BUSY * CONCURRENCY) ? "met" : "missed"));
		this.report.line("");
	}

	/** Per refresh, as the first cycles of Bazaar and floor may differ in size. */
	private void ratio(String name, BrokerFleet.Cycle cycle, Floored floor, String target) {
		double wall = (cycle.wallNanos() / (double) cycle.refreshes())
				/ (floor.wallNanos() / (double) floor.refreshes());
		double cpu = (cycle.cpuNanos() / (double) cycle.refreshes()) / (floor.cpuNanos() / (double) floor.refreshes());
		this.report.line(String.format(Locale.ROOT, "| %s | %.2f | %.2f | %s |", name, wall, cpu, target));
	}

	private void statements(BrokerFleet.Cycle unchanged) {
		this.report.line("SQL statements per refresh when nothing changed (" + unchanged.refreshes()
				+ " refreshes, communication logging on; background work included):");
		this.report.line("");
		this.report.line("| Per refresh | Statement |");
		this.report.line("|---:|---|");
		unchanged.bySql()
			.forEach((sql, count) -> this.report.line(String.format(Locale.ROOT, "| %.2f | `%s` |",
					count / (double) unchanged.refreshes(), (sql.length() > 110) ? sql.substring(0, 110) + "…" : sql)));
	}

	/**
	 * What the logs of all these cycles hold, and what a stored catalog body costs to
	 * hash (ADR 0010).
	 */
	private void storage(BrokerFleet fleet, CatalogBrokers brokers) throws Exception {
		BrokerFleet.Bodies bodies = fleet.bodies();
		String body = brokers.catalog(0);
		MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
		for (int i = 0; i < 200; i++) {
			sha256.digest(body.getBytes(StandardCharsets.UTF_8));
		}
		int hashes = 2000;
		long started = System.nanoTime();
		for (int i = 0; i < hashes; i++) {
			sha256.digest(body.getBytes(StandardCharsets.UTF_8));
		}
		double micros = (System.nanoTime() - started) / 1e3 / hashes;
		this.report.line(String.format(Locale.ROOT,
				"Communication logs of the fleet's catalog fetches: %d logs, %.1f MB of bodies in their rows, "
						+ "%d bodies stored once in `log_body` (%.1f MB). Hashing a stored body (%d kB, SHA-256, "
						+ "with its UTF-8 encoding) takes %.0f µs.",
				bodies.logs(), bodies.inlineChars() / 1e6, bodies.shared(), bodies.sharedChars() / 1e6,
				body.length() / 1024, micros));
	}

	private static Floored floor(int refreshes, FloorCycle cycle) throws Exception {
		long cpu = os.getProcessCpuTime();
		long started = System.nanoTime();
		long rows = cycle.run();
		return new Floored(refreshes, System.nanoTime() - started, os.getProcessCpuTime() - cpu, rows);
	}

	private interface FloorCycle {

		long run() throws Exception;

	}

	/** What a floor cycle took, and the rows it inserted. */
	private record Floored(int refreshes, long wallNanos, long cpuNanos, long rows) {
	}

}
