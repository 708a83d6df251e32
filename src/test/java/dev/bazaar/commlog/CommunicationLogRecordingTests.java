package dev.bazaar.commlog;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.bazaar.support.BazaarTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/** A call to a broker is logged whatever becomes of the work around it. */
@BazaarTest
class CommunicationLogRecordingTests {

	@Autowired
	CommunicationLogs logs;

	@Autowired
	PlatformTransactionManager transactions;

	@Autowired
	JdbcClient jdbc;

	@Test
	void aLogStaysWhenTheCallersTransactionRollsBack() {
		UUID brokerId = UUID.randomUUID();
		new TransactionTemplate(this.transactions).executeWithoutResult((status) -> {
			this.logs.record(log(brokerId));
			status.setRollbackOnly();
		});
		assertThat(count(brokerId)).isEqualTo(1);
	}

	@Test
	void aLogIsStoredOutsideAnyTransaction() {
		UUID brokerId = UUID.randomUUID();
		this.logs.record(log(brokerId));
		assertThat(count(brokerId)).isEqualTo(1);
	}

	@Test
	void logsRecordedTogetherStayWhenTheCallersTransactionRollsBack() {
		UUID brokerId = UUID.randomUUID();
		new TransactionTemplate(this.transactions).executeWithoutResult((status) -> {
			this.logs.recordAll(List.of(log(brokerId), log(brokerId), log(brokerId)));
			status.setRollbackOnly();
		});
		assertThat(count(brokerId)).isEqualTo(3);
	}

	@Test
	void logsRecordedTogetherHaveTheirCredentialsMasked() {
		UUID brokerId = UUID.randomUUID();
		NewCommunicationLog log = log(brokerId);
		this.logs.recordAll(List.of(new NewCommunicationLog(log.requestedAt(), brokerId, "recorded", log.customerId(),
				null, OperationType.FETCH_CATALOG, "GET", log.url(),
				Map.of("Authorization", List.of("Basic c2VjcmV0LXVzZXI6c2VjcmV0LXB3")), null, 200, Map.of(), "{}", 3,
				null, null, null, log.requestIdentity())));
		String headers = this.jdbc.sql("select request_headers from communication_log where broker_id = ?")
			.param(brokerId)
			.query(String.class)
			.single();
		assertThat(headers).contains("Authorization").doesNotContain("c2VjcmV0LXVzZXI6c2VjcmV0LXB3");
	}

	@Test
	void everyLogThatCanBeStoredIsStoredWhenAnotherOfTheBatchCannotBe() {
		UUID brokerId = UUID.randomUUID();
		NewCommunicationLog good = log(brokerId);
		// Longer than the column: this row fails, and with it the batch.
		NewCommunicationLog bad = new NewCommunicationLog(good.requestedAt(), brokerId, "x".repeat(100),
				good.customerId(), null, OperationType.FETCH_CATALOG, "GET", good.url(), Map.of(), null, 200, Map.of(),
				"{}", 3, null, null, null, UUID.randomUUID().toString());

		this.logs.recordAll(List.of(log(brokerId), bad, log(brokerId), log(brokerId)));

		assertThat(count(brokerId)).isEqualTo(3);
	}

	private long count(UUID brokerId) {
		return this.jdbc.sql("select count(*) from communication_log where broker_id = ?")
			.param(brokerId)
			.query(Long.class)
			.single();
	}

	private static NewCommunicationLog log(UUID brokerId) {
		return new NewCommunicationLog(Instant.now(), brokerId, "recorded", UUID.randomUUID(), null,
				OperationType.FETCH_CATALOG, "GET", "https://broker.example/v2/catalog",
				Map.of("X-Broker-API-Version", List.of("2.17")), null, 200,
				Map.of("Content-Type", List.of("application/json")), "{}", 3, null, null, null,
				UUID.randomUUID().toString());
	}

}
