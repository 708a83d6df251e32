package dev.bazaar.shared;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.Predicate;
import java.util.function.Supplier;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

/**
 * A fixed pool of daemon threads for background work that calls brokers. Its threads call
 * brokers at most as many at once as it has call slots, which may be fewer than its
 * threads: a worker holds a slot only while it waits for a broker ({@link #callBroker}),
 * so one item's own work (database, hashing) overlaps other items' waits (ADR 0012).
 */
public final class WorkerPool implements AutoCloseable {

	private static final Log logger = LogFactory.getLog(WorkerPool.class);

	/** The call slots of the pool the current thread works for, if any. */
	private static final ThreadLocal<Slots> slotsOfThread = new ThreadLocal<>();

	private final ExecutorService executor;

	/**
	 * @param name the threads' name
	 * @param threads how many items run at once
	 * @param callSlots how many calls to brokers the threads make at once
	 */
	public WorkerPool(String name, int threads, int callSlots) {
		Slots slots = new Slots(new Semaphore(Math.max(1, callSlots)));
		this.executor = Executors.newFixedThreadPool(Math.max(1, threads), (task) -> {
			Thread thread = new Thread(() -> {
				slotsOfThread.set(slots);
				task.run();
			}, name);
			thread.setDaemon(true);
			return thread;
		});
	}

	/**
	 * Makes a call to a broker: on a thread of a pool, once one of its call slots is
	 * free, holding it for the call only; on any other thread (a person's request) at
	 * once.
	 */
	public static <T> T callBroker(Supplier<T> call) {
		Slots slots = slotsOfThread.get();
		return (slots != null) ? slots.hold(call) : call.get();
	}

	/**
	 * Reads what is due a batch at a time and runs each item that this node claims, until
	 * a batch comes back short: each worker claims its own item, so that claims overlap
	 * with other items' calls to brokers instead of preceding them all. The next batch is
	 * read once every item of the last one is claimed (or lost to another node), so
	 * workers never wait for a batch's last items to finish; this returns when all are
	 * done. Failures are logged.
	 * @param due the items due now, at most {@code batch} of them
	 * @param claim whether this node got the item (a conditional update)
	 * @param work what to do with a claimed item
	 * @return how many items this node claimed
	 */
	public <T> int claimAndRunDue(int batch, Supplier<List<T>> due, Predicate<T> claim, Consumer<T> work) {
		AtomicInteger ran = new AtomicInteger();
		List<Future<?>> running = new ArrayList<>();
		List<T> items;
		do {
			items = due.get();
			CountDownLatch claimed = new CountDownLatch(items.size());
			for (T item : items) {
				running.add(this.executor.submit(() -> {
					boolean mine;
					try {
						mine = claim.test(item);
					}
					finally {
						claimed.countDown();
					}
					if (mine) {
						ran.incrementAndGet();
						work.accept(item);
					}
				}));
			}
			if (!await(claimed)) {
				break;
			}
		}
		while (items.size() == batch);
		awaitAll(running);
		return ran.get();
	}

	private static boolean await(CountDownLatch latch) {
		try {
			latch.await();
			return true;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return false;
		}
	}

	private static void awaitAll(List<Future<?>> running) {
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

	@Override
	public void close() throws InterruptedException {
		this.executor.shutdownNow();
		this.executor.awaitTermination(5, TimeUnit.SECONDS);
	}

	/** A pool's call slots, and whether the current thread holds one. */
	private static final class Slots {

		private final Semaphore free;

		private final ThreadLocal<Boolean> holding = ThreadLocal.withInitial(() -> false);

		Slots(Semaphore free) {
			this.free = free;
		}

		<T> T hold(Supplier<T> call) {
			if (this.holding.get()) {
				// A call made while holding a slot already: taking a second could
				// deadlock.
				return call.get();
			}
			// Uninterruptibly: a worker interrupted at shutdown takes a slot that another
			// interrupted worker frees at once, and its call then ends as interrupted.
			this.free.acquireUninterruptibly();
			this.holding.set(true);
			try {
				return call.get();
			}
			finally {
				this.holding.set(false);
				this.free.release();
			}
		}

	}

}
