package dev.bazaar.commlog;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.bazaar.commlog.BrokerDirectory.LoggedBroker;
import dev.bazaar.support.Api;
import dev.bazaar.support.FakeBroker;
import dev.bazaar.support.Tenants;
import dev.bazaar.support.Tenants.TestCustomer;
import org.jspecify.annotations.Nullable;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A customer with a broker registered on a fake broker (whose catalog fetch is its first
 * log), and logs of that broker written as the test needs them.
 */
final class LogFixture implements AutoCloseable {

	static final String SECRET = "broker-secret";

	final TestCustomer customer;

	final FakeBroker fake;

	final LoggedBroker broker;

	private final CommunicationLogs logs;

	LogFixture(int port, CommunicationLogs logs, BrokerDirectory brokers) {
		this.logs = logs;
		this.customer = Tenants.aCustomer(port);
		this.fake = FakeBroker.start();
		String identifier = "logs-" + this.customer.identifier();
		Map<String, Object> body = new HashMap<>();
		body.put("name", "Logged");
		body.put("identifier", identifier);
		body.put("endpoint", this.fake.url());
		body.put("username", FakeBroker.USERNAME);
		body.put("password", SECRET);
		Api.Reply reply = this.customer.admin()
			.post("/api/customers/" + this.customer.identifier() + "/service-brokers", body);
		assertThat(reply.status()).as(reply.toString()).isEqualTo(201);
		this.broker = brokers.findByIdentifier(identifier).orElseThrow();
	}

	String identifier() {
		return this.broker.identifier();
	}

	/** Writes a log of this broker and returns nothing: search to find its id. */
	void log(Instant at, OperationType type, @Nullable Integer code, @Nullable String planId,
			@Nullable String instanceId, @Nullable String location) {
		log(at, type, code, planId, instanceId, location, "https://broker.example/v2/x", null);
	}

	void log(Instant at, OperationType type, @Nullable Integer code, @Nullable String planId,
			@Nullable String instanceId, @Nullable String location, String url, @Nullable String responseBody) {
		this.logs.record(new NewCommunicationLog(at, this.broker.id(), this.broker.identifier(),
				this.broker.customerId(), location, type, (type == OperationType.FETCH_CATALOG) ? "GET" : "PUT", url,
				Map.of("Authorization", List.of("Basic c2VjcmV0"), "X-Broker-API-Version", List.of("2.17")),
				"{\"plan_id\":\"" + planId + "\"}", code, Map.of("Content-Type", List.of("application/json")),
				responseBody, 12, (code == null) ? "TIMEOUT: no answer within 60 s" : null, planId, instanceId,
				UUID.randomUUID().toString()));
	}

	@Override
	public void close() {
		this.fake.close();
	}

}
