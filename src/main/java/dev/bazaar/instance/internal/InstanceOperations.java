package dev.bazaar.instance.internal;

import java.time.Instant;

import dev.bazaar.instance.LastOperation;
import dev.bazaar.instance.OperationKind;
import dev.bazaar.instance.OperationState;
import dev.bazaar.instance.ServiceBinding;
import dev.bazaar.instance.ServiceInstance;
import dev.bazaar.osbclient.OsbResponse;
import dev.bazaar.shared.BrokerFailure;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

import org.springframework.stereotype.Component;

/**
 * Sends provisions, updates and deprovisions and records what came of them: done, in
 * progress (then polled in the background), or failed (then, where the spec says so,
 * mitigated).
 */
@Component
public class InstanceOperations {

	private final BrokerGateway gateway;

	private final InstanceRepository instances;

	private final BindingRepository bindings;

	private final BindingOperations bindingOperations;

	private final Tasks tasks;

	InstanceOperations(BrokerGateway gateway, InstanceRepository instances, BindingRepository bindings,
			BindingOperations bindingOperations, Tasks tasks) {
		this.gateway = gateway;
		this.instances = instances;
		this.bindings = bindings;
		this.bindingOperations = bindingOperations;
		this.tasks = tasks;
	}

	/**
	 * Stores the new instance as in progress, then asks the broker to provision it;
	 * throws what the broker's failure means once it is recorded.
	 */
	public ServiceInstance provision(ServiceInstance instance, InstanceContext context) {
		this.instances.insert(instance);
		Outcome outcome = BrokerAnswers.classify(BrokerCall.PROVISION,
				this.gateway.send(instance, OsbCalls.provision(instance, context, instance.parameters())));
		Instant now = this.gateway.now();
		if (outcome instanceof Outcome.Done done) {
			String dashboardUrl = BrokerAnswers.text(done.body(), "dashboard_url");
			this.instances.succeeded(instance.id(), OperationKind.CREATE, instance.planId(), instance.parameters(),
					dashboardUrl, now);
			// No other operation can begin while this one runs: the row is what was
			// written.
			return new ServiceInstance(instance.id(), instance.displayName(), instance.customerId(),
					instance.projectId(), instance.marketplace(), instance.brokerId(), instance.deployment(),
					instance.serviceId(), instance.planId(), instance.parameters(), OperationState.SUCCEEDED,
					new LastOperation(OperationKind.CREATE, OperationState.SUCCEEDED, null, now), dashboardUrl,
					instance.createdAt());
		}
		if (outcome instanceof Outcome.Accepted accepted) {
			this.instances.applied(instance.id(), instance.planId(), instance.parameters(), accepted.dashboardUrl());
			this.tasks.poll(instance, TaskKind.POLL_PROVISION, accepted, instance.planId(), null);
			this.instances.progress(instance.id(), "The broker is provisioning the instance", now);
		}
		else {
			Outcome.Failed failed = (outcome instanceof Outcome.Failed f) ? f : new Outcome.Failed(
					"The broker answered the provision with HTTP 410", false, Outcome.Fault.BROKER);
			throw failed.problem("Instance " + instance.id(), failCreate(instance, failed.reason(), failed.mitigate()));
		}
		return reload(instance);
	}

	/**
	 * Asks the broker to change plan or parameters; the operation was begun by the
	 * caller.
	 */
	public ServiceInstance update(ServiceInstance instance, InstanceContext context, @Nullable String newPlanId,
			@Nullable String sentParameters, @Nullable String allParameters) {
		Outcome outcome = BrokerAnswers.classify(BrokerCall.UPDATE,
				this.gateway.send(instance, OsbCalls.update(instance, context, newPlanId, sentParameters)));
		String planId = (newPlanId != null) ? newPlanId : instance.planId();
		Instant now = this.gateway.now();
		if (outcome instanceof Outcome.Done done) {
			this.instances.succeeded(instance.id(), OperationKind.UPDATE, planId, allParameters,
					BrokerAnswers.text(done.body(), "dashboard_url"), now);
		}
		else if (outcome instanceof Outcome.Accepted accepted) {
			// The spec has the dashboard URL in the first answer, even for asynchronous
			// updates.
			this.instances.applied(instance.id(), instance.planId(), instance.parameters(), accepted.dashboardUrl());
			this.tasks.poll(instance, TaskKind.POLL_UPDATE, accepted, planId, allParameters);
			this.instances.progress(instance.id(), "The broker is updating the instance", now);
		}
		else {
			Outcome.Failed failed = (outcome instanceof Outcome.Failed f) ? f
					: new Outcome.Failed("The broker answered the update with HTTP 410", false, Outcome.Fault.BROKER);
			this.instances.operation(instance.id(), OperationKind.UPDATE, OperationState.FAILED, failed.reason(), now);
			throw failed.problem("Instance " + instance.id(), failed.reason());
		}
		return reload(instance);
	}

