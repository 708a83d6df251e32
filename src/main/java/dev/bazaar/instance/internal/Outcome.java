package dev.bazaar.instance.internal;

import java.time.Duration;

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
	 * @param brokerError whether the broker failed (5xx, timeout, garbage) rather than
	 * refused (4xx)
	 */
	record Failed(String reason, boolean mitigate, boolean brokerError) implements Outcome {
	}

}
