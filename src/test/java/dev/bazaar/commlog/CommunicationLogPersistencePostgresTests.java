package dev.bazaar.commlog;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import dev.bazaar.commlog.internal.CommunicationLogRepository;
import dev.bazaar.commlog.internal.LogBodies;
import dev.bazaar.commlog.internal.ScheduledJobs;
import dev.bazaar.commlog.internal.SearchStatement;
import dev.bazaar.support.PostgresTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

@PostgresTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CommunicationLogPersistencePostgresTests {

	private static final String EXPLAIN = "explain (analyze, costs off, timing off, summary off)";

	@Autowired
	JdbcClient jdbc;

	@Autowired
	CommunicationLogs logs;

	@Autowired
	CommunicationLogRepository repository;

	@Autowired
	LogBodies bodies;

	@Autowired
	ScheduledJobs jobs;

	@Autowired
	LogRetention retention;

	@Autowired
	Clock clock;

	// Enough logs of enough brokers, one of them big, with statistics, that the planner
	// weighs indexes against each other and against reading the table as it would in
	// production.
	@BeforeAll
	void fillTheTable() {
		SearchPlans.fillTheTable(this.jdbc, 200_000);
	}

	/**
	 * Each search reads one index in the page's order and stops after the page: no table
	 * scan, no sort of all the matches, few logs read and dropped; on a deep page too,
	 * which starts at the cursor in the index. The export reads by an index as well.
	 */
	@ParameterizedTest(name = "{0}")
	@MethodSource("dev.bazaar.commlog.SearchPlans#searches")
	void servesEverySearchFromAnIndexInThePagesOrder(String name, LogQuery query) {
		String page = SearchPlans.pagePlan(this.jdbc, EXPLAIN, query);
		String deep = SearchPlans.pagePlan(this.jdbc, EXPLAIN, SearchPlans.deep(query));
		String export = SearchPlans.plan(this.jdbc, "explain", SearchStatement.of(SearchPlans.BROKER, query, null));

		assertReadsOneIndexInOrder(page);
		assertReadsOneIndexInOrder(deep);
		assertThat(deep).as(deep).containsPattern("(Index|Recheck) Cond: .*requested_at <=");
		assertThat(export).as(export).contains("Index").doesNotContain("Seq Scan");
	}

	/**
	 * An index of the table, read in the page's order, or, for a search that matches only
	 * a handful of logs (one instance's), read in any order and sorted; never the table.
	 */
	private static void assertReadsOneIndexInOrder(String plan) {
		assertThat(plan).as(plan).containsPattern("(using|on) ix_communication_log_").doesNotContain("Seq Scan");
		if (plan.contains("Sort") || plan.contains("Bitmap")) {
			Matcher rows = Pattern.compile("actual rows=(\\d+)").matcher(plan);
			while (rows.find()) {
				assertThat(Integer.parseInt(rows.group(1))).as("only a handful of logs sorted: " + plan)
					.isLessThanOrEqualTo(2 * LogQuery.DEFAULT_LIMIT);
			}
		}
		else {
			assertThat(plan).as(plan).containsPattern("Index Scan (Backward )?using ix_communication_log_");
		}
		Matcher removed = Pattern.compile("Rows Removed by Filter: (\\d+)").matcher(plan);
		while (removed.find()) {
			assertThat(Integer.parseInt(removed.group(1))).as(plan).isLessThan(1000);
		}
	}

	/**
	 * One instance's logs searched by operation type or by answer: the index holds both
	 * (V14), so the logs of other types or answers are dropped in the index, and only the
	 * page's logs are read from the table.
	 */
	@ParameterizedTest(name = "{0}")
	@MethodSource("instanceSearches")
	void checksAnInstancesOperationTypeAndAnswerInTheIndex(String name, LogQuery query, String column) {
		String plan = SearchPlans.pagePlan(this.jdbc, EXPLAIN, query);

		assertThat(plan).as(plan).contains("ix_communication_log_instance").doesNotContain("Filter:");
		assertThat(plan).as(plan).containsPattern("Index Cond: .*" + column);
	}

	static Stream<Arguments> instanceSearches() {
		return Stream.of(Arguments.of("operation type",
				LogQuery.parse(null, "BIND", null, null, SearchPlans.INSTANCE, null, null, null), "operation_type"),
				Arguments.of("a class of codes",
						LogQuery.parse(null, null, "4xx", null, SearchPlans.INSTANCE, null, null, null),
						"response_code"));
	}

	@Test
	void deletesExpiredLogsOnceWhenTwoNodesAskAtOnce() throws Exception {
		LogRetention otherNode = new LogRetention(this.repository, this.bodies, this.jobs, this.clock,
				Duration.ofDays(90), Duration.ofHours(1), 1000);

		RetentionCheck.deletesOnlyExpiredLogsOnceAcrossTwoNodes(this.retention, otherNode, this.logs, this.jdbc,
				this.clock);
	}

	@Test
	void findsEachBrokersExpiredLogsByIndex() {
		String next = String.join("\n", this.jdbc.sql("""
				explain select broker_id from communication_log where broker_id > ?
				order by broker_id fetch first 1 rows only""").param(SearchPlans.BROKER).query(String.class).list());
		String expired = String.join("\n",
				this.jdbc.sql("""
						explain select id from communication_log where broker_id = ? and requested_at < ?
						order by broker_id, requested_at limit 1000""")
					.params(SearchPlans.BROKER, java.sql.Timestamp.from(Instant.now().minus(Duration.ofDays(10))))
					.query(String.class)
					.list());

		assertThat(next).as(next).contains("Index").doesNotContain("Sort");
		assertThat(expired).as(expired).contains("Index").doesNotContain("Sort");
	}

}
