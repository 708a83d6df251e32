package dev.bazaar.bench;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.bazaar.support.TestPostgres;
import org.junit.jupiter.api.Test;

/**
 * The benchmark suite: scenarios 1 (broker-call path), 2 (communication-log search), 3
 * (communication logging), 4 (catalog refresh), 5 (polling) and 6 (start-up and memory)
 * on H2 and PostgreSQL, each beside its floor. Not a test: run by
 * {@code ./mvnw -Pbench verify} only; {@code -Dbench.seconds} (default 3) sets the length
 * of one measured run of scenarios 1 and 3, {@code -Dbench.rounds} (default 2) how often
 * Bazaar and floor alternate; {@code -Dbench.quick=true} runs scenario 1 on H2 only,
 * without scenario 3, and writes nothing ({@code -Dbench.quick=postgres}: on PostgreSQL
 * only).
 */
class BazaarBenchmark {

	private static final Duration RUN = Duration.ofSeconds(Integer.getInteger("bench.seconds", 3));

	private static final Duration WARM_UP = RUN.multipliedBy(4);

	private static final int ROUNDS = Integer.getInteger("bench.rounds", 2);

	/**
	 * Scenario 3's pairs of runs with logging off and on ({@code -Dbench.logging.pairs}),
	 * each run a third of {@link #RUN}: alternating often, so that the machine's drift
	 * charges logging on and off alike.
	 */
	private static final int LOGGING_PAIRS = Integer.getInteger("bench.logging.pairs", 8);

	private static final Duration LOGGING_RUN = RUN.dividedBy(3);

	/**
	 * The numbers of concurrent clients of scenario 1, e.g. {@code -Dbench.clients=16}.
	 */
	private static final List<Integer> CLIENTS = Arrays
		.stream(System.getProperty("bench.clients", "1,16,64").split("\\s*,\\s*"))
		.map(Integer::valueOf)
		.toList();

	/**
	 * The numbers of clients at which scenario 1 also measures the floor behind a plain
	 * HTTP server and behind Bazaar's web stack (default: the target's 16), e.g.
	 * {@code -Dbench.references=1,16,64}; each costs {@link #ROUNDS} runs per database.
	 */
	private static final List<Integer> REFERENCE_CLIENTS = Arrays
		.stream(System.getProperty("bench.references", "16").split("\\s*,\\s*"))
		.map(Integer::valueOf)
		.toList();

	/** Only scenario 1 on H2, for profiling. */
	private static final String QUICK = "false".equals(System.getProperty("bench.quick", "false")) ? null
			: System.getProperty("bench.quick");

	/**
	 * The scenarios to run, e.g. {@code -Dbench.scenarios=2,4} (default 1 to 6); scenario
	 * 3 runs with 1; {@code 0007} adds scenario 1 without the credential cache (a bcrypt
	 * per request, as before ADR 0007), left out by default to keep the suite within ten
	 * minutes. A run of only some scenarios writes its figures all the same.
	 */
	private static final Set<String> SCENARIOS = Set
		.of(System.getProperty("bench.scenarios", "1,2,3,4,5,6").split("\\s*,\\s*"));

	private final Report report = new Report();

	@Test
	void measure() throws Exception {
		this.report.machine(method());
		if (QUICK != null) {
			brokerCallPath("postgres".equals(QUICK) ? postgres() : Bazaar.Database.h2());
			return;
		}
		if (runs("1")) {
			for (Bazaar.Database database : List.of(Bazaar.Database.h2(), postgres())) {
				brokerCallPath(database);
			}
		}
		if (runs("0007")) {
			basicAuthenticationWithoutCache(Bazaar.Database.h2());
		}
		if (runs("2")) {
			new LogSearchScenario(this.report).run();
		}
		if (runs("4")) {
			CatalogRefreshScenario.measure(this.report, List.of(Bazaar.Database.h2(), postgres()));
		}
		if (runs("5")) {
			PollingScenario.run(this.report, List.of(Bazaar.Database.h2(), postgres()));
		}
		if (runs("6")) {
			startup();
		}
		this.report.write(Path.of("docs", "benchmarks.md"));
	}

