package dev.bazaar.analytics;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** What the analytics tests start from: a fresh {@link AnalyticsScenario} per test. */
abstract class AnalyticsFixture {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	AnalyticsScenario scenario;

	@BeforeEach
	void startTheScenario() {
		this.scenario = AnalyticsScenario.start(this.port, this.jdbc);
	}

	@AfterEach
	void closeTheScenario() {
		this.scenario.close();
	}

}
