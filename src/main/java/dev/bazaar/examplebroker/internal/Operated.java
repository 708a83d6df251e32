package dev.bazaar.examplebroker.internal;

import java.time.Instant;
import java.util.Optional;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** An instance or binding: what it was ordered with, and its last operation. */
interface Operated {

	String serviceId();

	String planId();

	ObjectNode parameters();

	Operation operation();

	/** Whether it no longer exists: its removal has completed. */
	default boolean removedAt(Instant now) {
		return operation().removedAt(now);
	}

	default boolean busyAt(Instant now) {
		return operation().inProgressAt(now);
	}

	/** Whether a repeated request for it asks for the same. */
	default boolean sameAs(String serviceId, String planId, JsonNode parameters) {
		return serviceId().equals(serviceId) && planId().equals(planId) && parameters().equals(parameters);
	}

	/** Its last operation as last_operation reports it; none once it no longer exists. */
	default Optional<LastOperation> lastOperationAt(Instant now) {
		return removedAt(now) ? Optional.empty() : Optional.of(operation().lastOperationAt(now));
	}

}
