package dev.bazaar.instance.internal;

import java.time.Duration;

import dev.bazaar.osbclient.OsbResponse;
import org.jspecify.annotations.Nullable;

/** What an answer to {@code GET .../last_operation} says. */
sealed interface PollOutcome {

	/**
	 * Still running.
	 *
	 * @param description what the broker said of its progress, or null
	 * @param retryAfter when the broker asked to be polled again, or null
	 */
	record InProgress(@Nullable String description, @Nullable Duration retryAfter) implements PollOutcome {
	}

	/**
	 * Finished.
	 *
	 * @param description what the broker said, or null
	 */
	record Succeeded(@Nullable String description) implements PollOutcome {
	}

	/**
	 * The operation failed.
	 *
	 * @param description the broker's reason, or null
	 */
	record Failed(@Nullable String description) implements PollOutcome {
	}

	/** 410 Gone: a success for deletes, an invalid answer otherwise. */
	record Gone() implements PollOutcome {
	}

	/**
	 * No valid answer (5xx, timeout, garbage): poll again.
	 *
	 * @param reason what was wrong
	 * @param retryAfter when the broker asked to be polled again, or null
	 */
	record Invalid(String reason, @Nullable Duration retryAfter) implements PollOutcome {
	}

	/**
	 * Whether the operation goes on as far as this answer tells: in progress, no valid
	 * answer, or 410 Gone where it does not mean done.
	 */
	static boolean goesOn(PollOutcome outcome, boolean goneMeansDone) {
		return outcome instanceof InProgress || outcome instanceof Invalid
				|| (outcome instanceof Gone && !goneMeansDone);
	}

	/** When the broker asked to be polled again, if it did. */
	static @Nullable Duration retryAfter(PollOutcome outcome) {
		if (outcome instanceof InProgress progress) {
			return progress.retryAfter();
		}
		return (outcome instanceof Invalid invalid) ? invalid.retryAfter() : null;
	}

	static PollOutcome classify(OsbResponse response) {
		if (response instanceof OsbResponse.Failed failed) {
			return new Invalid(failed.explanation(), null);
		}
		OsbResponse.Answered answer = (OsbResponse.Answered) response;
		Duration retryAfter = RetryAfter.parse(answer.headers());
		if (answer.status() == 410) {
			return new Gone();
		}
		LastOperationBody body = LastOperationBody.read(answer.body());
		if (answer.status() != 200 || body == null) {
			return new Invalid(
					"the broker answered HTTP " + answer.status() + ((body == null) ? " without a JSON object" : ""),
					retryAfter);
		}
		String description = body.description();
		String state = body.state();
		if ("in progress".equals(state)) {
			return new InProgress(description, retryAfter);
		}
		if ("succeeded".equals(state)) {
			return new Succeeded(description);
		}
		if ("failed".equals(state)) {
			return new Failed(description);
		}
		return new Invalid("the broker answered an unknown state '" + state + "'", retryAfter);
	}

}
