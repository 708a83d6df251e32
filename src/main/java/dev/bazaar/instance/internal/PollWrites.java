package dev.bazaar.instance.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.BooleanSupplier;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import dev.bazaar.commlog.CommunicationLogs;
import dev.bazaar.commlog.NewCommunicationLog;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * What polls that change nothing leave to write: the poll's communication log and the
 * task's next due time. While the {@link TaskWorker} runs, a thread of its own gathers
 * them from all polling threads for {@link #WINDOW} and writes them together, one JDBC
 * batch of logs, then one of due times; otherwise each poll writes its own at once.
 * <p>
 * A node that dies before writing them loses at most one window: the tasks keep the lease
 * of their claim, so they are polled again once it runs out. A due time is written only
 * while the task still holds that lease, so a late write never overrides a node that took
 * the task over.
 */
@Component
class PollWrites {

	/** How long polls gather before they are written. */
	static final Duration WINDOW = Duration.ofMillis(20);

	/** How long after a failed write the next is tried. */
	private static final Duration RETRY = Duration.ofSeconds(1);

	/** The most polls written in one batch. */
	private static final int MOST = 1000;

	private static final Log logger = LogFactory.getLog(PollWrites.class);

	private final TaskRepository tasks;

	private final CommunicationLogs logs;

	private final TaskAlarm alarm;

	private final Clock clock;

	private final TransactionTemplate transaction;

	private List<Pending> pending = new ArrayList<>();

	private boolean gathering;

	private @Nullable Thread writer;

	PollWrites(TaskRepository tasks, CommunicationLogs logs, TaskAlarm alarm, Clock clock,
			PlatformTransactionManager transactions) {
		this.tasks = tasks;
		this.logs = logs;
		this.alarm = alarm;
		this.clock = clock;
		this.transaction = new TransactionTemplate(transactions);
	}

	/**
	 * Stores the poll's log and makes the task, held by this node until
	 * {@code held.dueAt()}, due again at {@code dueAt}.
	 */
	void again(Task held, Instant dueAt, NewCommunicationLog log) {
		boolean now;
		synchronized (this) {
			this.pending.add(new Pending(held, dueAt, log));
			now = !this.gathering;
			// The first opens the window, the most closes it.
			if (this.gathering && (this.pending.size() == 1 || this.pending.size() >= MOST)) {
				notifyAll();
			}
		}
		if (now) {
			write();
		}
	}

	/** Stores the log of a poll that changes the operation, before the change. */
	void record(NewCommunicationLog log) {
		this.logs.record(log);
	}

	/** Starts gathering, written by a thread of its own. */
	synchronized void start() {
		if (this.writer == null) {
			this.gathering = true;
			Thread thread = new Thread(this::writeWhileGathering, "instance-tasks-write");
			thread.setDaemon(true);
			thread.start();
			this.writer = thread;
		}
	}

	/** Stops gathering and writes what is left. */
	void stop() {
		Thread thread;
		synchronized (this) {
			thread = this.writer;
			this.writer = null;
			this.gathering = false;
			notifyAll();
		}
		if (thread != null) {
			try {
				thread.join();
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}
		write();
	}

	/**
	 * Writes what is waiting now, in this thread; false if the due times could not be
	 * written (they are kept for the next try).
	 */
	boolean write() {
		List<Pending> batch = take();
		if (batch.isEmpty()) {
			return true;
		}
		this.logs.recordAll(batch.stream().map(Pending::log).filter(Objects::nonNull).toList());
		try {
			this.transaction.executeWithoutResult((status) -> this.tasks.reschedule(
					batch.stream().map((poll) -> new TaskRepository.Reschedule(poll.held, poll.dueAt)).toList()));
		}
		catch (RuntimeException ex) {
			keepHeld(batch, ex);
			return false;
		}
		this.alarm.due(batch.stream().map(Pending::dueAt).min(Instant::compareTo).orElseThrow());
		return true;
	}

	private void writeWhileGathering() {
		while (awaitPolls()) {
			if (!write()) {
				pause();
			}
		}
	}

	/** After a failed write, a while before the next, so as not to flood the log. */
	private synchronized void pause() {
		try {
			waitWhile(RETRY, () -> this.gathering);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	/**
	 * Waits for a poll to write, then for the window to fill; false once gathering stops.
	 */
	private synchronized boolean awaitPolls() {
		try {
			while (this.gathering && this.pending.isEmpty()) {
				wait();
			}
			waitWhile(WINDOW, () -> this.gathering && this.pending.size() < MOST);
			return this.gathering;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return false;
		}
	}

	/**
	 * Waits on this object's monitor, held, while the condition holds, at most so long.
	 */
	private void waitWhile(Duration most, BooleanSupplier condition) throws InterruptedException {
		long end = System.nanoTime() + most.toNanos();
		long left = most.toMillis();
		while (condition.getAsBoolean() && left > 0) {
			wait(left);
			left = (end - System.nanoTime()) / 1_000_000;
		}
	}

	private synchronized List<Pending> take() {
		List<Pending> batch = this.pending;
		this.pending = new ArrayList<>();
		return batch;
	}

	/**
	 * Puts back the due times that could not be written to try again with the next batch,
	 * while the tasks are still held; after that, the lease runs out and the polls run
	 * again.
	 */
	private void keepHeld(List<Pending> batch, RuntimeException ex) {
		Instant now = this.clock.instant();
		List<Pending> held = batch.stream()
			.filter((poll) -> now.isBefore(poll.held.dueAt()))
			.map((poll) -> new Pending(poll.held, poll.dueAt, null))
			.toList();
		logger.warn("Could not reschedule " + batch.size() + " polled tasks; trying again: " + ex);
		synchronized (this) {
			this.pending.addAll(held);
		}
	}

	private record Pending(Task held, Instant dueAt, @Nullable NewCommunicationLog log) {
	}

}
