package dev.bazaar.commlog;

import java.time.Clock;
import java.time.Duration;

import dev.bazaar.commlog.internal.CommunicationLogRepository;
import dev.bazaar.commlog.internal.LogBodies;
import dev.bazaar.commlog.internal.ScheduledJobs;
import dev.bazaar.support.BazaarTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;

@BazaarTest
// Small batches, so that the cleanup deletes in several statements.
@TestPropertySource(properties = "bazaar.commlog.cleanup-batch-size=2")
class LogRetentionTests {

	@Autowired
	LogRetention retention;

	@Autowired
	CommunicationLogRepository repository;

	@Autowired
	LogBodies bodies;

	@Autowired
	ScheduledJobs jobs;

	@Autowired
	CommunicationLogs logs;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Clock clock;

	@Test
	void deletesOnlyExpiredLogsAndRunsOnceWhenTwoNodesAskAtOnce() throws Exception {
		// A second node: the same database, a bean of its own.
		LogRetention otherNode = new LogRetention(this.repository, this.bodies, this.jobs, this.clock,
				java.time.Duration.ofDays(90), java.time.Duration.ofHours(1), 2);

		RetentionCheck.deletesOnlyExpiredLogsOnceAcrossTwoNodes(this.retention, otherNode, this.logs, this.jdbc,
				this.clock);
	}

}
