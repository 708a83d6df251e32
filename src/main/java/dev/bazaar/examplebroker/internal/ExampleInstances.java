package dev.bazaar.examplebroker.internal;

import java.time.Instant;
import java.util.Optional;

import dev.bazaar.examplebroker.internal.ExampleBrokerCommands.Deprovision;
import dev.bazaar.examplebroker.internal.ExampleBrokerCommands.Provision;
import dev.bazaar.examplebroker.internal.ExampleBrokerCommands.Update;
import dev.bazaar.examplebroker.internal.Outcome.Completion;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.transaction.annotation.Transactional;

/**
 * Provisions, fetches, updates and deletes the example broker's service instances as the
 * OSB spec prescribes, synchronously or asynchronously depending on the plan.
 */
public class ExampleInstances {

	private final ExampleCatalog catalog;

	private final InstanceRepository instances;

	private final BindingRepository bindings;

	private final ParameterValidator validator;

	private final OperationTimes times;

	ExampleInstances(ExampleCatalog catalog, InstanceRepository instances, BindingRepository bindings,
			ParameterValidator validator, OperationTimes times) {
		this.catalog = catalog;
		this.instances = instances;
		this.bindings = bindings;
		this.validator = validator;
		this.times = times;
	}

	@Transactional
	public Outcome<ExampleInstance> provision(Provision command) {
		ExamplePlan plan = this.catalog.plan(command.serviceId(), command.planId());
		this.validator.validate(plan.createSchema(), command.parameters(), "parameters");
		Instant now = this.times.now();
		Optional<ExampleInstance> existing = current(command.instanceId(), now);
		if (existing.isPresent()) {
			return provisioned(existing.get(), command, now);
		}
		requireAsyncAccepted(plan, command.acceptsIncomplete());
		Operation operation = operation(plan, OperationKind.PROVISION, now);
		ExampleInstance instance = new ExampleInstance(command.instanceId(), command.serviceId(), command.planId(),
				command.parameters(), operation);
		this.instances.insert(instance);
		return new Outcome<>(plan.mode().isAsynchronous() ? Completion.ACCEPTED : Completion.CREATED, instance);
	}

	@Transactional(readOnly = true)
	public ExampleInstance fetch(String instanceId) {
		Instant now = this.times.now();
		ExampleInstance instance = this.instances.find(instanceId)
			.filter((found) -> !found.removedAt(now) && !found.provisioningAt(now))
			.orElseThrow(() -> BrokerRefusal.notFound("No instance " + instanceId + " (or still being provisioned)"));
		if (instance.busyAt(now) && instance.operation().kind() == OperationKind.UPDATE) {
			throw BrokerRefusal.concurrency("The instance is being updated; fetch it when the update has completed");
		}
		if (instance.operation().kind() == OperationKind.PROVISION && !instance.usableAt(now)) {
			throw BrokerRefusal.notFound("Provisioning instance " + instanceId + " failed");
		}
		return instance;
	}

	@Transactional(readOnly = true)
	public LastOperation lastOperation(String instanceId) {
		Instant now = this.times.now();
		return this.instances.find(instanceId)
			.flatMap((instance) -> instance.lastOperationAt(now))
			.orElseThrow(() -> BrokerRefusal.gone("Instance " + instanceId + " does not exist (any more)"));
	}