	private void brokerCallPath(Bazaar.Database database) throws Exception {
		try (FastBroker broker = new FastBroker(); Bazaar bazaar = Bazaar.start(database, Map.of())) {
			Bazaar.Tenant tenant = bazaar.setUp(broker.url());
			try (Floor floor = new Floor(database, bazaar.poolSize(), broker.url(), tenant);
					ServedFloor served = new ServedFloor(floor, tenant.customer() + "-employee", Bazaar.PASSWORD)) {
				bazaar.stackFloor(floor);
				// Warm-up, so that the JIT compiler's work is not counted.
				Load.run(16, WARM_UP, bazaar::provision);
				Load.run(16, RUN, floor::provision);
				Load.run(16, RUN, served::provision);
				Load.run(16, RUN, bazaar::provisionThroughStack);
				this.report.section("Scenario 1 on " + database.name() + ": synchronous provisions (in-JVM start to UP "
						+ bazaar.startMillis() + " ms)");
				this.report.loadHeader();
				Load.Result[][] results = new Load.Result[CLIENTS.size()][];
				for (int i = 0; i < CLIENTS.size(); i++) {
					results[i] = sideBySide(CLIENTS.get(i), floor, bazaar,
							REFERENCE_CLIENTS.contains(CLIENTS.get(i)) ? served : null);
					this.report.load("floor", CLIENTS.get(i), results[i][0]);
					if (results[i][2] != null) {
						this.report.load("floor + inbound HTTP", CLIENTS.get(i), results[i][2]);
						this.report.load("floor behind Bazaar's web stack", CLIENTS.get(i), results[i][3]);
					}
					this.report.load("Bazaar", CLIENTS.get(i), results[i][1]);
				}
				this.report.line("");
				this.report.ratioHeader();
				for (int i = 0; i < CLIENTS.size(); i++) {
					this.report.ratio(CLIENTS.get(i), results[i][1], results[i][0]);
				}
				if (Arrays.stream(results).anyMatch((result) -> result[2] != null)) {
					references(results);
				}
				statementsOfOneProvision(database, bazaar);
				if (QUICK == null) {
					logging(database, bazaar, floor);
				}
			}
		}
	}

	/**
	 * Bazaar against the two reference floors, where they were measured
	 * ({@link #REFERENCE_CLIENTS}).
	 */
	private void references(Load.Result[][] results) {
		againstReference(results, 2, "Against the floor behind a plain JDK HTTP server (same client, "
				+ "same JSON in and out), which shows how much of the gap is the inbound hop:");
		againstReference(results, 3,
				"Against the floor behind Bazaar's own web stack (Tomcat, the API's "
						+ "security chain, Spring MVC and Jackson, request metrics; `bench/StackFloor`), which shows "
						+ "what Bazaar's logic costs beyond the essential work on the same stack:");
		this.report.line("");
		this.report.line("CPU per provision without the JIT compiler's (still compiling in the runs, mostly "
				+ "Bazaar's large code) and, for Bazaar and the served floor, without the load generator's "
				+ "(the client threads sending HTTP; the floor's clients do the floor's work, so theirs stays):");
		this.report.line("");
		this.report.ownCostHeader();
		for (int i = 0; i < CLIENTS.size(); i++) {
			if (results[i][2] != null) {
				this.report.ownCost(CLIENTS.get(i), results[i][0], results[i][2], results[i][3], results[i][1]);
			}
		}
	}

	/**
	 * Bazaar's ratios to one of the references ({@link #sideBySide}'s index), introduced.
	 */
	private void againstReference(Load.Result[][] results, int reference, String introduction) {
		this.report.line("");
		this.report.line(introduction);
		this.report.line("");
		this.report.ratioHeader();
		for (int i = 0; i < CLIENTS.size(); i++) {
			if (results[i][reference] != null) {
				this.report.ratio(CLIENTS.get(i), results[i][1], results[i][reference], false);
			}
		}
	}

	/**
	 * Floor, Bazaar and (if given) the floor served by a plain HTTP server and by
	 * Bazaar's web stack in turn, {@link #ROUNDS} times: {floor, Bazaar, served floor,
	 * stack floor}.
	 */
	private static Load.Result[] sideBySide(int clients, Floor floor, Bazaar bazaar, ServedFloor served) {
		Load.Result floorResult = null;
		Load.Result bazaarResult = null;
		Load.Result servedResult = null;
		Load.Result stackResult = null;
		for (int round = 0; round < ROUNDS; round++) {
			// Turns change who goes first, so that drift (JIT, neighbours) hits all
			// alike.
			if (round % 2 == 1) {
				bazaarResult = plus(bazaarResult, measured(bazaar, clients));
			}
			floorResult = plus(floorResult, Load.run(clients, RUN, floor::provision));
			if (served != null) {
				servedResult = plus(servedResult, Load.run(clients, RUN, served::provision));
				stackResult = plus(stackResult, Load.run(clients, RUN, bazaar::provisionThroughStack));
			}
			if (round % 2 == 0) {
				bazaarResult = plus(bazaarResult, measured(bazaar, clients));
			}
		}
		return new Load.Result[] { floorResult, bazaarResult, servedResult, stackResult };
	}

