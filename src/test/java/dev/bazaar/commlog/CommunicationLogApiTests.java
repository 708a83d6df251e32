package dev.bazaar.commlog;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import dev.bazaar.commlog.BrokerDirectory.LoggedBroker;
import dev.bazaar.support.Api;
import dev.bazaar.support.BazaarTest;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNoException;

@BazaarTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CommunicationLogApiTests {

	static final Instant T0 = Instant.parse("2026-11-27T10:00:00Z");

	static final AtomicInteger brokerNumbers = new AtomicInteger();

	@LocalServerPort
	int port;

	@Autowired
	CommunicationLogs logs;

	@Autowired
	TestBrokerDirectory brokers;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	PlatformTransactionManager transactions;

	UUID acme;

	UUID globex;

	@BeforeAll
	void createCustomersAndUsers() {
		this.acme = customer("acme");
		this.globex = customer("globex");
		user("acme", "acme-admin", "CUSTOMER_ADMIN");
		user("acme", "acme-dev", "CUSTOMER_EMPLOYEE");
		user("globex", "globex-admin", "CUSTOMER_ADMIN");
	}

	@Test
	void listsTheBrokersLogsNewestFirst() {
		LoggedBroker broker = aBroker();
		record(log(broker, T0, OperationType.FETCH_CATALOG, 200, null, null));
		record(log(broker, T0.plusSeconds(2), OperationType.PROVISION_INSTANCE, 202, "plan-1", "inst-1"));
		record(log(broker, T0.plusSeconds(1), OperationType.FETCH_CATALOG, null, null, null));
		record(log(aBroker(), T0, OperationType.FETCH_CATALOG, 200, null, null));

		JsonNode page = search(acmeAdmin(), broker, "");

		assertThat(page.get("nextCursor").isNull()).isTrue();
		assertThat(page.get("items")).hasSize(3);
		JsonNode newest = page.get("items").get(0);
		assertThat(newest.get("requestedAt").asString()).isEqualTo("2026-11-27T10:00:02Z");
		assertThat(newest.get("operationType").asString()).isEqualTo("PROVISION_INSTANCE");
		assertThat(newest.get("method").asString()).isEqualTo("PUT");
		assertThat(newest.get("url").asString()).isEqualTo("https://broker.example/v2/x");
		assertThat(newest.get("responseCode").asInt()).isEqualTo(202);
		assertThat(newest.get("durationMs").asLong()).isEqualTo(12);
		assertThat(newest.get("planId").asString()).isEqualTo("plan-1");
		assertThat(newest.get("instanceId").asString()).isEqualTo("inst-1");
		assertThat(newest.get("location").asString()).isEqualTo("global");
		assertThat(newest.get("id").asLong()).isPositive();
		assertThat(page.get("items").get(1).get("responseCode").isNull()).isTrue();
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', value = { "responseCode=403|3", "responseCode=>399|3,4,5", "responseCode=>=500|5",
			"responseCode=<300|1,2", "responseCode=<=299|1,2", "responseCode=4xx|3,4", "responseCode=5xx|5",
			"operationType=BIND|4,5,6", "planId=plan-a|1,3,6", "instanceId=inst-b|2,5,6",
			"before=2026-11-27T10:00:03Z|1,2,3", "operationType=BIND&responseCode=>=400&instanceId=inst-b|5",
			"planId=plan-a&before=2026-11-27T10:00:01Z|1", "planId=nothing|", "location=private|2,5", "location=eu|3,6",
			"location=global&responseCode=4xx|4", "location=eu&planId=plan-a&before=2026-11-27T10:00:05Z|3",
			"location=nowhere|",
			"before=2026-11-27T10:00:06Z&operationType=BIND&responseCode=5xx&planId=plan-a&instanceId=inst-b&location=eu|",
			"before=2026-11-27T10:00:06Z&operationType=BIND&instanceId=inst-b&location=private|5" })
	void findsLogsByEachCriterionAndTheirCombination(String criteria, String expectedNumbers) {
		LoggedBroker broker = aBroker();
		record(log(broker, T0.plusSeconds(1), OperationType.FETCH_CATALOG, 200, "plan-a", "inst-a", "global"));
		record(log(broker, T0.plusSeconds(2), OperationType.PROVISION_INSTANCE, 201, "plan-b", "inst-b", null));
		record(log(broker, T0.plusSeconds(3), OperationType.PROVISION_INSTANCE, 403, "plan-a", "inst-c", "eu"));
		record(log(broker, T0.plusSeconds(4), OperationType.BIND, 422, null, "inst-a", "global"));
		record(log(broker, T0.plusSeconds(5), OperationType.BIND, 503, null, "inst-b", null));
		record(log(broker, T0.plusSeconds(6), OperationType.BIND, null, "plan-a", "inst-b", "eu"));

		// Each log is numbered by its second after T0.
		List<Long> found = new ArrayList<>();
		search(acmeAdmin(), broker, criteria).get("items")
			.forEach((item) -> found
				.add(Instant.parse(item.get("requestedAt").asString()).getEpochSecond() - T0.getEpochSecond()));

		List<Long> expected = new ArrayList<>();
		if (expectedNumbers != null) {
			Arrays.stream(expectedNumbers.split(",")).map(Long::valueOf).forEach((number) -> expected.add(0, number));
		}
		assertThat(found).isEqualTo(expected);
	}

	@Test
	void pagesThroughEqualTimesWithoutGapsOrDuplicates() {
		LoggedBroker broker = aBroker();
		for (int i = 0; i < 23; i++) {
			record(log(broker, T0.plusSeconds(i / 5), OperationType.FETCH_CATALOG, 200 + i, null, null));
		}
		List<Long> all = ids(search(acmeAdmin(), broker, "limit=500"));

		List<Long> paged = new ArrayList<>();
		String cursor = null;
		int pages = 0;
		do {
			JsonNode page = search(acmeAdmin(), broker, "limit=4" + ((cursor != null) ? "&cursor=" + cursor : ""));
			paged.addAll(ids(page));
			cursor = page.get("nextCursor").isNull() ? null : page.get("nextCursor").asString();
			pages++;
		}
		while (cursor != null);

		assertThat(all).hasSize(23).doesNotHaveDuplicates();
		assertThat(paged).isEqualTo(all);
		assertThat(pages).isEqualTo(6);
	}

	@Test
	void pagesWithCriteriaToo() {
		LoggedBroker broker = aBroker();
		for (int i = 0; i < 10; i++) {
			record(log(broker, T0, (i % 2 == 0) ? OperationType.BIND : OperationType.UNBIND, 200, null, null));
		}

		JsonNode first = search(acmeAdmin(), broker, "operationType=BIND&limit=3");
		JsonNode second = search(acmeAdmin(), broker,
				"operationType=BIND&limit=3&cursor=" + first.get("nextCursor").asString());

		assertThat(ids(first)).hasSize(3);
		assertThat(ids(second)).hasSize(2).doesNotContainAnyElementsOf(ids(first));
		assertThat(second.get("nextCursor").isNull()).isTrue();
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', value = { "responseCode=>abc|responseCode", "before=yesterday|before",
			"operationType=FETCH|operationType", "cursor=not-a-cursor|cursor", "limit=0|limit" })
	void refusesMalformedCriteriaNamingTheParameter(String criteria, String parameter) {
		Api.Reply reply = acmeAdmin().get(path(aBroker(), criteria));

		assertThat(reply.status()).as(reply.toString()).isEqualTo(400);
		assertThat(reply.contentType()).startsWith("application/problem+json");
		assertThat(reply.json().get("detail").asString()).startsWith(parameter + ":");
		assertThat(reply.json().get("errors").get(0).get("field").asString()).isEqualTo(parameter);
	}

	@Test
	void showsALogInFullWithAuthorizationMasked() {
		LoggedBroker broker = aBroker();
		NewCommunicationLog log = new NewCommunicationLog(T0, broker.id(), broker.identifier(), broker.customerId(),
				null, OperationType.FETCH_CATALOG, "GET", "https://broker.example/v2/catalog",
				Map.of("Authorization", List.of("Basic dXNlcjpzZWNyZXQ="), "X-Broker-API-Version", List.of("2.14")),
				null, 500, Map.of("content-type", List.of("application/json")), "{\"description\":\"boom\"}", 7, null,
				null, null, "5f0c1b9e-0000-4000-8000-000000000001");
		record(log);
		long id = ids(search(acmeAdmin(), broker, "")).get(0);

		Api.Reply reply = acmeAdmin().get(path(broker, "").replace("?", "/" + id));

		assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
		JsonNode detail = reply.json();
		assertThat(detail.get("id").asLong()).isEqualTo(id);
		assertThat(detail.get("requestHeaders").get("Authorization").get(0).asString()).isEqualTo("Basic ****");
		assertThat(detail.get("requestHeaders").get("X-Broker-API-Version").get(0).asString()).isEqualTo("2.14");
		assertThat(detail.get("responseHeaders").get("content-type").get(0).asString()).isEqualTo("application/json");
		assertThat(detail.get("responseBody").asString()).isEqualTo("{\"description\":\"boom\"}");
		assertThat(detail.get("requestBody").isNull()).isTrue();
		assertThat(detail.get("error").isNull()).isTrue();
		assertThat(detail.get("location").isNull()).isTrue();
		assertThat(detail.get("responseCode").asInt()).isEqualTo(500);
		assertThat(detail.get("requestIdentity").asString()).isEqualTo("5f0c1b9e-0000-4000-8000-000000000001");
		assertThat(reply.body()).doesNotContain("dXNlcjpzZWNyZXQ=");
	}

	@Test
	void showsBindingCredentialsMaskedInTheDetail() {
		LoggedBroker broker = aBroker();
		record(new NewCommunicationLog(T0, broker.id(), broker.identifier(), broker.customerId(), null,
				OperationType.BIND, "PUT", "https://broker.example/v2/service_instances/i/service_bindings/b",
				Map.of("Authorization", List.of("Bearer token-123")), "{}", 201, Map.of(),
				"{\"credentials\":{\"username\":\"db-user\",\"password\":\"db-pass-42\"}}", 7, null, null, "i",
				"5f0c1b9e-0000-4000-8000-000000000002"));
		long id = ids(search(acmeAdmin(), broker, "")).get(0);

		Api.Reply reply = acmeAdmin().get(path(broker, "").replace("?", "/" + id));

		JsonNode body = tools.jackson.databind.json.JsonMapper.builder()
			.build()
			.readTree(reply.json().get("responseBody").asString());
		assertThat(body.get("credentials").get("password").asString()).isEqualTo("****");
		assertThat(body.get("credentials").get("username").asString()).isEqualTo("****");
		assertThat(reply.json().get("requestHeaders").get("Authorization").get(0).asString()).isEqualTo("Bearer ****");
		assertThat(reply.body()).doesNotContain("db-pass-42", "db-user", "token-123");
	}

	@Test
	void exportsTheSearchAsCsvWithFieldsQuoted() {
		LoggedBroker broker = aBroker();
		record(log(broker, T0, OperationType.FETCH_CATALOG, 200, null, null, null));
		record(log(broker, T0.plusSeconds(1), OperationType.BIND, 201, "plan, \"quoted\"", "inst\nline", "eu"));
		record(log(broker, T0.plusSeconds(2), OperationType.UNBIND, null, null, "inst-2", "eu"));

		Api.Reply reply = acmeAdmin().get(exportPath(broker, "csv", "location=eu"));

		assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
		assertThat(reply.contentType()).startsWith("text/csv");
		String[] lines = reply.body().split("\r\n", -1);
		assertThat(lines).hasSize(4);
		assertThat(lines[0])
			.isEqualTo("id,requestedAt,operationType,method,url,responseCode,durationMs,planId,instanceId,location");
		assertThat(lines[1]).matches("\\d+,2026-11-27T10:00:02Z,UNBIND,PUT,https://broker.example/v2/x,,12,,inst-2,eu");
		assertThat(lines[2]).matches("\\d+,2026-11-27T10:00:01Z,BIND,PUT,https://broker.example/v2/x,201,12,"
				+ "\"plan, \"\"quoted\"\"\",\"inst\nline\",eu");
		assertThat(lines[3]).isEmpty();
	}

	@Test
	void exportsTheSearchAsJsonLinesThatParse() {
		LoggedBroker broker = aBroker();
		for (int i = 0; i < 1_234; i++) {
			record(log(broker, T0.minusSeconds(i), (i % 2 == 0) ? OperationType.BIND : OperationType.UNBIND, 200,
					"plan-" + i, null, null));
		}

		Api.Reply reply = acmeAdmin().get(exportPath(broker, "jsonl", "operationType=BIND&location=private"));

		assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
		assertThat(reply.contentType()).startsWith("application/jsonl");
		List<JsonNode> lines = reply.body()
			.lines()
			.map((line) -> tools.jackson.databind.json.JsonMapper.builder().build().readTree(line))
			.toList();
		assertThat(lines).hasSize(617);
		assertThat(lines.get(0).get("requestedAt").asString()).isEqualTo("2026-11-27T10:00:00Z");
		assertThat(lines.get(0).get("planId").asString()).isEqualTo("plan-0");
		assertThat(lines.get(616).get("planId").asString()).isEqualTo("plan-1232");
		assertThat(lines).allSatisfy((line) -> {
			assertThat(line.get("operationType").asString()).isEqualTo("BIND");
			assertThat(line.get("location").isNull()).isTrue();
		});
	}

	@Test
	void refusesExportsThatAreMalformedOrNotTheCallersToSee() {
		LoggedBroker broker = aBroker();
		record(log(broker, T0, OperationType.FETCH_CATALOG, 200, null, null));

		Api.Reply badFormat = acmeAdmin().get(exportPath(broker, "xml", ""));
		Api.Reply badCriterion = acmeAdmin().get(exportPath(broker, "csv", "responseCode=>abc"));

		assertThat(badFormat.status()).isEqualTo(400);
		assertThat(badFormat.json().get("detail").asString()).startsWith("format:").contains("csv or jsonl");
		assertThat(badCriterion.status()).isEqualTo(400);
		assertThat(badCriterion.json().get("errors").get(0).get("field").asString()).isEqualTo("responseCode");
		assertThat(as("globex-admin", "password-1").get(exportPath(broker, "csv", "")).status()).isEqualTo(404);
		assertThat(as("acme-dev", "password-1").get(exportPath(broker, "csv", "")).status()).isEqualTo(403);
		assertThat(as("admin", "admin-password").get(exportPath(broker, "csv", "")).status()).isEqualTo(200);
	}

	@Test
	void doesNotShowALogThroughAnotherBroker() {
		LoggedBroker broker = aBroker();
		LoggedBroker other = aBroker();
		record(log(other, T0, OperationType.FETCH_CATALOG, 200, null, null));
		long id = ids(search(acmeAdmin(), other, "")).get(0);

		assertThat(acmeAdmin().get(path(broker, "").replace("?", "/" + id)).status()).isEqualTo(404);
		assertThat(acmeAdmin().get(path(other, "").replace("?", "/" + id)).status()).isEqualTo(200);
		assertThat(acmeAdmin().get(path(other, "").replace("?", "/999999")).status()).isEqualTo(404);
	}

	@Test
	void showsLogsOnlyToTheOwnersAdminsAndPartnerAdmins() {
		LoggedBroker broker = aBroker();
		record(log(broker, T0, OperationType.FETCH_CATALOG, 200, null, null));
		long id = ids(search(acmeAdmin(), broker, "")).get(0);
		String list = path(broker, "");
		String detail = list.replace("?", "/" + id);

		assertThat(as("admin", "admin-password").get(list).status()).isEqualTo(200);
		assertThat(as("admin", "admin-password").get(detail).status()).isEqualTo(200);
		assertThat(as("globex-admin", "password-1").get(list).status()).isEqualTo(404);
		assertThat(as("globex-admin", "password-1").get(detail).status()).isEqualTo(404);
		assertThat(as("acme-dev", "password-1").get(list).status()).isEqualTo(403);
		assertThat(as("acme-dev", "password-1").get(detail).status()).isEqualTo(403);
		assertThat(Api.anonymous(this.port).get(list).status()).isEqualTo(401);
		Api.Reply unknown = acmeAdmin().get("/api/service-brokers/no-such-broker/communication-logs");
		assertThat(unknown.status()).isEqualTo(404);
		assertThat(unknown.json().get("detail").asString()).contains("no-such-broker");
	}

	@Test
	void keepsTheLogWhenTheCallersTransactionRollsBack() {
		LoggedBroker broker = aBroker();

		new TransactionTemplate(this.transactions).executeWithoutResult((status) -> {
			this.logs.record(log(broker, T0, OperationType.PROVISION_INSTANCE, 201, "p", "i"));
			status.setRollbackOnly();
		});

		assertThat(ids(search(acmeAdmin(), broker, ""))).hasSize(1);
	}

	@Test
	void neverThrowsWhenALogCannotBeStored() {
		LoggedBroker broker = new LoggedBroker(UUID.randomUUID(), "x".repeat(300), this.acme);

		assertThatNoException()
			.isThrownBy(() -> this.logs.record(log(broker, T0, OperationType.FETCH_CATALOG, 200, null, null)));
		assertThat(this.jdbc.sql("select count(*) from communication_log where broker_id = ?")
			.param(broker.id())
			.query(Long.class)
			.single()).isZero();
	}

	private LoggedBroker aBroker() {
		return this.brokers.add("broker-" + brokerNumbers.incrementAndGet(), this.acme);
	}

	private void record(NewCommunicationLog log) {
		this.logs.record(log);
	}

	private static NewCommunicationLog log(LoggedBroker broker, Instant at, OperationType type, @Nullable Integer code,
			@Nullable String planId, @Nullable String instanceId) {
		return log(broker, at, type, code, planId, instanceId, "global");
	}

	private static NewCommunicationLog log(LoggedBroker broker, Instant at, OperationType type, @Nullable Integer code,
			@Nullable String planId, @Nullable String instanceId, @Nullable String location) {
		String method = (type == OperationType.FETCH_CATALOG) ? "GET" : "PUT";
		return new NewCommunicationLog(at, broker.id(), broker.identifier(), broker.customerId(), location, type,
				method,
				(type == OperationType.FETCH_CATALOG) ? "https://broker.example/v2/catalog"
						: "https://broker.example/v2/x",
				Map.of("Authorization", List.of("Basic ****")), null, code, Map.of(), null, 12,
				(code == null) ? "TIMEOUT: the broker did not answer within 60 s (response timeout)" : null, planId,
				instanceId, UUID.randomUUID().toString());
	}

	private JsonNode search(Api api, LoggedBroker broker, String criteria) {
		Api.Reply reply = api.get(path(broker, criteria));
		assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
		return reply.json();
	}

	private static String path(LoggedBroker broker, String criteria) {
		StringBuilder query = new StringBuilder();
		for (String pair : criteria.split("&")) {
			if (!pair.isEmpty()) {
				int equals = pair.indexOf('=');
				query.append((query.length() == 0) ? "" : "&")
					.append(pair, 0, equals + 1)
					.append(URLEncoder.encode(pair.substring(equals + 1), StandardCharsets.UTF_8));
			}
		}
		return "/api/service-brokers/" + broker.identifier() + "/communication-logs?" + query;
	}

	private static String exportPath(LoggedBroker broker, String format, String criteria) {
		String search = path(broker, criteria);
		return search.replace("/communication-logs?",
				"/communication-logs/export?format=" + format + (search.endsWith("?") ? "" : "&"));
	}

	private static List<Long> ids(JsonNode page) {
		List<Long> ids = new ArrayList<>();
		page.get("items").forEach((item) -> ids.add(item.get("id").asLong()));
		return ids;
	}

	private Api acmeAdmin() {
		return as("acme-admin", "password-1");
	}

	private Api as(String username, String password) {
		return Api.as(this.port, username, password);
	}

	private UUID customer(String identifier) {
		Api.Reply reply = as("admin", "admin-password").post("/api/customers",
				Map.of("identifier", identifier, "displayName", identifier.toUpperCase()));
		assertThat(reply.status()).as(reply.toString()).isEqualTo(201);
		return this.jdbc.sql("select id from customer where identifier = ?")
			.param(identifier)
			.query(UUID.class)
			.single();
	}

	private void user(String customer, String username, String role) {
		Api.Reply reply = as("admin", "admin-password").post("/api/customers/" + customer + "/users",
				Map.of("username", username, "password", "password-1", "role", role));
		assertThat(reply.status()).as(reply.toString()).isEqualTo(201);
	}

	/** Stands in for the broker module's directory, which comes later. */
	@TestConfiguration(proxyBeanMethods = false)
	static class TestBrokers {

		@Bean
		@Primary
		TestBrokerDirectory testBrokerDirectory() {
			return new TestBrokerDirectory();
		}

	}

	/** Brokers the tests register. */
	static class TestBrokerDirectory implements BrokerDirectory {

		private final Map<String, LoggedBroker> brokers = new ConcurrentHashMap<>();

		LoggedBroker add(String identifier, UUID customerId) {
			LoggedBroker broker = new LoggedBroker(UUID.randomUUID(), identifier, customerId);
			this.brokers.put(identifier, broker);
			return broker;
		}

		@Override
		public Optional<LoggedBroker> findByIdentifier(String brokerIdentifier) {
			return Optional.ofNullable(this.brokers.get(brokerIdentifier));
		}

	}

}
