package dev.bazaar.examplebroker.internal;

import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;

import dev.bazaar.examplebroker.internal.ExampleBrokerCommands.Bind;
import dev.bazaar.examplebroker.internal.ExampleBrokerCommands.Unbind;
import dev.bazaar.examplebroker.internal.Outcome.Completion;

import org.springframework.transaction.annotation.Transactional;

/**
 * Creates, fetches and deletes bindings of example instances, each with credentials of
 * its own; asynchronously for the asynchronous plan when the platform accepts that.
 */
public class ExampleBindings {

	private static final SecureRandom random = new SecureRandom();

	private final ExampleCatalog catalog;

	private final InstanceRepository instances;

	private final BindingRepository bindings;

	private final ParameterValidator validator;

	private final OperationTimes times;

	ExampleBindings(ExampleCatalog catalog, InstanceRepository instances, BindingRepository bindings,
			ParameterValidator validator, OperationTimes times) {
		this.catalog = catalog;
		this.instances = instances;
		this.bindings = bindings;
		this.validator = validator;
		this.times = times;
	}

	@Transactional
	public Outcome<ExampleBinding> bind(Bind command) {
		Instant now = this.times.now();
		ExamplePlan plan = bindablePlan(command, now);
		this.validator.validate(plan.bindingSchema(), command.parameters(), "binding parameters");
		Optional<ExampleBinding> existing = current(command.instanceId(), command.bindingId(), now);
		if (existing.isPresent()) {
			return bound(existing.get(), command, now);
		}
		boolean async = plan.mode() == PlanMode.ASYNCHRONOUS && command.acceptsIncomplete();
		Operation operation = this.times.start(OperationKind.BIND, now, async, false);
		boolean readOnly = command.parameters().path("read_only").asBoolean(false);
		ExampleBinding binding = new ExampleBinding(command.instanceId(), command.bindingId(), command.serviceId(),
				command.planId(), command.parameters(), username(readOnly), password(), operation);
		this.bindings.insert(binding);
		return new Outcome<>(async ? Completion.ACCEPTED : Completion.CREATED, binding);
	}

	@Transactional(readOnly = true)
	public ExampleBinding fetch(String instanceId, String bindingId) {
		Instant now = this.times.now();
		return this.bindings.find(instanceId, bindingId)
			.filter((binding) -> binding.readyAt(now))
			.orElseThrow(() -> BrokerRefusal.notFound("No binding " + bindingId + " (or still being created)"));
	}

	@Transactional(readOnly = true)
	public LastOperation lastOperation(String instanceId, String bindingId) {
		Instant now = this.times.now();
		return this.bindings.find(instanceId, bindingId)
			.flatMap((binding) -> binding.lastOperationAt(now))
			.orElseThrow(() -> BrokerRefusal.gone("Binding " + bindingId + " does not exist (any more)"));
	}

	@Transactional
	public Outcome<ExampleBinding> unbind(Unbind command) {
		Instant now = this.times.now();
		ExampleBinding binding = current(command.instanceId(), command.bindingId(), now)
			.orElseThrow(() -> BrokerRefusal.gone("Binding " + command.bindingId() + " does not exist"));
		if (binding.busyAt(now)) {
			if (binding.operation().kind() == OperationKind.UNBIND) {
				return new Outcome<>(Completion.ACCEPTED, binding);
			}
			throw BrokerRefusal.concurrency("The binding is still being created; delete it afterwards");
		}
		ExamplePlan plan = this.catalog.plan(binding.serviceId(), binding.planId());
		if (plan.mode() == PlanMode.ASYNCHRONOUS && command.acceptsIncomplete()) {
			ExampleBinding unbinding = binding.with(this.times.start(OperationKind.UNBIND, now, true, false));
			this.bindings.updateOperation(unbinding);
			return new Outcome<>(Completion.ACCEPTED, unbinding);
		}
		this.bindings.delete(binding.instanceId(), binding.id());
		return new Outcome<>(Completion.DONE, binding);
	}

	/**
	 * The plan to bind with, once the instance (locked meanwhile) is ready for bindings.
	 */
	private ExamplePlan bindablePlan(Bind command, Instant now) {
		ExampleService service = this.catalog.service(command.serviceId());
		ExamplePlan plan = this.catalog.plan(command.serviceId(), command.planId());
		if (!service.bindable()) {
			throw BrokerRefusal.badRequest("The service " + service.name() + " is not bindable");
		}
		ExampleInstance instance = this.instances.findForUpdate(command.instanceId())
			.filter((found) -> !found.removedAt(now))
			.orElseThrow(() -> BrokerRefusal.notFound("No instance " + command.instanceId()));
		if (!instance.serviceId().equals(command.serviceId()) || !instance.planId().equals(command.planId())) {
			throw BrokerRefusal.badRequest("Instance " + instance.id() + " has another service or plan");
		}
		if (instance.busyAt(now)) {
			throw BrokerRefusal.concurrency("An operation on the instance is running; bind when it has completed");
		}
		if (!instance.usableAt(now)) {
			throw BrokerRefusal.unprocessable("Provisioning instance " + instance.id() + " failed; it cannot be bound");
		}
		return plan;
	}

	private Optional<ExampleBinding> current(String instanceId, String bindingId, Instant now) {
		Optional<ExampleBinding> binding = this.bindings.find(instanceId, bindingId);
		if (binding.isPresent() && binding.get().removedAt(now)) {
			this.bindings.delete(instanceId, bindingId);
			return Optional.empty();
		}
		return binding;
	}

	private Outcome<ExampleBinding> bound(ExampleBinding existing, Bind command, Instant now) {
		if (!existing.sameAs(command.serviceId(), command.planId(), command.parameters())) {
			throw BrokerRefusal
				.conflict("Binding " + existing.id() + " exists with other parameters; " + "choose another binding id");
		}
		if (existing.busyAt(now)) {
			if (existing.operation().kind() == OperationKind.BIND) {
				return new Outcome<>(Completion.ACCEPTED, existing);
			}
			throw BrokerRefusal.concurrency("The binding is being deleted");
		}
		return new Outcome<>(Completion.DONE, existing);
	}

	private static String username(boolean readOnly) {
		byte[] bytes = new byte[6];
		random.nextBytes(bytes);
		return (readOnly ? "ro_" : "rw_") + HexFormat.of().formatHex(bytes);
	}

	private static String password() {
		byte[] bytes = new byte[24];
		random.nextBytes(bytes);
		return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
	}

}
