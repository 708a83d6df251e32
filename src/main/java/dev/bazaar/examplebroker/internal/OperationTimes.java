package dev.bazaar.examplebroker.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * When the example broker's operations run: the clock, and how long an asynchronous
 * operation stays in progress.
 */
class OperationTimes {

	private final Clock clock;

	private final Duration asyncDuration;

	OperationTimes(Clock clock, ExampleBrokerProperties properties) {
		this.clock = clock;
		this.asyncDuration = properties.asyncDuration();
	}

	Instant now() {
		return this.clock.instant();
	}

	/** An operation from now: complete at once, or in progress while asynchronous. */
	Operation start(OperationKind kind, Instant now, boolean async, boolean fails) {
		return async ? Operation.start(kind, now, this.asyncDuration, fails) : Operation.immediate(kind, now);
	}

}
