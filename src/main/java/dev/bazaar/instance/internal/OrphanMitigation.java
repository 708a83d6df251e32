package dev.bazaar.instance.internal;

import java.util.UUID;

import dev.bazaar.instance.ServiceInstance;

import org.springframework.stereotype.Component;

/**
 * Deletes instances and bindings that a broker may have created although their creation
 * failed, retrying with back-off until the broker confirms (200, 410, or 202 then done),
 * as the OSB spec's orphan mitigation asks.
 */
@Component
class OrphanMitigation {

	private final BrokerGateway gateway;

	private final InstanceRepository instances;

	private final BindingRepository bindings;

	private final Tasks tasks;

	OrphanMitigation(BrokerGateway gateway, InstanceRepository instances, BindingRepository bindings, Tasks tasks) {
		this.gateway = gateway;
		this.instances = instances;
		this.bindings = bindings;
		this.tasks = tasks;
	}

	void deleteInstance(Task task, ServiceInstance instance) {
		Outcome outcome = BrokerAnswers.classify(BrokerCall.DEPROVISION,
				this.gateway.send(instance, OsbCalls.deprovision(instance, null)));
		handle(task, instance, outcome, TaskKind.POLL_MITIGATE_INSTANCE);
	}

	void deleteBinding(Task task, ServiceInstance instance) {
		UUID bindingId = task.bindingId();
		Outcome outcome = BrokerAnswers.classify(BrokerCall.UNBIND,
				this.gateway.send(instance, OsbCalls.unbind(instance, bindingId, null, true)));
		handle(task, instance, outcome, TaskKind.POLL_MITIGATE_BINDING);
	}

	/** Polls the delete a mitigation sent; a failed one is sent again. */
	void poll(Task task, ServiceInstance instance) {
		boolean binding = task.kind() == TaskKind.POLL_MITIGATE_BINDING;
		PollOutcome outcome = PollOutcome.classify(this.gateway.send(instance,
				binding ? OsbCalls.pollBinding(instance, task.bindingId(), task.brokerOperation())
						: OsbCalls.pollInstance(instance, instance.planId(), task.brokerOperation())));
		if (outcome instanceof PollOutcome.Succeeded || outcome instanceof PollOutcome.Gone) {
			confirmed(task, instance);
		}
		else if (outcome instanceof PollOutcome.Failed) {
			this.tasks.replace(task, binding ? TaskKind.MITIGATE_BINDING : TaskKind.MITIGATE_INSTANCE, null, null);
		}
		else {
			this.tasks.again(task, (outcome instanceof PollOutcome.InProgress progress) ? progress.retryAfter() : null);
		}
	}

	private void handle(Task task, ServiceInstance instance, Outcome outcome, TaskKind pollKind) {
		if (outcome instanceof Outcome.Accepted accepted) {
			this.tasks.replace(task, pollKind, accepted.operation(), accepted.retryAfter());
		}
		else if (outcome instanceof Outcome.Failed) {
			this.tasks.retryMitigation(task);
		}
		else {
			confirmed(task, instance);
		}
	}

	private void confirmed(Task task, ServiceInstance instance) {
		this.tasks.done(task);
		String note = ". The broker confirmed it deleted what it may have created";
		if (task.bindingId() != null) {
			this.bindings.find(instance.id(), task.bindingId())
				.ifPresent((binding) -> this.bindings.operation(binding.id(), binding.lastOperation().type(),
						binding.status(), stripMitigating(binding.lastOperation().description()) + note,
						this.gateway.now()));
		}
		else {
			this.instances.operation(instance.id(), instance.lastOperation().type(), instance.status(),
					stripMitigating(instance.lastOperation().description()) + note, this.gateway.now());
		}
	}

	private static String stripMitigating(String description) {
		return (description == null) ? "" : description.replace(InstanceOperations.MITIGATING, "");
	}

}
