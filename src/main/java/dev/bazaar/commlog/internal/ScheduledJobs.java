package dev.bazaar.commlog.internal;

import java.time.Instant;

import dev.bazaar.shared.jdbc.Timestamps;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Rows of {@code scheduled_job}: one per periodic job that must run on one node only.
 * Every node tries to claim a due job; the database lets exactly one succeed.
 */
@Repository
public class ScheduledJobs {

	private final JdbcClient jdbc;

	ScheduledJobs(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Claims the job if it is due at {@code now}, moving its next run to {@code nextRun};
	 * the conditional update succeeds for one caller only, however many ask at once. A
	 * node that dies while running it leaves it to whoever claims it at the next run.
	 */
	public boolean claim(String name, String node, Instant now, Instant nextRun) {
		return this.jdbc.sql("""
				update scheduled_job set next_run_at = ?, claimed_by = ?, claimed_at = ?
				where name = ? and next_run_at <= ?""")
			.params(Timestamps.of(nextRun), node, Timestamps.of(now), name, Timestamps.of(now))
			.update() == 1;
	}

}
