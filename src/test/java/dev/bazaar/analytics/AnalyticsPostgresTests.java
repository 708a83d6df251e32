package dev.bazaar.analytics;

import dev.bazaar.support.PostgresTest;
import dev.bazaar.support.Tenants.TestCustomer;
import org.junit.jupiter.api.Test;

/**
 * The figures of a known period on PostgreSQL: percentiles, buckets and counts come out
 * as on H2.
 */
@PostgresTest
class AnalyticsPostgresTests extends AnalyticsFixture {

	@Test
	void computesTheFiguresOfAPeriodExactly() {
		this.scenario.logCallsOfTheDay();
		TestCustomer consumer = this.scenario.instancesOfTheDay();

		KnownFigures.assertAsReadByTheOwner(this.scenario, consumer);
	}

}