	/**
	 * Unbinds every binding, then deprovisions; the operation was begun by the caller.
	 * Returns the instance as it stands, or null once it is gone; throws what the
	 * broker's failure means once it is recorded.
	 */
	public @Nullable ServiceInstance delete(ServiceInstance instance, @Nullable InstanceContext context) {
		this.tasks.cancelAll(instance.id());
		boolean pending = false;
		for (ServiceBinding binding : this.bindings.ofInstance(instance.id())) {
			Outcome.Failed failed = this.bindingOperations.unbindForDelete(instance, binding, context);
			if (failed != null) {
				String description = "Could not unbind '" + binding.displayName() + "': " + failed.reason();
				this.instances.operation(instance.id(), OperationKind.DELETE, OperationState.FAILED, description,
						this.gateway.now());
				throw failed.problem("Instance " + instance.id(), description);
			}
			pending |= this.bindings.find(instance.id(), binding.id()).isPresent();
		}
		if (pending) {
			this.instances.progress(instance.id(), "Unbinding before the instance is deleted", this.gateway.now());
			return reload(instance);
		}
		Outcome.Failed failed = sendDeprovision(instance, context);
		if (failed != null) {
			throw failed.problem("Instance " + instance.id(), failed.reason());
		}
		return this.instances.find(instance.id()).orElse(null);
	}

	/**
	 * Sends the deprovision of an instance that has no bindings left; returns the
	 * instance as it stands, or null once it is gone.
	 */
	@Nullable ServiceInstance deprovision(ServiceInstance instance, @Nullable InstanceContext context) {
		sendDeprovision(instance, context);
		return this.instances.find(instance.id()).orElse(null);
	}

	/** Sends the deprovision and records what came of it; the failure, if it failed. */
	private Outcome.@Nullable Failed sendDeprovision(ServiceInstance instance, @Nullable InstanceContext context) {
		Outcome outcome = BrokerAnswers.classify(BrokerCall.DEPROVISION,
				this.gateway.send(instance, OsbCalls.deprovision(instance, context)));
		if (outcome instanceof Outcome.Accepted accepted) {
			this.tasks.poll(instance, TaskKind.POLL_DEPROVISION, accepted, instance.planId(), null);
			this.instances.progress(instance.id(), "The broker is deprovisioning the instance", this.gateway.now());
		}
		else if (outcome instanceof Outcome.Failed failed) {
			this.instances.operation(instance.id(), OperationKind.DELETE, OperationState.FAILED, failed.reason(),
					this.gateway.now());
			return failed;
		}
		else {
			this.instances.delete(instance.id());
		}
		return null;
	}

	/**
	 * Fetches the instance from the broker and keeps its dashboard URL and, when the
	 * broker returns them, its parameters.
	 */
	public ServiceInstance refresh(ServiceInstance instance) {
		OsbResponse response = this.gateway.send(instance, OsbCalls.fetchInstance(instance));
		JsonNode body = (response instanceof OsbResponse.Answered answer && answer.status() == 200)
				? BrokerAnswers.jsonObject(answer.body()) : null;
		if (body == null) {
			throw new BrokerFailure("Could not fetch the instance from the broker: " + response.explanation()
					+ ((response instanceof OsbResponse.Answered) ? " without the instance as a JSON object" : ""));
		}
		JsonNode parameters = body.get("parameters");
		this.instances.applied(instance.id(), instance.planId(),
				(parameters != null && parameters.isObject()) ? parameters.toString() : instance.parameters(),
				BrokerAnswers.text(body, "dashboard_url"));
		return reload(instance);
	}

	/**
	 * Marks a creation failed; where the broker may have created something, orders its
	 * deletion. Returns the description recorded.
	 */
	String failCreate(ServiceInstance instance, String reason, boolean mitigate) {
		String description = mitigate ? reason + MITIGATING : reason;
		this.instances.operation(instance.id(), OperationKind.CREATE, OperationState.FAILED, description,
				this.gateway.now());
		if (mitigate) {
			this.tasks.mitigateInstance(instance);
		}
		return description;
	}

	static final String MITIGATING = ". Bazaar is asking the broker to delete what it may have created (orphan mitigation)";

	private ServiceInstance reload(ServiceInstance instance) {
		return this.instances.find(instance.id()).orElse(instance);
	}

}
