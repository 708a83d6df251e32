package dev.bazaar.instance.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import org.springframework.stereotype.Component;

/**
 * Wakes the {@link TaskWorker} when this node schedules a task due before the worker
 * would look again, so that the task is claimed {@link #AHEAD} before it is due. Tasks
 * other nodes schedule are found when the worker next looks, at least every
 * {@code bazaar.polling.check}.
 */
@Component
class TaskAlarm {

	/** How long before they are due the worker claims tasks. */
	static final Duration AHEAD = Duration.ofMillis(250);

	private final Clock clock;

	private Instant earliest = Instant.MAX;

	private boolean rung;

	TaskAlarm(Clock clock) {
		this.clock = clock;
	}

	/** A task is due at {@code dueAt}: the worker should claim it in time. */
	synchronized void due(Instant dueAt) {
		if (dueAt.isBefore(this.earliest)) {
			this.earliest = dueAt;
			notifyAll();
		}
	}

	/**
	 * Forgets the tasks scheduled so far: the worker is about to look for all that are
	 * due.
	 */
	synchronized void looking() {
		this.earliest = Instant.MAX;
	}

	/**
	 * Sleeps until {@code wakeAt}, or until a task scheduled meanwhile must be claimed,
	 * or until {@link #ring()}.
	 */
	synchronized void sleepUntil(Instant wakeAt) throws InterruptedException {
		while (!this.rung) {
			Instant target = this.earliest.isBefore(wakeAt.plus(AHEAD)) ? this.earliest.minus(AHEAD) : wakeAt;
			long millis = Duration.between(this.clock.instant(), target).toMillis();
			if (millis <= 0) {
				break;
			}
			wait(millis);
		}
		this.rung = false;
	}

	/** Wakes the worker now (it is stopping). */
	synchronized void ring() {
		this.rung = true;
		notifyAll();
	}

}
