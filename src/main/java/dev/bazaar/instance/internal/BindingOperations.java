package dev.bazaar.instance.internal;

import java.util.UUID;

import dev.bazaar.instance.OperationKind;
import dev.bazaar.instance.OperationState;
import dev.bazaar.instance.ServiceBinding;
import dev.bazaar.instance.ServiceInstance;
import dev.bazaar.shared.crypto.SecretCipher;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

import org.springframework.stereotype.Component;

/**
 * Sends binds and unbinds and records what came of them. Asynchronous binds are only
 * asked for when the broker lets Bazaar fetch the binding afterwards
 * ({@code bindings_retrievable}).
 */
@Component
public class BindingOperations {

	private final BrokerGateway gateway;

	private final BindingRepository bindings;

	private final Tasks tasks;

	private final SecretCipher cipher;

	BindingOperations(BrokerGateway gateway, BindingRepository bindings, Tasks tasks, SecretCipher cipher) {
		this.gateway = gateway;
		this.bindings = bindings;
		this.tasks = tasks;
		this.cipher = cipher;
	}

	/**
	 * Asks the broker to bind; the binding was stored as in progress by the caller.
	 * Throws what the broker's failure means once it is recorded.
	 */
	public ServiceBinding bind(ServiceInstance instance, ServiceBinding binding, InstanceContext context) {
		boolean async = this.gateway.bindingsRetrievable(instance);
		Outcome outcome = BrokerAnswers.classify(BrokerCall.BIND, this.gateway.send(instance,
				OsbCalls.bind(instance, binding.id(), context, binding.parameters(), async)));
		if (outcome instanceof Outcome.Accepted && !async) {
			// Without bindings_retrievable Bazaar could never fetch the credentials.
			outcome = new Outcome.Failed(
					"The broker answered the bind with HTTP 202 although Bazaar did not ask for "
							+ "an asynchronous bind (the service does not declare bindings_retrievable)",
					true, Outcome.Fault.BROKER);
		}
		if (outcome instanceof Outcome.Done done) {
			storeCredentials(binding.id(), done.body());
			this.bindings.operation(binding.id(), OperationKind.CREATE, OperationState.SUCCEEDED, null,
					this.gateway.now());
		}
		else if (outcome instanceof Outcome.Accepted accepted) {
			this.tasks.poll(instance, binding.id(), TaskKind.POLL_BIND, accepted, instance.planId(), null);
			this.bindings.progress(binding.id(), "The broker is creating the binding", this.gateway.now());
		}
		else {
			Outcome.Failed failed = (outcome instanceof Outcome.Failed f) ? f
					: new Outcome.Failed("The broker answered the bind with HTTP 410", false, Outcome.Fault.BROKER);
			throw failed.problem("Binding " + binding.id(),
					failCreate(instance, binding.id(), failed.reason(), failed.mitigate()));
		}
		return reload(binding);
	}

	/**
	 * Asks the broker to unbind; returns the binding as it stands, or null once it is
	 * gone. Throws what the broker's failure means once it is recorded.
	 */
	public @Nullable ServiceBinding unbind(ServiceInstance instance, ServiceBinding binding,
			@Nullable InstanceContext context) {
		Outcome.Failed failed = unbindForDelete(instance, binding, context);
		if (failed != null) {
			throw failed.problem("Binding " + binding.id(), failed.reason());
		}
		return this.bindings.find(instance.id(), binding.id()).orElse(null);
	}

	/**
	 * Unbinds as part of deleting the instance: returns the failure, or null when the
	 * binding is gone or its removal is under way.
	 */
	Outcome.@Nullable Failed unbindForDelete(ServiceInstance instance, ServiceBinding binding,
			@Nullable InstanceContext context) {
		this.bindings.beginDelete(instance.id(), binding.id(), false, this.gateway.now());
		Outcome outcome = BrokerAnswers.classify(BrokerCall.UNBIND, this.gateway.send(instance,
				OsbCalls.unbind(instance, binding.id(), context, this.gateway.bindingsRetrievable(instance))));
		if (outcome instanceof Outcome.Accepted accepted) {
			this.tasks.poll(instance, binding.id(), TaskKind.POLL_UNBIND, accepted, instance.planId(), null);
			this.bindings.progress(binding.id(), "The broker is deleting the binding", this.gateway.now());
			return null;
		}
		if (outcome instanceof Outcome.Failed failed) {
			this.bindings.operation(binding.id(), OperationKind.DELETE, OperationState.FAILED, failed.reason(),
					this.gateway.now());
			return failed;
		}
		this.bindings.delete(binding.id());
		return null;
	}

	/**
	 * Marks a bind failed; where the broker may have created something, orders its
	 * deletion.
	 */
	String failCreate(ServiceInstance instance, UUID bindingId, String reason, boolean mitigate) {
		String description = mitigate ? reason + InstanceOperations.MITIGATING : reason;
		this.bindings.operation(bindingId, OperationKind.CREATE, OperationState.FAILED, description,
				this.gateway.now());
		if (mitigate) {
			this.tasks.mitigateBinding(instance, bindingId);
		}
		return description;
	}

	/** Keeps the {@code credentials} of a bind or fetch answer, encrypted. */
	void storeCredentials(UUID bindingId, JsonNode body) {
		JsonNode credentials = body.get("credentials");
		if (credentials != null && credentials.isObject()) {
			this.bindings.credentials(bindingId, this.cipher.encrypt(credentials.toString()));
		}
	}

	private ServiceBinding reload(ServiceBinding binding) {
		return this.bindings.find(binding.instanceId(), binding.id()).orElse(binding);
	}

}
