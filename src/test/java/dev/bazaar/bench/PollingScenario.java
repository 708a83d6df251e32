package dev.bazaar.bench;

import java.lang.management.ManagementFactory;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import javax.sql.DataSource;

import dev.bazaar.instance.internal.TaskWorker;

/**
 * Scenario 5: 10,000 asynchronous provisions in progress, each polled by Bazaar's task
 * worker at the {@code Retry-After} (1 to 5 s, fixed per instance) its broker asks for.
 * The instances and their tasks are inserted by SQL; the polling is Bazaar's own. The
 * {@link PollingBroker} (a process of its own) measures how late each poll comes; CPU is
 * this JVM's (Bazaar, or the {@link PollingFloor}; the broker and the PostgreSQL server
 * are other processes). Bazaar polls first, then its worker stops and the floor goes on
 * from the due times Bazaar left in the database.
 */
final class PollingScenario {

	static final int INSTANCES = Integer.getInteger("bench.polling.instances", 10_000);

	/**
	 * Bazaar's warm-up on the first database: the JIT compiler is still busy with
	 * Bazaar's code long after the start; on the next, its code is compiled.
	 */
	private static final Duration WARM_UP = Duration.ofSeconds(Integer.getInteger("bench.polling.warmUp", 8));

	private static final Duration NEXT_WARM_UP = Duration.ofSeconds(6);

	private static final Duration FLOOR_WARM_UP = Duration.ofSeconds(2);

	private static final Duration WINDOW = Duration.ofSeconds(Integer.getInteger("bench.polling.window", 6));

	/** Polls due in the last part of a window may still be on their way at its end. */
	private static final Duration SETTLE = Duration.ofSeconds(2);

	/** Bazaar's default {@code bazaar.polling.concurrency}, given to the floor too. */
	private static final int THREADS = 16;

	private static final com.sun.management.OperatingSystemMXBean os = (com.sun.management.OperatingSystemMXBean) ManagementFactory
		.getOperatingSystemMXBean();

	private PollingScenario() {
	}

	static void run(Report report, List<Bazaar.Database> databases) throws Exception {
		String only = System.getProperty("bench.polling.only", "");
		Duration warmUp = WARM_UP;
		try (PollingBroker broker = new PollingBroker()) {
			for (Bazaar.Database database : databases) {
				if (only.isEmpty() || only.equalsIgnoreCase(database.name())) {
					run(report, database, broker, warmUp);
					warmUp = NEXT_WARM_UP;
				}
			}
		}
	}

	private static void run(Report report, Bazaar.Database database, PollingBroker broker, Duration warmUp)
			throws Exception {
		long started = System.nanoTime();
		try (Bazaar bazaar = Bazaar.start(database, Map.of())) {
			Bazaar.Tenant tenant = bazaar.setUp(broker.url());
			insertInstances(bazaar.bean(DataSource.class), tenant);
			Health.sleep(warmUp.toMillis());
			Statements statements = bazaar.statements();
			long reads = statements.reads();
			long writes = statements.writes();
			statements.reset();
			Measured polled = measure(broker);
			Measured bazaarRun = polled.withStatements(statements.reads() - reads, statements.writes() - writes);
			Map<String, Long> bySql = statements.bySql();
			bazaar.bean(TaskWorker.class).stop();
			Measured floorRun;
			try (PollingFloor floor = new PollingFloor(database, bazaar.poolSize(), broker.url(), tenant)) {
				floor.start(THREADS);
				Health.sleep(FLOOR_WARM_UP.toMillis());
				floorRun = measure(broker);
				floor.stop();
			}
			write(report, database, bazaarRun, floorRun, bySql, (System.nanoTime() - started) / 1_000_000_000);
		}
	}

	private static Measured measure(PollingBroker broker) throws Exception {
		ThreadCpu threads = ThreadCpu.now();
		long cpu = os.getProcessCpuTime();
		long wall = System.nanoTime();
		broker.begin();
		Health.sleep(WINDOW.toMillis());
		PollingBroker.Window window = broker.end(SETTLE.toMillis());
		long cpuNanos = os.getProcessCpuTime() - cpu;
		Map<String, Long> byThread = ThreadCpu.now().since(threads);
		return new Measured(window, cpuNanos, System.nanoTime() - wall, -1, -1,
				byThread.getOrDefault("JIT", 0L) * 1_000_000, ThreadCpu.describe(byThread));
	}

	/** 10,000 provisions in progress, each with its poll due within its Retry-After. */
	private static void insertInstances(DataSource dataSource, Bazaar.Tenant tenant) throws SQLException {
		Instant now = Instant.now();
		try (Connection connection = dataSource.getConnection();
				PreparedStatement instance = connection.prepareStatement("""
						insert into service_instance (id, display_name, customer_id, project_id, marketplace, broker_id,
						deployment, service_id, plan_id, parameters, status, dashboard_url, op_type, op_state,
						op_description, op_updated_at, created_at, updated_at) values (?, ?, ?, ?, 'private', ?,
						'private', ?, ?, null, 'IN_PROGRESS', null, 'CREATE', 'IN_PROGRESS', null, ?, ?, ?)""");
				PreparedStatement task = connection.prepareStatement(
						"""
								insert into instance_task (id, instance_id, binding_id, kind, broker_operation, plan_id, payload,
								due_at, deadline_at, attempts, created_at) values (?, ?, null, 'POLL_PROVISION', null, ?, null,
								?, ?, 0, ?)""")) {
			Timestamp at = Timestamp.from(now);
			for (int i = 0; i < INSTANCES; i++) {
				UUID id = UUID.randomUUID();
				instance.setObject(1, id);
				instance.setString(2, "polled-" + i);
				instance.setObject(3, tenant.customerId());
				instance.setObject(4, tenant.projectId());
				instance.setObject(5, tenant.brokerId());
				instance.setString(6, FastBroker.SERVICE_ID);
				instance.setString(7, FastBroker.PLAN_ID);
				instance.setTimestamp(8, at);
				instance.setTimestamp(9, at);
				instance.setTimestamp(10, at);
				instance.addBatch();
				task.setObject(1, UUID.randomUUID());
				task.setObject(2, id);
				task.setString(3, FastBroker.PLAN_ID);
				// Spread over the next 1 to 6 s, so that the polls come at a steady rate.
				task.setTimestamp(4, Timestamp.from(now.plusMillis(1000 + ThreadLocalRandom.current().nextLong(5000))));
				task.setTimestamp(5, Timestamp.from(now.plus(Duration.ofDays(1))));
				task.setTimestamp(6, at);
				task.addBatch();
				if (i % 500 == 499) {
					instance.executeBatch();
					task.executeBatch();
				}
			}
			instance.executeBatch();
			task.executeBatch();
		}
	}