	private void statementsOfOneProvision(Bazaar.Database database, Bazaar bazaar) {
		bazaar.statements().reset();
		int provisions = 100;
		for (int i = 0; i < provisions; i++) {
			bazaar.provision(-i);
		}
		this.report.section("SQL statements per provision on " + database.name() + " (" + provisions
				+ " provisions, one client; background work included)");
		this.report.line("| Per provision | Statement |");
		this.report.line("|---:|---|");
		bazaar.statements()
			.bySql()
			.forEach((sql, count) -> this.report.line(String.format(java.util.Locale.ROOT, "| %.2f | `%s` |",
					count / (double) provisions, (sql.length() > 110) ? sql.substring(0, 110) + "…" : sql)));
	}

	/** A run of provisions through Bazaar, with the statements they took. */
	private static Load.Result measured(Bazaar bazaar, int clients) {
		return measured(bazaar, clients, RUN);
	}

	private static Load.Result measured(Bazaar bazaar, int clients, Duration duration) {
		long reads = bazaar.statements().reads();
		long writes = bazaar.statements().writes();
		Load.Result run = Load.run(clients, duration, bazaar::provision);
		return run.withStatements(bazaar.statements().reads() - reads, bazaar.statements().writes() - writes);
	}

	/**
	 * Scenario 3: {@link #LOGGING_PAIRS} pairs of short runs with logging off and on, in
	 * the order off-on, on-off, ... so that a drift of the machine's speed (neighbours,
	 * JIT) charges both alike; the difference is read from the sums and from each pair.
	 */
	private void logging(Bazaar.Database database, Bazaar bazaar, Floor floor) {
		Load.Result on = null;
		Load.Result off = null;
		double[] pairs = new double[LOGGING_PAIRS];
		long recordNanos = 0;
		for (int pair = 0; pair < LOGGING_PAIRS; pair++) {
			Load.Result pairOn = null;
			Load.Result pairOff = null;
			for (boolean enabled : (pair % 2 == 0) ? new boolean[] { false, true } : new boolean[] { true, false }) {
				bazaar.logging(enabled);
				long recordBefore = Bazaar.recordCpuNanos();
				Load.Result result = measured(bazaar, 16, LOGGING_RUN);
				recordNanos += Bazaar.recordCpuNanos() - recordBefore;
				pairOn = enabled ? result : pairOn;
				pairOff = enabled ? pairOff : result;
			}
			pairs[pair] = 100 * (pairOn.cpuMicros() / pairOff.cpuMicros() - 1);
			on = plus(on, pairOn);
			off = plus(off, pairOff);
		}
		bazaar.logging(true);
		Load.Result floorResult = Load.run(16, RUN, floor::provision);
		Arrays.sort(pairs);
		this.report.section("Scenario 3 on " + database.name() + ": communication logging on and off, 16 clients");
		this.report.loadHeader();
		this.report.load("floor", 16, floorResult);
		this.report.load("Bazaar, logging off", 16, off);
		this.report.load("Bazaar, logging on", 16, on);
		this.report.line("");
		this.report.line(String.format(java.util.Locale.ROOT,
				"Logging costs %+.1f%% CPU per provision and %+.1f%% throughput (target: ≤ 10%% CPU); over %d "
						+ "pairs of %.1f s runs (off and on back to back) the CPU difference had median %+.1f%%, "
						+ "from %+.1f%% to %+.1f%%.",
				100 * (on.cpuMicros() / off.cpuMicros() - 1), 100 * (on.perSecond() / off.perSecond() - 1),
				LOGGING_PAIRS, LOGGING_RUN.toMillis() / 1000.0, median(pairs), pairs[0], pairs[pairs.length - 1]));
		double recordMicros = recordNanos / 1e3 / Math.max(1, on.operations());
		this.report.line("");
		this.report.line(String.format(java.util.Locale.ROOT,
				"Storing the log itself (`CommunicationLogs.record`: the row, its index entries where the database "
						+ "runs in this JVM, its body; CPU of the threads that called it) took %.0f µs per provision, "
						+ "%.1f%% of the CPU per provision with logging on; the rest of the difference is what the "
						+ "logs cost around it (the database server's work on the same cores, a bigger heap) and "
						+ "noise. The garbage collector took %.0f µs per provision with logging on and %.0f µs off.",
				recordMicros, 100 * recordMicros / on.cpuMicros(), on.gcMicros(), off.gcMicros()));
	}

