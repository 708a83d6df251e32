package dev.bazaar.commlog;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import dev.bazaar.commlog.internal.CommunicationLogRepository;
import dev.bazaar.commlog.internal.LogBodies;
import dev.bazaar.shared.jdbc.Timestamps;
import dev.bazaar.support.Api;
import dev.bazaar.support.BazaarTest;
import dev.bazaar.support.WrittenTables;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Long bodies of logs are stored once, under their hash, and read back as if they were in
 * the log's row (ADR 0010).
 */
@BazaarTest
@Import(WrittenTables.class)
class LogBodyStorageTests {

	static final Instant T0 = Instant.parse("2026-11-27T10:00:00Z");

	@LocalServerPort
	int port;

	@Autowired
	CommunicationLogs logs;

	@Autowired
	CommunicationLogRepository repository;

	@Autowired
	BrokerDirectory brokers;

	@Autowired
	WrittenTables written;

	@Autowired
	JdbcClient jdbc;

	LogFixture fixture;

	@BeforeEach
	void registerBroker() {
		this.fixture = new LogFixture(this.port, this.logs, this.brokers);
	}

	@AfterEach
	void stopBroker() {
		this.fixture.close();
	}

	@Test
	void storesALongBodyOnceForEveryLogOfEveryBrokerThatReceivedIt() {
		String catalog = longBody("once");
		try (LogFixture other = new LogFixture(this.port, this.logs, this.brokers)) {
			for (int i = 0; i < 3; i++) {
				this.fixture.log(T0.plusSeconds(i), OperationType.FETCH_CATALOG, 200, null, null, null, "u", catalog);
			}
			other.log(T0, OperationType.FETCH_CATALOG, 200, null, null, null, "u", catalog);

			assertThat(bodyRows(sha256(catalog))).isEqualTo(1);
			assertThat(this.jdbc.sql("""
					select count(*) from communication_log
					where broker_id in (?, ?) and response_body is null and response_body_hash = ?""")
				.params(this.fixture.broker.id(), other.broker.id(), sha256(catalog))
				.query(Long.class)
				.single()).isEqualTo(4);
			assertThat(ids(this.fixture.identifier(), "u")).hasSize(3)
				.allSatisfy((id) -> assertThat(detail(this.fixture.identifier(), id).get("responseBody").asString())
					.isEqualTo(catalog));
		}
	}

	@Test
	void keepsShortBodiesInTheLogsRow() {
		this.fixture.log(T0, OperationType.PROVISION_INSTANCE, 201, "p", "i", null, "u", "{\"dashboard_url\":\"x\"}");

		Map<String, Object> row = this.jdbc.sql("""
				select request_body, request_body_hash, response_body, response_body_hash from communication_log
				where broker_id = ? and url = 'u'""").param(this.fixture.broker.id()).query().singleRow();

		assertThat(row).containsEntry("response_body", "{\"dashboard_url\":\"x\"}")
			.containsEntry("response_body_hash", null)
			.containsEntry("request_body", "{\"plan_id\":\"p\"}")
			.containsEntry("request_body_hash", null);
		assertThat(bodyRows(sha256("{\"dashboard_url\":\"x\"}"))).isZero();
	}

	@Test
	void sendsAKnownBodyToTheDatabaseOnlyOnce() {
		String catalog = longBody("known");
		this.fixture.log(T0, OperationType.FETCH_CATALOG, 200, null, null, null, "u", catalog);
		this.written.reset();

		this.fixture.log(T0.plusSeconds(600), OperationType.FETCH_CATALOG, 200, null, null, null, "u", catalog);

		assertThat(this.written.since()).as("the log's row only")
			.doesNotContainKey("log_body")
			.containsEntry("communication_log", 1);
		assertThat(this.written.statements()).filteredOn((sql) -> sql.contains("log_body"))
			.as("an existence check by hash, without the body")
			.containsExactly("select last_logged_at from log_body where hash = ?");
	}

	@Test
	void storesTheBodyAgainWhenItWasDeletedSinceItWasStored() {
		String catalog = longBody("deleted");
		this.fixture.log(T0, OperationType.FETCH_CATALOG, 200, null, null, null, "first", catalog);
		// As another node's retention cleanup would, had every log that used it expired.
		this.jdbc.sql("delete from log_body where hash = ?").param(sha256(catalog)).update();

		this.fixture.log(T0.plusSeconds(1), OperationType.FETCH_CATALOG, 200, null, null, null, "second", catalog);

		assertThat(bodyRows(sha256(catalog))).isEqualTo(1);
		assertThat(
				detail(this.fixture.identifier(), ids(this.fixture.identifier(), "second").get(0)).get("responseBody")
					.asString())
			.isEqualTo(catalog);
	}

