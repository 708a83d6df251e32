package dev.bazaar.instance.internal;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import dev.bazaar.commlog.NewCommunicationLog;
import dev.bazaar.commlog.OperationType;
import dev.bazaar.shared.jdbc.Timestamps;
import dev.bazaar.support.BazaarTest;
import dev.bazaar.support.Eventually;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Polls that change nothing leave their logs and due times to be written together: each
 * is written, none twice, none over a node that took the task over.
 */
@BazaarTest
@TestPropertySource(properties = "bazaar.scheduling.enabled=false")
class PollWritesTests {

	@Autowired
	PollWrites writes;

	@Autowired
	TaskRepository tasks;

	@Autowired
	JdbcClient jdbc;

	private final UUID brokerId = UUID.randomUUID();

	@AfterEach
	void stopGathering() {
		this.writes.stop();
	}

	@Test
	void writesAPollAtOnceWhileNotGathering() {
		Task held = heldTask();
		Instant next = soon(3);

		this.writes.again(held, next, log(held));

		assertThat(dueAt(held)).isEqualTo(next);
		assertThat(attempts(held)).isEqualTo(1);
		assertThat(logsOf(held)).isEqualTo(1);
	}

	@Test
	void writesEveryLogAndDueTimeOfPollsGatheredFromManyThreads() throws Exception {
		List<Task> held = new ArrayList<>();
		for (int i = 0; i < 200; i++) {
			held.add(heldTask());
		}
		this.writes.start();
		ExecutorService threads = Executors.newFixedThreadPool(8);
		try {
			List<Future<?>> polls = new ArrayList<>();
			for (Task task : held) {
				polls.add(threads.submit(() -> this.writes.again(task, soon(2), log(task))));
			}
			for (Future<?> poll : polls) {
				poll.get();
			}
		}
		finally {
			threads.shutdown();
		}
		Eventually.until(() -> countLogs() + rescheduled(held), (written) -> written == 2L * held.size(),
				Duration.ofSeconds(10));

		for (Task task : held) {
			assertThat(logsOf(task)).as("logs of task " + task.id()).isEqualTo(1);
			assertThat(attempts(task)).as("attempts of task " + task.id()).isEqualTo(1);
		}
	}

	@Test
	void writesWhatIsLeftWhenGatheringStops() {
		List<Task> held = new ArrayList<>();
		for (int i = 0; i < 20; i++) {
			held.add(heldTask());
		}
		this.writes.start();
		held.forEach((task) -> this.writes.again(task, soon(2), log(task)));

		this.writes.stop();

		assertThat(countLogs()).isEqualTo(held.size());
		assertThat(rescheduled(held)).isEqualTo(held.size());
	}

	@Test
	void leavesATaskAnotherNodeTookOverOnceTheLeaseRanOutButKeepsTheLog() {
		Task held = heldTask();
		Instant otherLease = soon(300);
		this.jdbc.sql("update instance_task set due_at = ? where id = ?")
			.params(Timestamps.of(otherLease), held.id())
			.update();

		this.writes.again(held, soon(2), log(held));

		assertThat(dueAt(held)).isEqualTo(otherLease);
		assertThat(attempts(held)).isZero();
		assertThat(logsOf(held)).isEqualTo(1);
	}

	/** A task as a node holds it after claiming it: due at the end of the lease. */
	private Task heldTask() {
		Task task = Task.of(UUID.randomUUID(), null, TaskKind.POLL_PROVISION, "op", "plan", null, soon(150),
				soon(86_400));
		this.tasks.insert(task, Instant.now());
		return task;
	}

	private NewCommunicationLog log(Task task) {
		return new NewCommunicationLog(Instant.now(), this.brokerId, "polled", UUID.randomUUID(), null,
				OperationType.POLL_INSTANCE_LAST_OPERATION, "GET",
				"https://broker.example/v2/service_instances/" + task.instanceId() + "/last_operation", Map.of(), null,
				200, Map.of(), "{\"state\":\"in progress\"}", 2, null, "plan", task.instanceId().toString(),
				UUID.randomUUID().toString());
	}

	/** Now plus some seconds, to the microsecond the databases keep. */
	private static Instant soon(long seconds) {
		return Instant.now().plusSeconds(seconds).truncatedTo(ChronoUnit.MICROS);
	}

	private Instant dueAt(Task task) {
		return this.jdbc.sql("select due_at from instance_task where id = ?")
			.param(task.id())
			.query(OffsetDateTime.class)
			.single()
			.toInstant();
	}

	private int attempts(Task task) {
		return this.jdbc.sql("select attempts from instance_task where id = ?")
			.param(task.id())
			.query(Integer.class)
			.single();
	}

	private long logsOf(Task task) {
		return this.jdbc.sql("select count(*) from communication_log where broker_id = ? and instance_id = ?")
			.params(this.brokerId, task.instanceId().toString())
			.query(Long.class)
			.single();
	}

	private long countLogs() {
		return this.jdbc.sql("select count(*) from communication_log where broker_id = ?")
			.param(this.brokerId)
			.query(Long.class)
			.single();
	}

	/** How many of the tasks are no longer held: due within the next seconds. */
	private long rescheduled(List<Task> tasks) {
		Instant soon = soon(10);
		return tasks.stream().filter((task) -> dueAt(task).isBefore(soon)).count();
	}

}
