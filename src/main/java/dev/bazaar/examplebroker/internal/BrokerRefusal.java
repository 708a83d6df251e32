package dev.bazaar.examplebroker.internal;

/**
 * A request the example broker refuses; the reason decides the status and OSB error code
 * of the answer.
 */
public class BrokerRefusal extends RuntimeException {

	private final Reason reason;

	BrokerRefusal(Reason reason, String description) {
		super(description);
		this.reason = reason;
	}

	public Reason reason() {
		return this.reason;
	}

	/** Why a request was refused. */
	public enum Reason {

		/**
		 * Malformed, unknown service or plan, or parameters that violate the plan's
		 * schema.
		 */
		BAD_REQUEST,
		/** An instance or binding of that id exists with other attributes. */
		CONFLICT,
		/**
		 * The instance or binding does not exist (or a provisioning is still running).
		 */
		NOT_FOUND,
		/** The instance or binding to delete does not exist. */
		GONE,
		/** The plan works asynchronously only, and the platform did not accept that. */
		ASYNC_REQUIRED,
		/** Another operation on the same resource is running. */
		CONCURRENCY,
		/** The change is not supported, such as a plan change the service forbids. */
		UNPROCESSABLE

	}

	static BrokerRefusal badRequest(String description) {
		return new BrokerRefusal(Reason.BAD_REQUEST, description);
	}

	static BrokerRefusal conflict(String description) {
		return new BrokerRefusal(Reason.CONFLICT, description);
	}

	static BrokerRefusal notFound(String description) {
		return new BrokerRefusal(Reason.NOT_FOUND, description);
	}

	static BrokerRefusal gone(String description) {
		return new BrokerRefusal(Reason.GONE, description);
	}

	static BrokerRefusal asyncRequired() {
		return new BrokerRefusal(Reason.ASYNC_REQUIRED,
				"This service plan requires client support for asynchronous service operations; "
						+ "add ?accepts_incomplete=true");
	}

	static BrokerRefusal concurrency(String description) {
		return new BrokerRefusal(Reason.CONCURRENCY, description);
	}

	static BrokerRefusal unprocessable(String description) {
		return new BrokerRefusal(Reason.UNPROCESSABLE, description);
	}

}