	private static void write(Report report, Bazaar.Database database, Measured bazaar, Measured floor,
			Map<String, Long> bySql, long seconds) {
		report.section("Scenario 5 on " + database.name() + ": polling " + String.format(Locale.ROOT, "%,d", INSTANCES)
				+ " asynchronous instances, Retry-After 1–5 s (" + seconds + " s in all)");
		report.line("Lateness: when the broker receives a poll minus when it was due (its last answer to the instance "
				+ "plus the Retry-After it gave), over the polls due in a " + WINDOW.toSeconds()
				+ " s window less its last " + SETTLE.toSeconds()
				+ " s; a poll still missing at the end counts with its lateness so far "
				+ "(\"overdue\"). Cores: CPU time of this JVM (Bazaar or floor; the broker and PostgreSQL are other "
				+ "processes) ÷ wall time. SQL per poll counts statements as prepared: a JDBC batch of many rows "
				+ "counts once (the floor writes its two rows per poll one by one).");
		report.line("");
		report.line("| Run | Polls | per s | Late p50 ms | p99 ms | max ms | earliest ms | Overdue | Cores busy "
				+ "| CPU µs per poll | less JIT | Broker cores | SQL per poll (reads + writes) |");
		report.line("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|");
		row(report, "floor", floor);
		row(report, "Bazaar", bazaar);
		report.line("");
		double cost = bazaar.cpuMicrosPerPoll() / floor.cpuMicrosPerPoll();
		double compiled = bazaar.compiledMicrosPerPoll() / floor.compiledMicrosPerPoll();
		boolean met = bazaar.window().p99Millis() <= 1000 && bazaar.coresBusy() <= 1;
		report.line(String.format(Locale.ROOT,
				"CPU per poll ÷ floor %.2f (less the JIT compiler's %.2f), polls per s ÷ floor %.2f, lateness p99 "
						+ "%.0f ms (floor %.0f ms), %.2f cores busy. Target (p99 lateness ≤ 1 s, ≤ 1 core): %s.",
				cost, compiled, bazaar.window().perSecond() / floor.window().perSecond(), bazaar.window().p99Millis(),
				floor.window().p99Millis(), bazaar.coresBusy(), met ? "met" : "missed"));
		report.line("");
		report.line("CPU ms by thread in the window: floor " + floor.threads() + "; Bazaar " + bazaar.threads() + ".");
		report.line("");
		report.line("| Bazaar's statements per poll | Statement |");
		report.line("|---:|---|");
		bySql.entrySet()
			.stream()
			.limit(8)
			.forEach((entry) -> report.line(String.format(Locale.ROOT, "| %.3f | `%s` |",
					entry.getValue() / (double) Math.max(1, bazaar.window().polls()),
					(entry.getKey().length() > 110) ? entry.getKey().substring(0, 110) + "…" : entry.getKey())));
	}

	private static void row(Report report, String run, Measured measured) {
		PollingBroker.Window window = measured.window();
		String statements = (measured.reads() < 0) ? "0 + 2"
				: String.format(Locale.ROOT, "%.2f + %.2f", measured.reads() / (double) Math.max(1, window.polls()),
						measured.writes() / (double) Math.max(1, window.polls()));
		report.line(String.format(Locale.ROOT,
				"| %s | %d | %.0f | %.1f | %.1f | %.0f | %.1f | %d | %.2f | %.0f | %.0f | %.2f | %s |", run,
				window.polls(), window.perSecond(), window.p50Millis(), window.p99Millis(), window.maxMillis(),
				window.minMillis(), window.overdue(), measured.coresBusy(), measured.cpuMicrosPerPoll(),
				measured.compiledMicrosPerPoll(), window.coresBusy(), statements));
	}

	/**
	 * A window as the broker saw it, with this JVM's CPU time and Bazaar's statements.
	 */
	private record Measured(PollingBroker.Window window, long cpuNanos, long wallNanos, long reads, long writes,
			long jitNanos, String threads) {

		Measured withStatements(long reads, long writes) {
			return new Measured(this.window, this.cpuNanos, this.wallNanos, reads, writes, this.jitNanos, this.threads);
		}

		/** CPU per poll less the JIT compiler's, in microseconds. */
		double compiledMicrosPerPoll() {
			return (this.cpuNanos - this.jitNanos) / 1e3 / Math.max(1, this.window.polls());
		}

		double coresBusy() {
			return this.cpuNanos / (double) this.wallNanos;
		}

		double cpuMicrosPerPoll() {
			return this.cpuNanos / 1e3 / Math.max(1, this.window.polls());
		}

	}

}
