package dev.bazaar.instance.internal;

import java.time.Duration;

import dev.bazaar.shared.BrokerFailure;
import dev.bazaar.shared.RequestRefused;
import dev.bazaar.shared.StateConflict;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * What a broker's answer to a provision, update, deprovision, bind or unbind means for
 * Bazaar.
 */
sealed interface Outcome {

	/**
	 * Done at once.
	 *
	 * @param body the answer's JSON object
	 */
	record Done(JsonNode body) implements Outcome {
	}

	/**
	 * The broker works on it asynchronously: poll its last operation.
	 *
	 * @param operation the broker's operation id to send back, or null
	 * @param retryAfter how long the broker asked to wait, or null
	 * @param dashboardUrl a dashboard URL in the answer, or null
	 */
	record Accepted(@Nullable String operation, @Nullable Duration retryAfter,
			@Nullable String dashboardUrl) implements Outcome {
	}

	/** The resource is gone at the broker (410 on a delete): a success. */
	record Gone() implements Outcome {
	}

	/**
	 * It failed.
	 *
	 * @param reason what users read
	 * @param mitigate whether Bazaar must delete what the broker may have created (orphan
	 * mitigation)
	 * @param fault whose the failure is, which decides how the API answers it
	 */
	record Failed(String reason, boolean mitigate, Fault fault) implements Outcome {

		/**
		 * The error the user's request ends with, once the failure is recorded.
		 * @param subject what failed, e.g. "Instance 42"
		 * @param description the description recorded for it
		 */
		RuntimeException problem(String subject, String description) {
			String detail = subject + " failed: " + description;
			if (this.fault == Fault.BUSY) {
				return new StateConflict(detail);
			}
			return (this.fault == Fault.REFUSED) ? new RequestRefused(detail) : new BrokerFailure(detail);
		}

	}

	/** Whose a failure is. */
	enum Fault {

		/** The broker refused the request (4xx): the request must change. */
		REFUSED,

		/**
		 * The broker is busy with another operation (422 ConcurrencyError): try later.
		 */
		BUSY,

		/** The broker failed (5xx, timeout, garbage, unexpected status). */
		BROKER

	}

}
