package dev.bazaar.analytics;

import dev.bazaar.support.PostgresTest;
import dev.bazaar.support.Tenants.TestCustomer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The figures of a known period on PostgreSQL: percentiles, buckets and counts come out
 * as on H2.
 */
@PostgresTest
class AnalyticsPostgresTests {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	AnalyticsScenario scenario;

	@BeforeEach
	void start() {
		this.scenario = AnalyticsScenario.start(this.port, this.jdbc);
	}

	@AfterEach
	void stop() {
		this.scenario.close();
	}

	@Test
	void computesTheFiguresOfAPeriodExactly() {
		this.scenario.logCallsOfTheDay();
		TestCustomer consumer = this.scenario.instancesOfTheDay();

		JsonNode all = this.scenario.figuresOfTheDay(this.scenario.owner.admin(), null);
		JsonNode privateOnly = this.scenario.figuresOfTheDay(this.scenario.owner.admin(), "private");
		JsonNode location = this.scenario.figuresOfTheDay(this.scenario.owner.admin(), "eu-1");

		KnownFigures.assertAll(all, privateOnly, location, this.scenario, consumer);
	}

}
