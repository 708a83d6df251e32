package dev.bazaar.instance.internal;

import java.util.Objects;

import dev.bazaar.commlog.NewCommunicationLog;
import dev.bazaar.instance.OperationKind;
import dev.bazaar.instance.OperationState;
import dev.bazaar.instance.ServiceBinding;
import dev.bazaar.instance.ServiceInstance;
import dev.bazaar.osbclient.BrokerEndpoint;
import dev.bazaar.osbclient.OsbClient;
import dev.bazaar.osbclient.OsbResponse;
import tools.jackson.databind.JsonNode;

import org.springframework.stereotype.Component;

/**
 * Polls bindings' last operations. After an asynchronous bind succeeds, fetches the
 * binding for its credentials; after an unbind that was part of deleting the instance,
 * goes on with the deletion.
 */
@Component
class BindingPolls {

	private final BrokerGateway gateway;

	private final BindingRepository bindings;

	private final InstanceRepository instances;

	private final BindingOperations operations;

	private final Tasks tasks;

	private final PollWrites writes;

	BindingPolls(BrokerGateway gateway, BindingRepository bindings, InstanceRepository instances,
			BindingOperations operations, Tasks tasks, PollWrites writes) {
		this.gateway = gateway;
		this.bindings = bindings;
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
	void poll(Task task, ServiceInstance instance, ServiceBinding binding, BrokerEndpoint endpoint) {
		OsbClient.Exchanged polled = this.gateway.poll(endpoint,
				OsbCalls.pollBinding(instance, binding.id(), task.brokerOperation()));
		PollOutcome outcome = PollOutcome.classify(polled.response());
		boolean unbind = task.kind() == TaskKind.POLL_UNBIND;
		if (PollOutcome.goesOn(outcome, unbind) && !this.tasks.pastDeadline(task)) {
			goesOn(task, binding, outcome, polled.log());
			return;
		}
		// What ends the operation is written after the poll's log.
		this.writes.record(polled.log());
		if (unbind && (outcome instanceof PollOutcome.Succeeded || outcome instanceof PollOutcome.Gone)) {
			unbound(task, instance, binding);
		}
		else if (!unbind && outcome instanceof PollOutcome.Succeeded) {
			fetchCredentials(task, instance, binding);
		}
		else if (outcome instanceof PollOutcome.Failed failed) {
			failed(task, instance, binding, (failed.description() != null) ? failed.description()
					: "The broker reports that the " + (unbind ? "unbind" : "bind") + " failed");
		}
		else {
			failed(task, instance, binding, "The broker did not finish the operation in time; Bazaar stopped polling");
		}
	}

	/**
	 * The task's due time and the log are written with other polls'; a new description of
	 * the progress is written at once.
	 */
	private void goesOn(Task task, ServiceBinding binding, PollOutcome outcome, NewCommunicationLog log) {
		if (outcome instanceof PollOutcome.InProgress progress && !Objects
			.equals(InstanceRepository.cut(progress.description()), binding.lastOperation().description())) {
			this.bindings.progress(binding.id(), progress.description(), this.gateway.now());
		}
		this.tasks.again(task, PollOutcome.retryAfter(outcome), log);
	}

	private void fetchCredentials(Task task, ServiceInstance instance, ServiceBinding binding) {
		OsbResponse response = this.gateway.send(instance, OsbCalls.fetchBinding(instance, binding.id()));
		JsonNode body = (response instanceof OsbResponse.Answered answer && answer.status() == 200)
				? BrokerAnswers.jsonObject(answer.body()) : null;
		if (body == null) {
			if (this.tasks.pastDeadline(task)) {
				failed(task, instance, binding, "The broker created the binding but Bazaar could not fetch it");
			}
			else {
				this.tasks.again(task, null);
			}
			return;
		}
		this.tasks.done(task);
		this.operations.storeCredentials(binding.id(), body);
		this.bindings.operation(binding.id(), OperationKind.CREATE, OperationState.SUCCEEDED, null, this.gateway.now());
	}

	private void unbound(Task task, ServiceInstance instance, ServiceBinding binding) {
		this.tasks.done(task);
		this.bindings.delete(binding.id());
		if (deleting(instance) && this.bindings.ofInstance(instance.id()).isEmpty()) {
			this.tasks.continueDelete(instance);
		}
	}

	private void failed(Task task, ServiceInstance instance, ServiceBinding binding, String reason) {
		this.tasks.done(task);
		if (task.kind() == TaskKind.POLL_BIND) {
			this.operations.failCreate(instance, binding.id(), reason, true);
			return;
		}
		this.bindings.operation(binding.id(), OperationKind.DELETE, OperationState.FAILED, reason, this.gateway.now());
		if (deleting(instance)) {
			this.instances.operation(instance.id(), OperationKind.DELETE, OperationState.FAILED,
					"Could not unbind '" + binding.displayName() + "': " + reason, this.gateway.now());
		}
	}

	private static boolean deleting(ServiceInstance instance) {
		return instance.status() == OperationState.IN_PROGRESS
				&& instance.lastOperation().type() == OperationKind.DELETE;
	}

}
