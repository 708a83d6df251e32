package dev.bazaar.instance.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import dev.bazaar.commlog.NewCommunicationLog;
import dev.bazaar.instance.ServiceInstance;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Component;

/** Schedules background work: polls with their deadlines, and orphan mitigations. */
@Component
class Tasks {

	private final TaskRepository repository;

	private final PollingPolicy policy;

	private final BrokerGateway gateway;

	private final TaskAlarm alarm;

	private final PollWrites writes;

	Tasks(TaskRepository repository, PollingPolicy policy, BrokerGateway gateway, TaskAlarm alarm, PollWrites writes) {
		this.repository = repository;
		this.policy = policy;
		this.gateway = gateway;
		this.alarm = alarm;
		this.writes = writes;
	}

	/**
	 * Polls an instance's or binding's last operation after the broker accepted a
	 * request.
	 */
	void poll(ServiceInstance instance, TaskKind kind, Outcome.Accepted accepted, String planId,
			@Nullable String payload) {
		poll(instance, null, kind, accepted, planId, payload);
	}

	void poll(ServiceInstance instance, @Nullable UUID bindingId, TaskKind kind, Outcome.Accepted accepted,
			String planId, @Nullable String payload) {
		Instant now = this.gateway.now();
		Instant deadline = this.policy.deadline(now, this.gateway.maximumPollingSeconds(instance, planId));
		insert(Task.of(instance.id(), bindingId, kind, accepted.operation(), planId, payload,
				this.policy.nextPoll(now, 0, accepted.retryAfter()), deadline), now);
	}

	void mitigateInstance(ServiceInstance instance) {
		Instant now = this.gateway.now();
		insert(Task.of(instance.id(), null, TaskKind.MITIGATE_INSTANCE, null, instance.planId(), null, now, null), now);
	}

	void mitigateBinding(ServiceInstance instance, UUID bindingId) {
		Instant now = this.gateway.now();
		insert(Task.of(instance.id(), bindingId, TaskKind.MITIGATE_BINDING, null, instance.planId(), null, now, null),
				now);
	}

	void continueDelete(ServiceInstance instance) {
		Instant now = this.gateway.now();
		insert(Task.of(instance.id(), null, TaskKind.CONTINUE_DELETE, null, instance.planId(), null, now, null), now);
	}

	/** Polls again later: when the broker asked, or after a back-off. */
	void again(Task task, @Nullable Duration retryAfter) {
		reschedule(task, this.policy.nextPoll(this.gateway.now(), task.attempts() + 1, retryAfter));
	}

	/**
	 * Polls again later, as {@link #again(Task, Duration)}, with the log of the poll that
	 * changed nothing; both written with other polls' ({@link PollWrites}). {@code held}
	 * is the task as claimed, due at the end of its lease.
	 */
	void again(Task held, @Nullable Duration retryAfter, NewCommunicationLog log) {
		this.writes.again(held, this.policy.nextPoll(this.gateway.now(), held.attempts() + 1, retryAfter), log);
	}

	/** Tries an orphan mitigation again after a back-off. */
	void retryMitigation(Task task) {
		reschedule(task, this.policy.nextMitigation(this.gateway.now(), task.attempts() + 1));
	}

	/** Replaces a task with the next step of the same work. */
	void replace(Task task, TaskKind kind, @Nullable String brokerOperation, @Nullable Duration retryAfter) {
		Instant now = this.gateway.now();
		this.repository.delete(task);
		insert(new Task(UUID.randomUUID(), task.instanceId(), task.bindingId(), kind, brokerOperation, task.planId(),
				task.payload(), this.policy.nextPoll(now, 0, retryAfter), this.policy.deadline(now, null), 0), now);
	}

	void done(Task task) {
		this.repository.delete(task);
	}

	boolean pastDeadline(Task task) {
		return task.deadlineAt() != null && !this.gateway.now().isBefore(task.deadlineAt());
	}

	void cancelAll(UUID instanceId) {
		this.repository.deleteOfInstance(instanceId);
	}

	private void insert(Task task, Instant now) {
		this.repository.insert(task, now);
		this.alarm.due(task.dueAt());
	}

	private void reschedule(Task task, Instant dueAt) {
		this.repository.reschedule(task, dueAt);
		this.alarm.due(dueAt);
	}

}
