package dev.bazaar.commlog;

import java.lang.management.ManagementFactory;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.UUID;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import dev.bazaar.commlog.internal.CommunicationLogRepository;
import dev.bazaar.commlog.internal.LogBodies;
import dev.bazaar.commlog.internal.ScheduledJobs;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Deletes communication logs older than the retention period
 * ({@code bazaar.commlog.retention}), once per cleanup interval across all nodes, broker
 * by broker in bounded batches so that no transaction grows with the backlog.
 */
@Component
public class LogRetention {

	static final String JOB = "commlog-retention";

	private static final Log logger = LogFactory.getLog(LogRetention.class);

	private static final String NODE = ManagementFactory.getRuntimeMXBean().getName();

	private final CommunicationLogRepository repository;

	private final LogBodies bodies;

	private final ScheduledJobs jobs;

	private final Clock clock;

	private final Duration retention;

	private final Duration interval;

	private final int batchSize;

	LogRetention(CommunicationLogRepository repository, LogBodies bodies, ScheduledJobs jobs, Clock clock,
			@Value("${bazaar.commlog.retention:90d}") Duration retention,
			@Value("${bazaar.commlog.cleanup-interval:1h}") Duration interval,
			@Value("${bazaar.commlog.cleanup-batch-size:1000}") int batchSize) {
		this.repository = repository;
		this.bodies = bodies;
		this.jobs = jobs;
		this.clock = clock;
		this.retention = retention;
		this.interval = interval;
		this.batchSize = Math.max(1, batchSize);
	}

	@Scheduled(fixedDelayString = "${bazaar.commlog.cleanup-interval:1h}",
			initialDelayString = "${bazaar.commlog.cleanup-interval:1h}")
	void tick() {
		try {
			cleanUpIfDue();
		}
		catch (RuntimeException ex) {
			logger.warn("Could not delete expired communication logs; trying again at the next interval: " + ex);
		}
	}

	/**
	 * Deletes the expired logs if this node claims the cleanup that is due; returns how
	 * many it deleted, or empty when the cleanup was not due or another node claimed it.
	 */
	public OptionalInt cleanUpIfDue() {
		Instant now = this.clock.instant();
		if (!this.jobs.claim(JOB, NODE, now, now.plus(this.interval))) {
			return OptionalInt.empty();
		}
		Instant cutoff = now.minus(this.retention);
		int deleted = deleteLogs(cutoff);
		int bodies = deleteBodies(cutoff);
		if (deleted > 0 || bodies > 0) {
			logger.info("Deleted " + deleted + " communication logs requested before " + cutoff + ", and " + bodies
					+ " bodies no log uses any more");
		}
		return OptionalInt.of(deleted);
	}

	private int deleteLogs(Instant cutoff) {
		int deleted = 0;
		// Broker by broker, by the index the searches use: an index on the time alone
		// would lure PostgreSQL's planner away from those in searches of big brokers.
		Optional<UUID> broker = this.repository.nextBrokerLogged(null);
		while (broker.isPresent()) {
			int batch;
			do {
				batch = this.repository.deleteRequestedBefore(broker.get(), cutoff, this.batchSize);
				deleted += batch;
			}
			while (batch == this.batchSize);
			broker = this.repository.nextBrokerLogged(broker.get());
		}
		return deleted;
	}

	/**
	 * After the logs: the bodies that only expired logs used (ADR 0010), by their last
	 * use, without looking for the logs that use them.
	 */
	private int deleteBodies(Instant cutoff) {
		int deleted = 0;
		int batch;
		do {
			batch = this.bodies.deleteUnusedBefore(cutoff, this.batchSize);
			deleted += batch;
		}
		while (batch == this.batchSize);
		return deleted;
	}

}
