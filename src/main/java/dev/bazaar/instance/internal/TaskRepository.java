package dev.bazaar.instance.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.bazaar.instance.ServiceInstance;
import dev.bazaar.shared.jdbc.Timestamps;
import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * Rows of background work, claimed through the database so each task runs on one node at
 * a time.
 */
@Repository
class TaskRepository {

	private final JdbcClient jdbc;

	private final JdbcTemplate batches;

	TaskRepository(JdbcClient jdbc, JdbcTemplate batches) {
		this.jdbc = jdbc;
		this.batches = batches;
	}

	void insert(Task task, Instant now) {
		this.jdbc.sql("""
				insert into instance_task (id, instance_id, binding_id, kind, broker_operation, plan_id, payload,
				due_at, deadline_at, attempts, created_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
			.params(task.id(), task.instanceId(), task.bindingId(), task.kind().name(), task.brokerOperation(),
					task.planId(), task.payload(), Timestamps.of(task.dueAt()), Timestamps.of(task.deadlineAt()),
					task.attempts(), Timestamps.of(now))
			.update();
	}

	/** Up to {@code limit} tasks due by {@code until}, earliest first. */
	List<Task> due(Instant until, int limit) {
		return this.jdbc
			.sql("select * from instance_task where due_at <= ? order by due_at, id fetch first ? rows only")
			.params(Timestamps.of(until), limit)
			.query(TaskRepository::task)
			.list();
	}

	/** When the next task is due (or until when a node holds it), if there is any. */
	@Nullable Instant nextDue() {
		List<@Nullable Instant> next = this.jdbc.sql("select min(due_at) as next_due from instance_task")
			.query((rs, row) -> Timestamps.read(rs, "next_due"))
			.list();
		return next.isEmpty() ? null : next.get(0);
	}

	/**
	 * Claims the tasks until {@code leaseUntil}, each only if no node claimed or
	 * rescheduled it since it was read; answers those claimed. A node that dies while
	 * holding a task lets the lease run out and another node takes over. One batch, in
	 * the order read: nodes claiming the same tasks lock them in the same order. In one
	 * transaction: one commit, where H2 commits each row of a batch on its own.
	 */
	@Transactional
	public List<Task> claim(List<Task> tasks, Instant leaseUntil) {
		if (tasks.isEmpty()) {
			return List.of();
		}
		int[] claimed = this.batches.batchUpdate("update instance_task set due_at = ? where id = ? and due_at = ?",
				tasks.stream()
					.map((task) -> new Object[] { Timestamps.of(leaseUntil), task.id(), Timestamps.of(task.dueAt()) })
					.toList());
		List<Task> mine = new ArrayList<>(tasks.size());
		for (int i = 0; i < tasks.size(); i++) {
			if (claimed[i] == 1) {
				mine.add(tasks.get(i));
			}
		}
		return mine;
	}

	/**
	 * The instances of the tasks claimed until {@code leaseUntil}, by id (with, rarely,
	 * those of tasks another node claimed until the same instant).
	 */
	Map<UUID, ServiceInstance> claimedInstances(Instant leaseUntil) {
		Map<UUID, ServiceInstance> instances = new HashMap<>();
		this.jdbc
			.sql("select i.* from instance_task t join service_instance i on i.id = t.instance_id where t.due_at = ?")
			.param(Timestamps.of(leaseUntil))
			.query(InstanceRepository::instance)
			.list()
			.forEach((instance) -> instances.put(instance.id(), instance));
		return instances;
	}

	/**
	 * Gives back claimed tasks that did not run: due again when they were, unless someone
	 * changed them since.
	 */
	void release(List<Task> tasks, Instant leaseUntil) {
		if (!tasks.isEmpty()) {
			this.batches.batchUpdate("update instance_task set due_at = ? where id = ? and due_at = ?", tasks.stream()
				.map((task) -> new Object[] { Timestamps.of(task.dueAt()), task.id(), Timestamps.of(leaseUntil) })
				.toList());
		}
	}

	void reschedule(Task task, Instant dueAt) {
		this.jdbc.sql("update instance_task set due_at = ?, attempts = attempts + 1 where id = ?")
			.params(Timestamps.of(dueAt), task.id())
			.update();
	}

	/**
	 * Makes each task due again at its new time, as {@link #reschedule(Task, Instant)},
	 * if this node still holds it: if its due time is still the lease of the claim
	 * ({@code held.dueAt()}). One batch.
	 */
	void reschedule(List<Reschedule> reschedules) {
		this.batches.batchUpdate(
				"update instance_task set due_at = ?, attempts = attempts + 1 where id = ? and due_at = ?",
				reschedules.stream()
					.map((next) -> new Object[] { Timestamps.of(next.dueAt()), next.held().id(),
							Timestamps.of(next.held().dueAt()) })
					.toList());
	}

	void delete(Task task) {
		this.jdbc.sql("delete from instance_task where id = ?").param(task.id()).update();
	}

	void deleteOfInstance(UUID instanceId) {
		this.jdbc.sql("delete from instance_task where instance_id = ?").param(instanceId).update();
	}

	boolean pendingFor(UUID instanceId) {
		return this.jdbc.sql("select count(*) from instance_task where instance_id = ?")
			.param(instanceId)
			.query(Long.class)
			.single() > 0;
	}

	/** A task held under its lease {@code held.dueAt()}, due again at {@code dueAt}. */
	record Reschedule(Task held, Instant dueAt) {
	}

	static Task task(ResultSet rs, int row) throws SQLException {
		return new Task(rs.getObject("id", UUID.class), rs.getObject("instance_id", UUID.class),
				rs.getObject("binding_id", UUID.class), TaskKind.valueOf(rs.getString("kind")),
				rs.getString("broker_operation"), rs.getString("plan_id"), rs.getString("payload"),
				Timestamps.read(rs, "due_at"), Timestamps.read(rs, "deadline_at"), rs.getInt("attempts"));
	}

}
