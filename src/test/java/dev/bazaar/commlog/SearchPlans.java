package dev.bazaar.commlog;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

import dev.bazaar.commlog.internal.SearchStatement;
import org.junit.jupiter.params.provider.Arguments;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The searches whose plans the tests check on H2 and PostgreSQL: each criterion alone and
 * the combinations people use most, over a table where one broker has a tenth of many
 * logs (see {@link #BROKER}); and how to ask a database for a plan.
 */
final class SearchPlans {

	/** The broker with a tenth of the logs. */
	static final UUID BROKER = UUID.fromString("00000000-0000-4000-8000-000000000000");

	/** Within the logs, which go back 16 days from now, 7 s apart. */
	static final String BEFORE = Instant.now().minus(Duration.ofDays(3)).truncatedTo(ChronoUnit.SECONDS).toString();

	/** The instance of some of the broker's logs. */
	static final String INSTANCE = "inst-1000";

	private SearchPlans() {
	}

	/**
	 * The broker id of log {@code n} of the test data: {@link #BROKER} for every tenth,
	 * one of 199 others for the rest, as SQL over a column {@code n}.
	 */
	static String brokerOf(String n) {
		return "cast(case when mod(" + n + ", 10) = 0 then '00000000-0000-4000-8000-000000000000' "
				+ "else '00000000-0000-4000-8000-' || lpad(cast(1 + mod(" + n + " * 7, 199) as varchar), 12, '0') end "
				+ "as uuid)";
	}

	/**
	 * Operation, answer, location, plan and instance of log {@code n}, as SQL select
	 * items in the order of {@link #COLUMNS}: a tenth of the calls are provisions, about
	 * 6 % answer 4xx and 2 % 5xx, 30 % go to {@code eu}, 20 plans, ten logs per instance.
	 */
	static String criteriaOf(String n) {
		String u = "mod(" + n + " / 10 * 37, 100)";
		return "case when " + u + " < 10 then 'PROVISION_INSTANCE' when " + u + " < 20 then 'BIND' when " + u
				+ " < 30 then 'FETCH_CATALOG' else 'POLL_INSTANCE_LAST_OPERATION' end, " + "case when mod(" + n
				+ " / 10 * 13, 100) < 2 then 503 when mod(" + n + " / 10 * 13, 100) < 8 then 404 "
				+ "else 200 end, case when mod(" + n + " / 10 * 7, 10) < 3 then 'eu' end, 'plan-' || mod(" + n
				+ " / 10, 20), 'inst-' || (" + n + " / 100)";
	}

	/** The columns {@link #criteriaOf} gives values for. */
	static final String COLUMNS = "operation_type, response_code, location, plan_id, instance_id";

	/** Each search: a name, and before, type, code, plan, instance and location. */
	static Stream<Arguments> searches() {
		return Stream.of(search("newest"), search("before", BEFORE),
				search("operation type", null, "PROVISION_INSTANCE"), search("one code", null, null, "503"),
				search("a class of codes", null, null, "5xx"), search("errors", null, null, ">399"),
				search("successes", null, null, "<300"), search("plan", null, null, null, "plan-7"),
				search("instance", null, null, null, null, INSTANCE),
				search("location", null, null, null, null, null, "eu"),
				search("private registration", null, null, null, null, null, "private"),
				search("failed provisions", null, "PROVISION_INSTANCE", ">399"),
				search("plan and operation type", null, "BIND", null, "plan-3"),
				search("instance and operation type", null, "POLL_INSTANCE_LAST_OPERATION", null, null, INSTANCE),
				search("before and operation type", BEFORE, "BIND"),
				search("before and a class of codes", BEFORE, null, "4xx"),
				search("location and errors", null, null, ">399", null, null, "eu"),
				search("all six", BEFORE, "POLL_INSTANCE_LAST_OPERATION", "2xx", "plan-0", INSTANCE, "private"));
	}

	private static Arguments search(String name, String... criteria) {
		String[] all = new String[6];
		System.arraycopy(criteria, 0, all, 0, criteria.length);
		return Arguments.of(name, LogQuery.parse(all[0], all[1], all[2], all[3], all[4], all[5], null, null));
	}

	/** The same search continued at a cursor some days back. */
	static LogQuery deep(LogQuery query) {
		return query.after(new LogCursor(Instant.now().minus(Duration.ofDays(5)), Long.MAX_VALUE));
	}

	/**
	 * Writes {@code count} logs of the test data, 7 s apart back from now, and the
	 * statistics the planner weighs indexes with: the same SQL on H2 and PostgreSQL.
	 */
	static void fillTheTable(JdbcClient jdbc, int count) {
		jdbc.sql("""
				insert into communication_log (requested_at, broker_id, broker_identifier, customer_id, %s,
				  method, url, request_headers, response_headers, duration_ms, request_identity)
				select current_timestamp - n * interval '7' second, %s, 'b', gen_random_uuid(), %s,
				  'PUT', 'https://broker.example/v2/x', '{}', '{}', 10, 'id'
				from generate_series(1, %d) as g(n)""".formatted(COLUMNS, brokerOf("n"), criteriaOf("n"), count))
			.update();
		jdbc.sql("analyze").update();
	}

	/** The database's plan of the search's first page of {@link #BROKER}'s logs. */
	static String pagePlan(JdbcClient jdbc, String explain, LogQuery query) {
		return plan(jdbc, explain, SearchStatement.of(BROKER, query, LogQuery.DEFAULT_LIMIT + 1));
	}

	/** The database's plan of the statement, as text. */
	static String plan(JdbcClient jdbc, String explain, SearchStatement search) {
		List<String> lines = jdbc.sql(explain + " " + search.sql()).params(search.params()).query(String.class).list();
		return String.join("\n", lines);
	}

}
