package dev.bazaar.examplebroker.internal;

/** How a plan's instances are provisioned, updated and deleted. */
public enum PlanMode {

	/** Every operation completes within the request. */
	SYNCHRONOUS,

	/** Operations take {@code bazaar.example-broker.async-seconds}; bindings may too. */
	ASYNCHRONOUS,

	/**
	 * Provisioning runs asynchronously and always ends {@code failed}, to demonstrate
	 * failures.
	 */
	FAILING;

	public boolean isAsynchronous() {
		return this != SYNCHRONOUS;
	}

}
