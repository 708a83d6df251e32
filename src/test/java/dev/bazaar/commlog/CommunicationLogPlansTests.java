package dev.bazaar.commlog;

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
		SearchPlans.fillTheTable(this.jdbc, 50_000);
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("dev.bazaar.commlog.SearchPlans#searches")
	void readsEverySearchFromAnIndexInThePagesOrder(String name, LogQuery query) {
		String page = SearchPlans.pagePlan(this.jdbc, "explain", query);
		String deep = SearchPlans.pagePlan(this.jdbc, "explain", SearchPlans.deep(query));

		assertThat(page).as(page).contains("/* public.ix_communication_log_").contains("/* index sorted */");
		assertThat(deep).as(deep)
			.contains("/* public.ix_communication_log_")
			.contains("/* index sorted */")
			.containsPattern("/\\* public.ix_communication_log_\\w+: [^*]*requested_at <=");
	}

}
