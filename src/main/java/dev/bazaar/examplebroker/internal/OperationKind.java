package dev.bazaar.examplebroker.internal;

/** What an operation on an instance or binding does, in the words shown to users. */
public enum OperationKind {

	PROVISION("Creating", "Created"), UPDATE("Updating", "Updated"), DEPROVISION("Deleting", "Deleted"),
	BIND("Binding", "Bound"), UNBIND("Unbinding", "Unbound");

	private final String running;

	private final String done;

	OperationKind(String running, String done) {
		this.running = running;
		this.done = done;
	}

	String running() {
		return this.running;
	}

	String done() {
		return this.done;
	}

	boolean removes() {
		return this == DEPROVISION || this == UNBIND;
	}

}
