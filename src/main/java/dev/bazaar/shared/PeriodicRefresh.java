package dev.bazaar.shared;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;

import dev.bazaar.shared.jdbc.DueRefresh;
import dev.bazaar.shared.jdbc.RefreshTimes;

/**
 * The periodic refresh of rows whose catalog is fetched from a broker (brokers',
 * publications'): every node reads what is due a batch at a time; each refresh is claimed
 * through the database ({@link RefreshTimes#claim}), so it runs on exactly one node, and
 * its call to the broker takes one of {@code concurrency} call slots (ADR 0012).
 */
public final class PeriodicRefresh implements AutoCloseable {

	static final int BATCH = 100;

	/**
	 * Workers per call slot: enough that the slots stay busy while other refreshes claim,
	 * read and write.
	 */
	static final int WORKERS_PER_SLOT = 2;

	private final Due due;

	private final RefreshTimes times;

	private final UnaryOperator<Instant> nextAfter;

	private final Clock clock;

	private final WorkerPool workers;

	/**
	 * @param name the workers' name
	 * @param concurrency calls to brokers at once, at most
	 * @param due the rows due at a time, at most as many as asked, the longest due first
	 * @param times the rows' refresh times
	 * @param nextAfter when the next refresh is due, given when one starts
	 * @param clock the clock
	 */
	public PeriodicRefresh(String name, int concurrency, Due due, RefreshTimes times, UnaryOperator<Instant> nextAfter,
			Clock clock) {
		this.due = due;
		this.times = times;
		this.nextAfter = nextAfter;
		this.clock = clock;
		int slots = Math.max(1, concurrency);
		this.workers = new WorkerPool(name, slots * WORKERS_PER_SLOT, slots);
	}

	/**
	 * Claims and runs every refresh due now; returns how many this node ran. Failures of
	 * {@code refresh} are logged.
	 */
	public int runDue(Consumer<UUID> refresh) {
		return this.workers.claimAndRunDue(BATCH, () -> this.due.at(this.clock.instant(), BATCH), this::claim,
				(claimed) -> refresh.accept(claimed.id()));
	}

	/** Claims a due refresh as it starts, recording that time. */
	private boolean claim(DueRefresh refresh) {
		Instant now = this.clock.instant();
		return this.times.claim(refresh, now, this.nextAfter.apply(now));
	}

	@Override
	public void close() throws InterruptedException {
		this.workers.close();
	}

	/** The rows due for a refresh. */
	@FunctionalInterface
	public interface Due {

		/**
		 * Up to {@code limit} rows due at {@code now}, the longest due first.
		 */
		List<DueRefresh> at(Instant now, int limit);

	}

}
