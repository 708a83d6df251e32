package dev.bazaar.examplebroker.internal;

import java.time.Instant;

import tools.jackson.databind.node.ObjectNode;

/** A binding of an example instance: generated credentials and its last operation. */
public record ExampleBinding(String instanceId, String id, String serviceId, String planId, ObjectNode parameters,
		String username, String password, Operation operation) implements Operated {

	/** Whether it can be fetched: bound completely and not being removed. */
	public boolean readyAt(Instant now) {
		return this.operation.kind() == OperationKind.BIND && this.operation.succeededAt(now);
	}

	ExampleBinding with(Operation operation) {
		return new ExampleBinding(this.instanceId, this.id, this.serviceId, this.planId, this.parameters, this.username,
				this.password, operation);
	}

	/** The credentials an application uses to connect to the pretend database. */
	public Credentials credentials() {
		String host = "example-postgres.bazaar.invalid";
		int port = 5432;
		String database = "db_" + this.instanceId.replaceAll("[^A-Za-z0-9]", "").toLowerCase();
		String uri = "postgresql://" + this.username + ":" + this.password + "@" + host + ":" + port + "/" + database;
		return new Credentials(uri, this.username, this.password, host, port, database);
	}

	/** Connection details as returned in {@code credentials}. */
	public record Credentials(String uri, String username, String password, String host, int port, String database) {

	}

}
