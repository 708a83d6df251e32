package dev.bazaar.examplebroker;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import dev.bazaar.support.Api;
import dev.bazaar.support.Api.Reply;

/** Calls the example broker over a real socket as an OSB platform would. */
final class OsbCalls {

	static final String POSTGRES = "5f0e1e3c-6a51-4c36-9d2b-0b7c1f3a9e01";

	static final String SMALL = "5f0e1e3c-6a51-4c36-9d2b-0b7c1f3a9e11";

	static final String LARGE = "5f0e1e3c-6a51-4c36-9d2b-0b7c1f3a9e12";

	static final String FAILING = "5f0e1e3c-6a51-4c36-9d2b-0b7c1f3a9e13";

	static final String QUEUE = "5f0e1e3c-6a51-4c36-9d2b-0b7c1f3a9e02";

	static final String STANDARD = "5f0e1e3c-6a51-4c36-9d2b-0b7c1f3a9e21";

	private static final String VERSION = "X-Broker-API-Version";

	private final Api api;

	private OsbCalls(Api api) {
		this.api = api;
	}

	static OsbCalls platform(int port) {
		return as(port, "example", "example-password");
	}

	static OsbCalls as(int port, String username, String password) {
		return new OsbCalls(Api.as(port, username, password).below("/example-broker").withHeader(VERSION, "2.17"));
	}

	OsbCalls anonymous() {
		return new OsbCalls(this.api.withoutHeader("Authorization"));
	}

	/** The same calls with that API version; none if empty. */
	OsbCalls withVersion(String version) {
		return new OsbCalls(
				version.isEmpty() ? this.api.withoutHeader(VERSION) : this.api.withHeader(VERSION, version));
	}

	static Map<String, Object> body(String serviceId, String planId, Map<String, Object> parameters) {
		return Map.of("service_id", serviceId, "plan_id", planId, "parameters", parameters);
	}

	Reply get(String path) {
		return this.api.get(path);
	}

	Reply put(String path, Object body) {
		return this.api.put(path, body);
	}

	Reply patch(String path, Object body) {
		return this.api.patch(path, body);
	}

	Reply delete(String path) {
		return this.api.delete(path);
	}

	/** Polls a last_operation path until the operation is no longer in progress. */
	Reply awaitLastOperation(String path) {
		Instant deadline = Instant.now().plusSeconds(10);
		Reply reply = get(path);
		while (reply.status() == 200 && "in progress".equals(reply.json().get("state").asString())
				&& Instant.now().isBefore(deadline)) {
			sleep(Duration.ofMillis(200));
			reply = get(path);
		}
		return reply;
	}

	private static void sleep(Duration duration) {
		try {
			Thread.sleep(duration.toMillis());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

}
