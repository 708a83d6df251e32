package dev.bazaar.examplebroker.internal;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.node.ObjectNode;

/** The requests the example broker serves, as the platform sent them. */
public final class ExampleBrokerCommands {

	private ExampleBrokerCommands() {
	}

	/** Provision an instance; see the spec's Provisioning. */
	public record Provision(String instanceId, String serviceId, String planId, ObjectNode parameters,
			boolean acceptsIncomplete) {
	}

	/**
	 * Change an instance's plan or parameters (null: unchanged); see Updating a Service
	 * Instance.
	 */
	public record Update(String instanceId, String serviceId, @Nullable String planId, @Nullable ObjectNode parameters,
			boolean acceptsIncomplete) {
	}

	/** Delete an instance; see Deprovisioning. */
	public record Deprovision(String instanceId, String serviceId, String planId, boolean acceptsIncomplete) {
	}

	/** Create a binding; see Binding. */
	public record Bind(String instanceId, String bindingId, String serviceId, String planId, ObjectNode parameters,
			boolean acceptsIncomplete) {
	}

	/** Delete a binding; see Unbinding. */
	public record Unbind(String instanceId, String bindingId, String serviceId, String planId,
			boolean acceptsIncomplete) {
	}

}