	@Transactional
	public Outcome<ExampleInstance> update(Update command) {
		Instant now = this.times.now();
		ExampleInstance instance = current(command.instanceId(), now)
			.orElseThrow(() -> BrokerRefusal.notFound("No instance " + command.instanceId()));
		ExamplePlan plan = new PlanChange(this.catalog, instance, command).target();
		ObjectNode changes = (command.parameters() != null) ? command.parameters() : instance.parameters().objectNode();
		this.validator.validate(plan.updateSchema(), changes, "parameters");
		ObjectNode parameters = instance.parameters().deepCopy().setAll(changes);
		if (instance.busyAt(now)) {
			return updating(instance, plan, parameters);
		}
		if (!instance.usableAt(now)) {
			throw BrokerRefusal.unprocessable("Provisioning this instance failed; delete it instead");
		}
		requireAsyncAccepted(plan, command.acceptsIncomplete());
		ExampleInstance updated = instance.changed(plan.id(), parameters, operation(plan, OperationKind.UPDATE, now));
		this.instances.update(updated);
		return new Outcome<>(plan.mode().isAsynchronous() ? Completion.ACCEPTED : Completion.DONE, updated);
	}

	@Transactional
	public Outcome<ExampleInstance> deprovision(Deprovision command) {
		Instant now = this.times.now();
		ExampleInstance instance = current(command.instanceId(), now)
			.orElseThrow(() -> BrokerRefusal.gone("Instance " + command.instanceId() + " does not exist"));
		if (instance.busyAt(now)) {
			if (instance.operation().kind() == OperationKind.DEPROVISION) {
				return new Outcome<>(Completion.ACCEPTED, instance);
			}
			throw BrokerRefusal.concurrency("Another operation on this instance is running; delete it afterwards");
		}
		ExamplePlan plan = this.catalog.plan(instance.serviceId(), instance.planId());
		if (!plan.mode().isAsynchronous()) {
			this.instances.delete(instance.id());
			return new Outcome<>(Completion.DONE, instance);
		}
		requireAsyncAccepted(plan, command.acceptsIncomplete());
		ExampleInstance deleting = instance.with(operation(plan, OperationKind.DEPROVISION, now));
		this.bindings.deleteOfInstance(instance.id());
		this.instances.update(deleting);
		return new Outcome<>(Completion.ACCEPTED, deleting);
	}

	/**
	 * The instance unless its deletion has completed, when its row is removed for good.
	 */
	private Optional<ExampleInstance> current(String instanceId, Instant now) {
		Optional<ExampleInstance> instance = this.instances.findForUpdate(instanceId);
		if (instance.isPresent() && instance.get().removedAt(now)) {
			this.instances.delete(instanceId);
			return Optional.empty();
		}
		return instance;
	}

	private Outcome<ExampleInstance> provisioned(ExampleInstance existing, Provision command, Instant now) {
		if (!existing.sameAs(command.serviceId(), command.planId(), command.parameters())) {
			throw BrokerRefusal.conflict("Instance " + existing.id() + " exists with another service, plan or "
					+ "parameters; choose another instance id");
		}
		if (existing.busyAt(now) && existing.operation().kind() != OperationKind.PROVISION) {
			throw BrokerRefusal.concurrency("Another operation on this instance is running");
		}
		return new Outcome<>(existing.provisioningAt(now) ? Completion.ACCEPTED : Completion.DONE, existing);
	}

	/** A re-sent update while it runs is accepted again; any other change waits. */
	private Outcome<ExampleInstance> updating(ExampleInstance instance, ExamplePlan plan, ObjectNode parameters) {
		if (instance.operation().kind() == OperationKind.UPDATE && instance.planId().equals(plan.id())
				&& instance.parameters().equals(parameters)) {
			return new Outcome<>(Completion.ACCEPTED, instance);
		}
		throw BrokerRefusal.concurrency("Another operation on this instance is running; update it afterwards");
	}

	private void requireAsyncAccepted(ExamplePlan plan, boolean acceptsIncomplete) {
		if (plan.mode().isAsynchronous() && !acceptsIncomplete) {
			throw BrokerRefusal.asyncRequired();
		}
	}

	private Operation operation(ExamplePlan plan, OperationKind kind, Instant now) {
		boolean fails = plan.mode() == PlanMode.FAILING && kind == OperationKind.PROVISION;
		return this.times.start(kind, now, plan.mode().isAsynchronous(), fails);
	}

}