	@Test
	void renewsWhenABodyWasLastLoggedOnlyWhenItIsADayOld() {
		String catalog = longBody("renewed");
		Instant later = T0.plus(LogBodies.RENEWAL).plusSeconds(1);

		this.fixture.log(T0, OperationType.FETCH_CATALOG, 200, null, null, null, "u", catalog);
		this.fixture.log(T0.plus(LogBodies.RENEWAL), OperationType.FETCH_CATALOG, 200, null, null, null, "u", catalog);
		Instant notRenewed = lastLogged(catalog);
		this.fixture.log(later, OperationType.FETCH_CATALOG, 200, null, null, null, "u", catalog);

		assertThat(notRenewed).isEqualTo(T0);
		assertThat(lastLogged(catalog)).isEqualTo(later);
		this.fixture.log(T0.minusSeconds(60), OperationType.FETCH_CATALOG, 200, null, null, null, "u", catalog);
		assertThat(lastLogged(catalog)).as("an older log leaves it").isEqualTo(later);
	}

	@Test
	void masksBindingCredentialsBeforeTheBodyIsHashedAndStored() {
		String answer = "{\"credentials\":{\"password\":\"db-pass-42\"},\"parameters\":"
				+ longBody("bind").replace("{\"services\"", "{\"s\"") + "}";

		this.fixture.log(T0, OperationType.BIND, 201, null, "i", null, "bind", answer);

		String masked = SensitiveBodies.masked(OperationType.BIND, answer);
		assertThat(masked).contains("****").doesNotContain("db-pass-42");
		assertThat(bodyRows(sha256(answer))).isZero();
		assertThat(this.jdbc.sql("select body from log_body where hash = ?")
			.param(sha256(masked))
			.query(String.class)
			.single()).isEqualTo(masked);
		assertThat(this.jdbc.sql("select count(*) from log_body where body like '%db-pass-42%'")
			.query(Long.class)
			.single()).isZero();
		Api.Reply detail = this.fixture.customer.admin()
			.get(logPath(this.fixture.identifier()) + "/" + ids(this.fixture.identifier(), "bind").get(0));
		assertThat(detail.json().get("responseBody").asString()).isEqualTo(masked);
	}

	@Test
	void storesTheBodiesOfABatchOnceEach() {
		String first = longBody("batch-1");
		String second = longBody("batch-2");
		List<NewCommunicationLog> batch = List.of(log("b", T0, first), log("b", T0.plus(Duration.ofDays(2)), first),
				log("b", T0.plusSeconds(1), second), log("b", T0.plusSeconds(2), "{}"));

		this.repository.insertAll(batch);

		assertThat(bodyRows(sha256(first))).isEqualTo(1);
		assertThat(bodyRows(sha256(second))).isEqualTo(1);
		assertThat(lastLogged(first)).as("the newest log of the batch that uses it")
			.isEqualTo(T0.plus(Duration.ofDays(2)));
		List<String> read = new ArrayList<>();
		ids(this.fixture.identifier(), "b")
			.forEach((id) -> read.add(detail(this.fixture.identifier(), id).get("responseBody").asString()));
		assertThat(read).containsExactly(first, "{}", second, first);
	}

	@Test
	void storesANewBodyOnceWhenManyLogItAtOnce() throws Exception {
		String catalog = longBody("together");
		int nodes = 8;
		CyclicBarrier together = new CyclicBarrier(nodes);
		List<CompletableFuture<Void>> running = new ArrayList<>();
		ExecutorService threads = Executors.newFixedThreadPool(nodes);
		try {
			for (int i = 0; i < nodes; i++) {
				Instant at = T0.plusSeconds(i);
				running.add(CompletableFuture.runAsync(() -> {
					await(together);
					this.logs.record(log("together", at, catalog));
				}, threads));
			}
			for (CompletableFuture<Void> run : running) {
				run.get();
			}
		}
		finally {
			threads.shutdown();
		}

		assertThat(bodyRows(sha256(catalog))).isEqualTo(1);
		assertThat(ids(this.fixture.identifier(), "together")).hasSize(nodes)
			.allSatisfy((id) -> assertThat(detail(this.fixture.identifier(), id).get("responseBody").asString())
				.isEqualTo(catalog));
	}

