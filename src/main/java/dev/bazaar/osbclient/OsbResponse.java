package dev.bazaar.osbclient;

import java.util.List;
import java.util.Map;

/**
 * What came of a call to a broker: an answer with a status, or a failure before any
 * answer.
 */
public sealed interface OsbResponse {

	/** How long the call took, in milliseconds. */
	long durationMs();

	/** A sentence that says what happened, for people (for example in a 422 detail). */
	String explanation();

	/**
	 * The broker answered.
	 *
	 * @param status the HTTP status
	 * @param headers the response headers (names lower-case)
	 * @param body the body as text (UTF-8), empty when there was none
	 * @param durationMs how long the call took
	 */
	record Answered(int status, Map<String, List<String>> headers, String body,
			long durationMs) implements OsbResponse {

		@Override
		public String explanation() {
			return "the broker answered HTTP " + this.status;
		}

	}

	/**
	 * No usable answer: the call failed.
	 *
	 * @param kind what kind of failure
	 * @param message what happened, for people
	 * @param durationMs how long the call took
	 */
	record Failed(FailureKind kind, String message, long durationMs) implements OsbResponse {

		@Override
		public String explanation() {
			return this.message;
		}

	}

	/** The kinds of failure a call can end in. */
	enum FailureKind {

		/**
		 * No connection within the connect timeout, or no answer within the response
		 * timeout.
		 */
		TIMEOUT,
		/** Nothing listens at that host and port. */
		CONNECTION_REFUSED,
		/** The host name does not resolve. */
		UNKNOWN_HOST,
		/**
		 * The TLS handshake failed: untrusted certificate, host-name mismatch, expired.
		 */
		TLS,
		/** The answer was larger than the configured cap. */
		RESPONSE_TOO_LARGE,
		/** Any other input/output failure (connection reset, malformed HTTP). */
		IO

	}

}
