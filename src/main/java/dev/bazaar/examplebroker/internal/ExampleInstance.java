package dev.bazaar.examplebroker.internal;

import java.time.Instant;

import tools.jackson.databind.node.ObjectNode;

/** A service instance of the example broker and its last operation. */
public record ExampleInstance(String id, String serviceId, String planId, ObjectNode parameters,
		Operation operation) implements Operated {

	/** Whether it was provisioned completely and is not being changed. */
	boolean usableAt(Instant now) {
		return this.operation.succeededAt(now) && this.operation.kind() != OperationKind.DEPROVISION;
	}

	boolean provisioningAt(Instant now) {
		return this.operation.kind() == OperationKind.PROVISION && busyAt(now);
	}

	ExampleInstance with(Operation operation) {
		return new ExampleInstance(this.id, this.serviceId, this.planId, this.parameters, operation);
	}

	ExampleInstance changed(String planId, ObjectNode parameters, Operation operation) {
		return new ExampleInstance(this.id, this.serviceId, planId, parameters, operation);
	}

}
