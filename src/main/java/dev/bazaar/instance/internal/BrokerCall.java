package dev.bazaar.instance.internal;

/**
 * The OSB requests that change instances and bindings; they differ in how answers are
 * read.
 */
enum BrokerCall {

	PROVISION("provision"), UPDATE("update"), DEPROVISION("deprovision"), BIND("bind"), UNBIND("unbind");

	private final String verb;

	BrokerCall(String verb) {
		this.verb = verb;
	}

	String verb() {
		return this.verb;
	}

	/**
	 * Whether a failure of this call may have left something behind at the broker (OSB
	 * orphan mitigation).
	 */
	boolean mayOrphan() {
		return this != UPDATE;
	}

	/** Whether the call creates something, whose answer must be a valid body. */
	boolean creates() {
		return this == PROVISION || this == BIND;
	}

	boolean deletes() {
		return this == DEPROVISION || this == UNBIND;
	}

}