	private static double median(double[] sorted) {
		int middle = sorted.length / 2;
		return (sorted.length % 2 == 1) ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
	}

	private void basicAuthenticationWithoutCache(Bazaar.Database database) throws Exception {
		try (FastBroker broker = new FastBroker();
				Bazaar bazaar = Bazaar.start(database, Map.of("bazaar.security.credential-cache-ttl", "0"))) {
			Bazaar.Tenant tenant = bazaar.setUp(broker.url());
			try (Floor floor = new Floor(database, bazaar.poolSize(), broker.url(), tenant)) {
				Load.run(16, RUN, bazaar::provision);
				Load.run(16, RUN, floor::provision);
				Load.Result[] results = sideBySide(16, floor, bazaar, null);
				this.report.section("Before ADR 0007, on " + database.name()
						+ ": every request hashes its Basic password (credential-cache-ttl 0)");
				this.report.loadHeader();
				this.report.load("floor", 16, results[0]);
				this.report.load("Bazaar, no credential cache", 16, results[1]);
				this.report.line("");
				this.report.ratioHeader();
				this.report.ratio(16, results[1], results[0]);
			}
		}
	}

	private void startup() throws Exception {
		this.report.section("Scenario 6: start-up to UP and memory, Bazaar in a JVM of its own");
		this.report.line("| Database | JVM options | Start to UP ms | RSS idle MiB | Heap idle MiB | Provisions "
				+ "| p99 ms | RSS after MiB | Heap after MiB |");
		this.report.line("|---|---|---:|---:|---:|---:|---:|---:|---:|");
		try (FastBroker broker = new FastBroker()) {
			for (Bazaar.Database database : List.of(Bazaar.Database.h2(), postgres())) {
				startup(Startup.measure(database, broker, RUN.multipliedBy(2), List.of()));
			}
			// A small installation: a heap bound and the serial collector.
			startup(Startup.measure(Bazaar.Database.h2(), broker, RUN.multipliedBy(2),
					List.of("-Xms32m", "-Xmx256m", "-XX:+UseSerialGC")));
		}
	}

	private void startup(Startup.Figures figures) {
		this.report.line(String.format(java.util.Locale.ROOT, "| %s | %s | %d | %d | %d | %d | %.1f | %d | %d |",
				figures.database(), figures.jvmOptions().isEmpty() ? "none" : "`" + figures.jvmOptions() + "`",
				figures.upMillis(), figures.idle().rssMb(), figures.idle().heapMb(), figures.provisions(),
				figures.p99Millis(), figures.loaded().rssMb(), figures.loaded().heapMb()));
	}

	private static boolean runs(String scenario) {
		return SCENARIOS.contains(scenario);
	}

	static Bazaar.Database postgres() {
		TestPostgres.Database database = TestPostgres.get().createDatabase();
		return new Bazaar.Database("PostgreSQL", database.url(), database.username(), database.password());
	}

	private static Load.Result plus(Load.Result sum, Load.Result next) {
		return (sum == null) ? next : sum.plus(next);
	}

	private static String method() {
		return "Method: one JVM runs Bazaar (Spring context on a real port, default settings, Hikari pool of 10), "
				+ "a fake broker on a real socket (JDK HttpServer, 201 `{}` at once) and the load: N client threads, "
				+ "each sending the next request when the last is answered, for " + RUN.toSeconds() + " s per run "
				+ "after a warm-up of " + WARM_UP.toSeconds() + " s at 16 clients; "
				+ "the floor (plain `HttpClient` PUT to the same broker plus 3 plain JDBC row writes on the same "
				+ "database and tables, through as many connections as Bazaar's pool) and Bazaar alternate " + ROUNDS
				+ " times and their runs are summed. CPU is the whole JVM's "
				+ "(`OperatingSystemMXBean.getProcessCpuTime()`: Bazaar or floor plus clients and broker; the "
				+ "embedded PostgreSQL server is a separate process and not counted) divided by provisions. "
				+ "Latency is per request, as the client sees it.";
	}

}
