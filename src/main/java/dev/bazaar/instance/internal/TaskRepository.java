package dev.bazaar.instance.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import dev.bazaar.shared.jdbc.Timestamps;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Rows of background work, claimed through the database so each task runs on one node at
 * a time.
 */
@Repository
class TaskRepository {

	private final JdbcClient jdbc;

	TaskRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
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

	List<Task> due(Instant now, int limit) {
		return this.jdbc.sql("select * from instance_task where due_at <= ? order by due_at fetch first ? rows only")
			.params(Timestamps.of(now), limit)
			.query(TaskRepository::task)
			.list();
	}

	/**
	 * Claims a task until {@code leaseUntil}, only if no node claimed or rescheduled it
	 * since it was read; a node that dies while holding it lets the lease run out and
	 * another node takes over.
	 */
	boolean claim(Task task, Instant leaseUntil) {
		return this.jdbc.sql("update instance_task set due_at = ? where id = ? and due_at = ?")
			.params(Timestamps.of(leaseUntil), task.id(), Timestamps.of(task.dueAt()))
			.update() == 1;
	}

	void reschedule(Task task, Instant dueAt) {
		this.jdbc.sql("update instance_task set due_at = ?, attempts = attempts + 1 where id = ?")
			.params(Timestamps.of(dueAt), task.id())
			.update();
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

	static Task task(ResultSet rs, int row) throws SQLException {
		return new Task(rs.getObject("id", UUID.class), rs.getObject("instance_id", UUID.class),
				rs.getObject("binding_id", UUID.class), TaskKind.valueOf(rs.getString("kind")),
				rs.getString("broker_operation"), rs.getString("plan_id"), rs.getString("payload"),
				Timestamps.read(rs, "due_at"), Timestamps.read(rs, "deadline_at"), rs.getInt("attempts"));
	}

}
