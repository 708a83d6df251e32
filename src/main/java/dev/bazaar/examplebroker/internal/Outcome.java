package dev.bazaar.examplebroker.internal;

/** The result of a request that changes an instance or binding, and what it now is. */
public record Outcome<T>(Completion completion, T subject) {

	/** How far the request got; decides 200, 201 or 202. */
	public enum Completion {

		/** Created by this request. */
		CREATED,
		/** Done: changed or deleted by this request, or already as requested. */
		DONE,
		/** Accepted and running asynchronously; the platform polls last_operation. */
		ACCEPTED

	}

}