	@Test
	void readsLogsStoredWithTheirBodyInTheirRowAsBefore() {
		String catalog = longBody("before");
		this.jdbc.sql("""
				insert into communication_log (requested_at, broker_id, broker_identifier, customer_id, operation_type,
				  method, url, request_headers, response_code, response_headers, response_body, duration_ms,
				  request_identity)
				values (?, ?, ?, ?, 'FETCH_CATALOG', 'GET', 'old', '{}', 200, '{}', ?, 5, 'id')""")
			.params(Timestamps.of(T0), this.fixture.broker.id(), this.fixture.identifier(),
					this.fixture.broker.customerId(), catalog)
			.update();

		assertThat(detail(this.fixture.identifier(), ids(this.fixture.identifier(), "old").get(0)).get("responseBody")
			.asString()).isEqualTo(catalog);
	}

	@Test
	void saysSoWhenTheBodyOfALogIsNoLongerStored() {
		String catalog = longBody("gone");
		this.fixture.log(T0, OperationType.FETCH_CATALOG, 200, null, null, null, "gone", catalog);
		this.jdbc.sql("delete from log_body where hash = ?").param(sha256(catalog)).update();

		assertThat(detail(this.fixture.identifier(), ids(this.fixture.identifier(), "gone").get(0)).get("responseBody")
			.asString()).startsWith("[no longer stored");
	}

	@Test
	void showsAndExportsALogWhoseBodyIsStoredOnce() {
		String catalog = longBody("page");
		this.fixture.log(T0, OperationType.FETCH_CATALOG, 200, null, null, null, "page", catalog);
		long id = ids(this.fixture.identifier(), "page").get(0);

		Api.Reply page = this.fixture.customer.admin()
			.get("/service-brokers/" + this.fixture.identifier() + "/logs/" + id);
		Api.Reply export = this.fixture.customer.admin()
			.get(logPath(this.fixture.identifier()) + "/export?format=jsonl");

		assertThat(page.status()).as(page.toString()).isEqualTo(200);
		assertThat(page.body()).contains("page-service-59", "Managed page-service-0");
		assertThat(export.status()).as(export.toString()).isEqualTo(200);
		assertThat(export.body()).contains("\"id\":" + id + ",");
	}

	/**
	 * A catalog of 60 services, about 8,000 characters: longer than bodies kept inline.
	 */
	static String longBody(String marker) {
		List<String> services = new ArrayList<>();
		for (int i = 0; i < 60; i++) {
			services.add("{\"id\":\"" + marker + "-" + UUID.nameUUIDFromBytes((marker + i).getBytes())
					+ "\",\"name\":\"" + marker + "-service-" + i + "\",\"description\":\"Managed " + marker
					+ "-service-" + i + "\",\"bindable\":true}");
		}
		return "{\"services\":[" + String.join(",", services) + "]}";
	}

	static String sha256(String text) throws IllegalStateException {
		try {
			return HexFormat.of()
				.formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
		}
		catch (java.security.NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private NewCommunicationLog log(String url, Instant at, @Nullable String responseBody) {
		return new NewCommunicationLog(at, this.fixture.broker.id(), this.fixture.identifier(),
				this.fixture.broker.customerId(), null, OperationType.FETCH_CATALOG, "GET", url, Map.of(), null, 200,
				Map.of(), responseBody, 3, null, null, null, UUID.randomUUID().toString());
	}

	private long bodyRows(String hash) {
		return this.jdbc.sql("select count(*) from log_body where hash = ?").param(hash).query(Long.class).single();
	}

	private Instant lastLogged(String body) {
		return this.jdbc.sql("select last_logged_at from log_body where hash = ?")
			.param(sha256(body))
			.query((rs, row) -> Timestamps.read(rs, "last_logged_at"))
			.single();
	}

	/** The ids of the broker's logs to that URL, newest first, through the API. */
	private List<Long> ids(String broker, String url) {
		Api.Reply reply = this.fixture.customer.admin().get(logPath(broker) + "?limit=500");
		assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
		List<Long> ids = new ArrayList<>();
		reply.json().get("items").forEach((item) -> {
			if (item.get("url").asString().equals(url)) {
				ids.add(item.get("id").asLong());
			}
		});
		return ids;
	}

	private JsonNode detail(String broker, long id) {
		Api.Reply reply = this.fixture.customer.admin().get(logPath(broker) + "/" + id);
		assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
		return reply.json();
	}

	private static String logPath(String broker) {
		return "/api/service-brokers/" + broker + "/communication-logs";
	}

	private static void await(CyclicBarrier barrier) {
		try {
			barrier.await();
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

}
