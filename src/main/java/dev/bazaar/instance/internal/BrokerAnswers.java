package dev.bazaar.instance.internal;

import dev.bazaar.osbclient.OsbResponse;
import dev.bazaar.osbclient.OsbResponse.FailureKind;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads brokers' answers as the OSB spec's orphan mitigation table (v2.15) says: which
 * answers are successes, which failures, and which failures may have left something
 * behind at the broker.
 */
final class BrokerAnswers {

	private static final JsonMapper json = JsonMapper.builder().build();

	private BrokerAnswers() {
	}

	static Outcome classify(BrokerCall call, OsbResponse response) {
		if (response instanceof OsbResponse.Failed failed) {
			return noAnswer(call, failed);
		}
		OsbResponse.Answered answer = (OsbResponse.Answered) response;
		int status = answer.status();
		JsonNode body = jsonObject(answer.body());
		if (status == 200 || status == 201) {
			if (body == null) {
				boolean mitigate = status == 201 && call.creates();
				return new Outcome.Failed("The broker answered the " + call.verb() + " with HTTP " + status
						+ " but its body is not a JSON object", mitigate, Outcome.Fault.BROKER);
			}
			return new Outcome.Done(body);
		}
		if (status == 202) {
			return new Outcome.Accepted(text(body, "operation"), RetryAfter.parse(answer.headers()),
					text(body, "dashboard_url"));
		}
		if (status == 410 && call.deletes()) {
			return new Outcome.Gone();
		}
		return failure(call, status, body);
	}

	private static Outcome failure(BrokerCall call, int status, @Nullable JsonNode body) {
		String said = brokerSaid(body);
		if (status >= 200 && status < 300) {
			return new Outcome.Failed(
					"The broker answered the " + call.verb() + " with an unexpected HTTP " + status + said,
					call.mayOrphan(), Outcome.Fault.BROKER);
		}
		if (status == 408) {
			return new Outcome.Failed(
					"The broker timed out receiving the " + call.verb() + " request (HTTP 408)" + said + "; try again",
					false, Outcome.Fault.BROKER);
		}
		if (status == 422 && "ConcurrencyError".equals(text(body, "error"))) {
			return new Outcome.Failed("The broker is busy with another operation on this instance (ConcurrencyError)"
					+ said + "; try again later", false, Outcome.Fault.BUSY);
		}
		if (status >= 400 && status < 500) {
			String code = (text(body, "error") != null) ? " " + text(body, "error") : "";
			return new Outcome.Failed("The broker refused the " + call.verb() + " (HTTP " + status + code + ")" + said,
					false, Outcome.Fault.REFUSED);
		}
		return new Outcome.Failed("The broker failed to " + call.verb() + " (HTTP " + status + ")" + said,
				call.mayOrphan(), Outcome.Fault.BROKER);
	}

	private static Outcome noAnswer(BrokerCall call, OsbResponse.Failed failed) {
		// A request that never reached the broker cannot have created anything; one that
		// may have
		// reached it (timeout, broken answer) can.
		boolean reached = failed.kind() == FailureKind.TIMEOUT || failed.kind() == FailureKind.IO
				|| failed.kind() == FailureKind.RESPONSE_TOO_LARGE;
		return new Outcome.Failed("No answer to the " + call.verb() + ": " + failed.explanation(),
				reached && call.creates(), Outcome.Fault.BROKER);
	}

	/** The broker's {@code description}, as ": description", or empty. */
	static String brokerSaid(@Nullable JsonNode body) {
		String description = text(body, "description");
		return (description != null && !description.isBlank()) ? ": " + description : "";
	}

	static @Nullable JsonNode jsonObject(String body) {
		if (body == null || body.isBlank()) {
			return null;
		}
		try {
			JsonNode node = json.readTree(body);
			return (node != null && node.isObject()) ? node : null;
		}
		catch (RuntimeException ex) {
			return null;
		}
	}

	static @Nullable String text(@Nullable JsonNode body, String field) {
		if (body == null) {
			return null;
		}
		JsonNode value = body.get(field);
		return (value != null && value.isString() && !value.asString().isEmpty()) ? value.asString() : null;
	}

}
