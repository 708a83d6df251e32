package dev.bazaar.instance.internal;

import java.util.Objects;

import dev.bazaar.commlog.NewCommunicationLog;
import dev.bazaar.instance.OperationKind;
import dev.bazaar.instance.OperationState;
import dev.bazaar.instance.ServiceInstance;
import dev.bazaar.osbclient.BrokerEndpoint;
import dev.bazaar.osbclient.OsbClient;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Component;

/**
 * Polls instances' last operations for provisions, updates and deprovisions, and finishes
 * each operation as the broker says: succeeded, failed (with orphan mitigation for
 * provisions), or gone.
 */
@Component
class InstancePolls {

	private final BrokerGateway gateway;

	private final InstanceRepository instances;

	private final InstanceOperations operations;

	private final Tasks tasks;

	private final PollWrites writes;

	InstancePolls(BrokerGateway gateway, InstanceRepository instances, InstanceOperations operations, Tasks tasks,
			PollWrites writes) {
		this.gateway = gateway;
		this.instances = instances;
		this.operations = operations;
		this.tasks = tasks;
		this.writes = writes;
	}

	/**
	 * Polls once and acts on the answer; {@code instance} is as it stood when the task
	 * was claimed, {@code endpoint} where its broker is. {@code task} is held: due at the
	 * end of its lease.
	 */
	void poll(Task task, ServiceInstance instance, BrokerEndpoint endpoint) {
		// The instance keeps its plan until an update succeeds: polls name the plan
		// before the update, as the spec asks.
		OsbClient.Exchanged polled = this.gateway.poll(endpoint,
				OsbCalls.pollInstance(instance, instance.planId(), task.brokerOperation()));
		PollOutcome outcome = PollOutcome.classify(polled.response());
		OperationKind kind = kindOf(task);
		if (PollOutcome.goesOn(outcome, kind == OperationKind.DELETE) && !this.tasks.pastDeadline(task)) {
			goesOn(task, instance, outcome, polled.log());
			return;
		}
		// What ends the operation is written after the poll's log.
		this.writes.record(polled.log());
		if (outcome instanceof PollOutcome.Succeeded
				|| (outcome instanceof PollOutcome.Gone && kind == OperationKind.DELETE)) {
			succeeded(task, instance, kind,
					(outcome instanceof PollOutcome.Succeeded done) ? done.description() : null);
		}
		else if (outcome instanceof PollOutcome.Failed failed) {
			failed(task, instance, kind, describe(failed.description(), kind));
		}
		else {
			failed(task, instance, kind, "The broker did not finish the operation in time; Bazaar stopped polling");
		}
	}

	/**
	 * Most polls change nothing but the task's due time: that and the log are written
	 * with other polls'; a new description of the progress is written at once.
	 */
	private void goesOn(Task task, ServiceInstance instance, PollOutcome outcome, NewCommunicationLog log) {
		if (outcome instanceof PollOutcome.InProgress progress && !Objects
			.equals(InstanceRepository.cut(progress.description()), instance.lastOperation().description())) {
			this.instances.progress(instance.id(), progress.description(), this.gateway.now());
		}
		this.tasks.again(task, PollOutcome.retryAfter(outcome), log);
	}

	private void succeeded(Task task, ServiceInstance instance, OperationKind kind, @Nullable String description) {
		this.tasks.done(task);
		if (kind == OperationKind.DELETE) {
			this.instances.delete(instance.id());
			return;
		}
		if (kind == OperationKind.UPDATE) {
			this.instances.applied(instance.id(), planOf(task, instance), task.payload(), null);
		}
		// The broker's last word stays for users to read ("Created with 3 replicas").
		this.instances.operation(instance.id(), kind, OperationState.SUCCEEDED, description, this.gateway.now());
	}

	private void failed(Task task, ServiceInstance instance, OperationKind kind, String reason) {
		this.tasks.done(task);
		if (kind == OperationKind.CREATE) {
			this.operations.failCreate(instance, reason, true);
			return;
		}
		this.instances.operation(instance.id(), kind, OperationState.FAILED, reason, this.gateway.now());
	}

	private static String describe(String description, OperationKind kind) {
		if (description != null && !description.isBlank()) {
			return description;
		}
		return "The broker reports that the " + kind.name().toLowerCase() + " failed";
	}

	private static String planOf(Task task, ServiceInstance instance) {
		return (task.planId() != null) ? task.planId() : instance.planId();
	}

	private static OperationKind kindOf(Task task) {
		return switch (task.kind()) {
			case POLL_UPDATE -> OperationKind.UPDATE;
			case POLL_DEPROVISION -> OperationKind.DELETE;
			default -> OperationKind.CREATE;
		};
	}

}
