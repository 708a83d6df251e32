package dev.bazaar.commlog;

import dev.bazaar.commlog.internal.SearchStatement;
import dev.bazaar.support.BazaarTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * On H2 every search reads an index in the page's order, so that it stops after the page
 * instead of sorting all the logs that match (PostgreSQL: see
 * {@link CommunicationLogPersistencePostgresTests}).
 */
@BazaarTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CommunicationLogPlansTests {

	@Autowired
	JdbcClient jdbc;

	@BeforeAll
	void fillTheTable() {
		this.jdbc
			.sql("""
					insert into communication_log (requested_at, broker_id, broker_identifier, customer_id, %s,
					  method, url, request_headers, response_headers, duration_ms, request_identity)
					select dateadd(second, -n * 7, current_timestamp), %s, 'b', random_uuid(), %s,
					  'PUT', 'https://broker.example/v2/x', '{}', '{}', 10, 'id'
					from system_range(1, 50000) as g(n)""".formatted(SearchPlans.COLUMNS, SearchPlans.brokerOf("n"),
					SearchPlans.criteriaOf("n")))
			.update();
		this.jdbc.sql("analyze").update();
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("dev.bazaar.commlog.SearchPlans#searches")
	void readsEverySearchFromAnIndexInThePagesOrder(String name, LogQuery query) {
		String page = SearchPlans.plan(this.jdbc, "explain",
				SearchStatement.of(SearchPlans.BROKER, query, LogQuery.DEFAULT_LIMIT + 1));
		String deep = SearchPlans.plan(this.jdbc, "explain",
				SearchStatement.of(SearchPlans.BROKER, SearchPlans.deep(query), LogQuery.DEFAULT_LIMIT + 1));

		assertThat(page).as(page).contains("/* public.ix_communication_log_").contains("/* index sorted */");
		assertThat(deep).as(deep)
			.contains("/* public.ix_communication_log_")
			.contains("/* index sorted */")
			.containsPattern("/\\* public.ix_communication_log_\\w+: [^*]*requested_at <=");
	}

}
