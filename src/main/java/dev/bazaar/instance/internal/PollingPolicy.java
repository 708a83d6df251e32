package dev.bazaar.instance.internal;

import java.time.Duration;
import java.time.Instant;

import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * When to poll again and when to give up: the broker's {@code Retry-After} when it sends
 * one, otherwise a back-off from a few seconds to a cap; polling stops at the plan's
 * {@code maximum_polling_duration} or Bazaar's maximum, whichever comes first.
 */
@Component
class PollingPolicy {

	private final Duration firstInterval;

	private final Duration maxInterval;

	private final Duration maxDuration;

	private final Duration mitigationMaxInterval;

	PollingPolicy(@Value("${bazaar.polling.first-interval:2s}") Duration firstInterval,
			@Value("${bazaar.polling.max-interval:60s}") Duration maxInterval,
			@Value("${bazaar.polling.max-duration:24h}") Duration maxDuration,
			@Value("${bazaar.polling.mitigation-max-interval:10m}") Duration mitigationMaxInterval) {
		this.firstInterval = firstInterval;
		this.maxInterval = maxInterval;
		this.maxDuration = maxDuration;
		this.mitigationMaxInterval = mitigationMaxInterval;
	}

	/**
	 * When to poll next after {@code attempts} polls, honouring the broker's Retry-After.
	 */
	Instant nextPoll(Instant now, int attempts, @Nullable Duration retryAfter) {
		if (retryAfter != null) {
			// The broker knows best how long its work takes: max-interval only caps
			// Bazaar's own back-off; the polling deadline still ends it all.
			return now.plus(min(retryAfter, this.maxDuration));
		}
		return now.plus(backoff(attempts, this.maxInterval));
	}

	/** When to try an orphan mitigation again after {@code attempts} tries. */
	Instant nextMitigation(Instant now, int attempts) {
		return now.plus(backoff(attempts, this.mitigationMaxInterval));
	}

	/** When to stop polling an operation that starts now. */
	Instant deadline(Instant now, @Nullable Integer planMaximumSeconds) {
		Duration limit = this.maxDuration;
		if (planMaximumSeconds != null && planMaximumSeconds > 0) {
			limit = min(limit, Duration.ofSeconds(planMaximumSeconds));
		}
		return now.plus(limit);
	}

	Duration maxDuration() {
		return this.maxDuration;
	}

	private Duration backoff(int attempts, Duration cap) {
		Duration wait = this.firstInterval.multipliedBy(1L << Math.min(Math.max(attempts, 0), 20));
		return min(wait, cap);
	}

	private static Duration min(Duration a, Duration b) {
		return (a.compareTo(b) <= 0) ? a : b;
	}

}
