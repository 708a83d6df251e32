package dev.bazaar.examplebroker.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/**
 * An operation on an instance or binding; it completes by time alone ({@code readyAt}),
 * so any node answers the same without timers.
 */
public record Operation(OperationKind kind, String id, Instant startedAt, Instant readyAt, boolean fails) {

	static Operation start(OperationKind kind, Instant now, Duration duration, boolean fails) {
		String id = kind.name().toLowerCase() + "-" + UUID.randomUUID();
		return new Operation(kind, id, now, now.plus(duration), fails);
	}

	static Operation immediate(OperationKind kind, Instant now) {
		return start(kind, now, Duration.ZERO, false);
	}

	public boolean inProgressAt(Instant now) {
		return now.isBefore(this.readyAt);
	}

	boolean succeededAt(Instant now) {
		return !inProgressAt(now) && !this.fails;
	}

	/** Whether the instance or binding no longer exists: its removal has completed. */
	boolean removedAt(Instant now) {
		return this.kind.removes() && !inProgressAt(now);
	}

	LastOperation lastOperationAt(Instant now) {
		if (inProgressAt(now)) {
			return new LastOperation(LastOperation.State.IN_PROGRESS,
					this.kind.running() + " (" + percentDoneAt(now) + "%)");
		}
		if (this.fails) {
			return new LastOperation(LastOperation.State.FAILED,
					"Provisioning failed: the plan 'failing' always fails, "
							+ "to show how failures look. Delete the instance and choose another plan.");
		}
		return new LastOperation(LastOperation.State.SUCCEEDED, this.kind.done());
	}

	private long percentDoneAt(Instant now) {
		long total = Duration.between(this.startedAt, this.readyAt).toMillis();
		long done = Duration.between(this.startedAt, now).toMillis();
		return Math.max(0, Math.min(99, done * 100 / Math.max(1, total)));
	}

}
