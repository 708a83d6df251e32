package dev.bazaar.commlog;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import dev.bazaar.commlog.internal.CommunicationLogRepository;
import dev.bazaar.commlog.internal.ScheduledJobs;
import dev.bazaar.commlog.internal.SearchStatement;
import dev.bazaar.support.PostgresTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

@PostgresTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CommunicationLogPersistencePostgresTests {

	static final UUID BROKER = UUID.fromString("00000000-0000-4000-8000-000000000007");

	@Autowired
	JdbcClient jdbc;

	@Autowired
	CommunicationLogs logs;

	@Autowired
	CommunicationLogRepository repository;

	@Autowired
	ScheduledJobs jobs;

	@Autowired
	LogRetention retention;

	@Autowired
	Clock clock;

	// Enough logs of enough brokers, with statistics, that the planner weighs indexes
	// against reading the table as it would in production.
	@BeforeAll
	void fillTheTable() {
		this.jdbc
			.sql("""
					insert into communication_log (requested_at, broker_id, broker_identifier, customer_id, location,
					  operation_type, method, url, request_headers, response_code, response_headers, duration_ms,
					  plan_id, instance_id, request_identity)
					select now() - n * interval '7 second',
					  cast(lpad(to_hex(n % 200), 8, '0') || '-0000-4000-8000-000000000007' as uuid), 'b', gen_random_uuid(),
					  case n % 3 when 0 then null when 1 then 'eu' else 'us' end,
					  case n % 4 when 0 then 'BIND' when 1 then 'FETCH_CATALOG' when 2 then 'UNBIND' else 'PROVISION_INSTANCE' end,
					  'PUT', 'https://broker.example/v2/x', '{}', 200 + (n % 5) * 100, '{}', 10,
					  'plan-' || (n % 50), 'inst-' || (n % 5000), 'id'
					from generate_series(1, 200000) as n""")
			.update();
		this.jdbc.sql("analyze communication_log").update();
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', nullValues = "-",
			value = { "-|-|-|-|-|-", "2026-01-05T00:00:00Z|-|-|-|-|-", "-|BIND|-|-|-|-", "-|-|>=500|-|-|-",
					"-|-|403|-|-|-", "-|-|-|plan-7|-|-", "-|-|-|-|inst-1207|-", "-|-|-|-|-|eu", "-|-|-|-|-|private",
					"2026-01-05T00:00:00Z|BIND|5xx|plan-7|inst-1207|eu", "-|UNBIND|-|plan-3|-|-",
					"2026-01-05T00:00:00Z|-|<300|-|-|private" })
	void servesEverySearchFromAnIndex(String before, String type, String code, String plan, String instance,
			String location) {
		LogQuery query = LogQuery.parse(before, type, code, plan, instance, location, null, null);
		UUID broker = UUID.fromString("00000007-0000-4000-8000-000000000007");

		String page = plan(SearchStatement.of(broker, query, LogQuery.DEFAULT_LIMIT + 1));
		String next = plan(SearchStatement.of(broker,
				query.after(new LogCursor(Instant.parse("2026-01-04T00:00:00Z"), 1000)), LogQuery.DEFAULT_LIMIT + 1));
		String export = plan(SearchStatement.of(broker, query, null));

		assertThat(page).contains("Index").doesNotContain("Seq Scan");
		assertThat(next).contains("Index").doesNotContain("Seq Scan");
		assertThat(export).contains("Index").doesNotContain("Seq Scan");
	}

	@Test
	void deletesExpiredLogsOnceWhenTwoNodesAskAtOnce() throws Exception {
		LogRetention otherNode = new LogRetention(this.repository, this.jobs, this.clock, Duration.ofDays(90),
				Duration.ofHours(1), 1000);

		RetentionCheck.deletesOnlyExpiredLogsOnceAcrossTwoNodes(this.retention, otherNode, this.logs, this.jdbc,
				this.clock);
	}

	@Test
	void findsTheRetentionsOldestLogsByIndex() {
		String plan = String.join("\n", this.jdbc.sql("""
				explain select id from communication_log where requested_at < ? order by requested_at limit 1000""")
			.param(java.sql.Timestamp.from(Instant.parse("2026-01-02T00:00:00Z")))
			.query(String.class)
			.list());

		assertThat(plan).contains("Index");
	}

	private String plan(SearchStatement search) {
		List<String> lines = this.jdbc.sql("explain " + search.sql())
			.params(search.params())
			.query(String.class)
			.list();
		return String.join("\n", lines);
	}

}
