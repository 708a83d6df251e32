package dev.bazaar.shared;

import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.Predicate;
import java.util.function.Supplier;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

/**
 * A fixed pool of daemon threads for background work that calls brokers: it runs a batch
 * and waits until all of it is done, so the next batch never overlaps the last.
 */
public final class WorkerPool implements AutoCloseable {

	private static final Log logger = LogFactory.getLog(WorkerPool.class);

	private final ExecutorService executor;

	public WorkerPool(String name, int threads) {
		this.executor = Executors.newFixedThreadPool(Math.max(1, threads), (task) -> {
			Thread thread = new Thread(task, name);
			thread.setDaemon(true);
			return thread;
		});
	}

	/**
	 * Runs the work for each item, at most as many at once as the pool has threads;
	 * failures are logged.
	 */
	public <T> void runAll(List<T> items, Consumer<T> work) {
		List<Future<?>> running = items.stream()
			.<Future<?>>map((item) -> this.executor.submit(() -> work.accept(item)))
			.toList();
		for (Future<?> future : running) {
			try {
				future.get();
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return;
			}
			catch (ExecutionException ex) {
				logger.warn("Background work failed unexpectedly", ex.getCause());
			}
		}
	}

	/**
	 * Reads what is due a batch at a time and runs each item that this node claims, until
	 * a batch comes back short: each worker claims its own item, so that claims overlap
	 * with other items' calls to brokers instead of preceding them all.
	 * @param due the items due now, at most {@code batch} of them
	 * @param claim whether this node got the item (a conditional update)
	 * @param work what to do with a claimed item
	 * @return how many items this node claimed
	 */
	public <T> int claimAndRunDue(int batch, Supplier<List<T>> due, Predicate<T> claim, Consumer<T> work) {
		AtomicInteger ran = new AtomicInteger();
		List<T> items;
		do {
			items = due.get();
			runAll(items, (item) -> {
				if (claim.test(item)) {
					ran.incrementAndGet();
					work.accept(item);
				}
			});
		}
		while (items.size() == batch);
		return ran.get();
	}

	@Override
	public void close() throws InterruptedException {
		this.executor.shutdownNow();
		this.executor.awaitTermination(5, TimeUnit.SECONDS);
	}

}
