package dev.bazaar.commlog;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;

import dev.bazaar.shared.jdbc.Timestamps;
import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The retention cleanup on any database: expired logs of every broker go, others stay,
 * and of two nodes that run it at once only one does; so do the long bodies that only
 * expired logs used (ADR 0010), while those a kept log uses stay.
 */
final class RetentionCheck {

	private RetentionCheck() {
	}

	static void deletesOnlyExpiredLogsOnceAcrossTwoNodes(LogRetention node1, LogRetention node2, CommunicationLogs logs,
			JdbcClient jdbc, Clock clock) throws Exception {
		Instant now = clock.instant();
		UUID broker = UUID.randomUUID();
		UUID otherBroker = UUID.randomUUID();
		Duration retention = Duration.ofDays(90);
		for (int i = 0; i < 5; i++) {
			record(logs, broker, now.minus(retention).minusSeconds(60 + i));
			record(logs, otherBroker, now.minus(retention).minusSeconds(90 + i));
		}
		record(logs, broker, now.minus(retention).plusSeconds(120));
		record(logs, broker, now.minusSeconds(5));
		record(logs, otherBroker, now.minusSeconds(7));
		Bodies bodies = new Bodies(UUID.randomUUID().toString());
		UUID bodiesBroker = UUID.randomUUID();
		for (int i = 0; i < bodies.expired().size(); i++) {
			record(logs, bodiesBroker, now.minus(retention).minus(Duration.ofDays(2 + i)), bodies.expired().get(i));
		}
		record(logs, bodiesBroker, now.minus(retention).minus(Duration.ofDays(2)), bodies.stillUsed());
		record(logs, bodiesBroker, now.minusSeconds(30), bodies.stillUsed());
		record(logs, bodiesBroker, now.minus(retention).minus(Duration.ofHours(1)), bodies.lastUsedLately());
		jdbc.sql("update scheduled_job set next_run_at = ? where name = ?")
			.params(Timestamps.of(now.minusSeconds(1)), LogRetention.JOB)
			.update();

		CyclicBarrier together = new CyclicBarrier(2);
		CompletableFuture<OptionalInt> first = CompletableFuture.supplyAsync(() -> runAt(together, node1));
		CompletableFuture<OptionalInt> second = CompletableFuture.supplyAsync(() -> runAt(together, node2));
		List<OptionalInt> runs = List.of(first.get(), second.get());

		assertThat(runs).filteredOn(OptionalInt::isPresent).hasSize(1);
		assertThat(runs).filteredOn(OptionalInt::isPresent)
			.first()
			.satisfies((run) -> assertThat(run.getAsInt()).isGreaterThanOrEqualTo(10));
		assertThat(jdbc.sql("select requested_at from communication_log where broker_id = ? order by requested_at")
			.param(broker)
			.query((rs, row) -> Timestamps.read(rs, "requested_at"))
			.list()).containsExactly(now.minus(retention).plusSeconds(120), now.minusSeconds(5));
		assertThat(jdbc.sql("select requested_at from communication_log where broker_id = ?")
			.param(otherBroker)
			.query((rs, row) -> Timestamps.read(rs, "requested_at"))
			.list()).containsExactly(now.minusSeconds(7));
		assertThat(node1.cleanUpIfDue()).as("not due again until the interval passed").isEmpty();
		assertThat(bodies.expired()).as("used by expired logs only")
			.allSatisfy((body) -> assertThat(rows(jdbc, body)).isZero());
		assertThat(rows(jdbc, bodies.stillUsed())).as("used by a kept log too").isOne();
		assertThat(rows(jdbc, bodies.lastUsedLately())).as("kept up to a day longer than its last log").isOne();
		assertThat(jdbc.sql("select count(*) from communication_log where broker_id = ?")
			.param(bodiesBroker)
			.query(Long.class)
			.single()).isOne();
	}

	private static long rows(JdbcClient jdbc, String body) {
		return jdbc.sql("select count(*) from log_body where hash = ?")
			.param(LogBodyStorageTests.sha256(body))
			.query(Long.class)
			.single();
	}

	private static OptionalInt runAt(CyclicBarrier together, LogRetention node) {
		try {
			together.await();
			return node.cleanUpIfDue();
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static void record(CommunicationLogs logs, UUID broker, Instant at) {
		record(logs, broker, at, null);
	}

	private static void record(CommunicationLogs logs, UUID broker, Instant at, @Nullable String body) {
		logs.record(new NewCommunicationLog(at, broker, "retained", UUID.randomUUID(), null,
				OperationType.FETCH_CATALOG, "GET", "https://broker.example/v2/catalog", Map.of(), null, 200, Map.of(),
				body, 3, null, null, null, UUID.randomUUID().toString()));
	}

	/** Long bodies unique to one run: more expired ones than a cleanup batch deletes. */
	private record Bodies(String run) {

		List<String> expired() {
			return List.of(body("expired-1"), body("expired-2"), body("expired-3"));
		}

		String stillUsed() {
			return body("still-used");
		}

		String lastUsedLately() {
			return body("lately");
		}

		private String body(String name) {
			return LogBodyStorageTests.longBody(name + "-" + this.run);
		}

	}

}
