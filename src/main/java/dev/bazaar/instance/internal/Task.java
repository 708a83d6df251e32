package dev.bazaar.instance.internal;

import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * A piece of background work on an instance or binding.
 *
 * @param id the task's id
 * @param instanceId the instance concerned
 * @param bindingId the binding concerned, if any
 * @param kind what to do
 * @param brokerOperation the broker's operation id to poll with, if any
 * @param planId the plan to send (and, for updates, to apply on success), if any
 * @param payload kind-specific data (the parameters of an update), if any
 * @param dueAt when it is due (or until when a node holds it)
 * @param deadlineAt when polling stops, if it does
 * @param attempts how often it ran
 */
record Task(UUID id, UUID instanceId, @Nullable UUID bindingId, TaskKind kind, @Nullable String brokerOperation,
		@Nullable String planId, @Nullable String payload, Instant dueAt, @Nullable Instant deadlineAt, int attempts) {

	static Task of(UUID instanceId, @Nullable UUID bindingId, TaskKind kind, @Nullable String brokerOperation,
			@Nullable String planId, @Nullable String payload, Instant dueAt, @Nullable Instant deadlineAt) {
		return new Task(UUID.randomUUID(), instanceId, bindingId, kind, brokerOperation, planId, payload, dueAt,
				deadlineAt, 0);
	}

	/** This task as claimed until {@code leaseUntil}, its due time while held. */
	Task heldUntil(Instant leaseUntil) {
		return new Task(this.id, this.instanceId, this.bindingId, this.kind, this.brokerOperation, this.planId,
				this.payload, leaseUntil, this.deadlineAt, this.attempts);
	}

}
