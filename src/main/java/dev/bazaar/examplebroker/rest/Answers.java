package dev.bazaar.examplebroker.rest;

import dev.bazaar.examplebroker.internal.LastOperation;
import dev.bazaar.examplebroker.internal.Operation;
import dev.bazaar.examplebroker.internal.Outcome;
import dev.bazaar.examplebroker.internal.Outcome.Completion;
import dev.bazaar.examplebroker.rest.OsbWire.LastOperationResponse;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/** The status codes and headers the spec prescribes for outcomes and last operations. */
final class Answers {

	private Answers() {
	}

	static ResponseEntity.BodyBuilder status(Outcome<?> outcome) {
		return ResponseEntity.status(switch (outcome.completion()) {
			case CREATED -> HttpStatus.CREATED;
			case DONE -> HttpStatus.OK;
			case ACCEPTED -> HttpStatus.ACCEPTED;
		});
	}

	/** The operation to poll, only for accepted (asynchronous) outcomes. */
	static @Nullable String operationOf(Outcome<?> outcome, Operation operation) {
		return (outcome.completion() == Completion.ACCEPTED) ? operation.id() : null;
	}

	static ResponseEntity<LastOperationResponse> lastOperation(LastOperation last) {
		ResponseEntity.BodyBuilder answer = ResponseEntity.ok();
		if (last.state() == LastOperation.State.IN_PROGRESS) {
			// Async operations take seconds here; polling every second shows progress.
			answer.header("Retry-After", "1");
		}
		return answer.body(new LastOperationResponse(last.state().value(), last.description()));
	}

}
