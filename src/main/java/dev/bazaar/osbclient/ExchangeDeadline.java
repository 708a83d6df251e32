package dev.bazaar.osbclient;

import java.time.Duration;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

import org.jspecify.annotations.Nullable;

/**
 * The time limits of one blocking exchange, kept by Bazaar's own timer instead of the JDK
 * client's request timeout: every such timeout registers and cancels a timer under the
 * client's one lock, which its selector thread holds while it purges them, so that
 * concurrent calls queue behind each other (ADR 0011).
 * <p>
 * When the response timeout passes before the headers arrive, the calling thread is
 * interrupted, which makes the JDK client cancel the exchange; once the headers are in,
 * the body must be complete when connect and response timeouts together have passed. The
 * interrupt reaches the caller only while it waits in the exchange: {@link #finish()}
 * ends the deadline and clears an interrupt that came too late.
 */
final class ExchangeDeadline {

	private final Thread caller;

	private final CappedBodyHandler body;

	private final ScheduledExecutorService timer;

	private final long bodyGraceMillis;

	private boolean finished;

	private boolean interrupted;

	private @Nullable ScheduledFuture<?> pending;

	private ExchangeDeadline(Thread caller, CappedBodyHandler body, ScheduledExecutorService timer,
			long bodyGraceMillis) {
		this.caller = caller;
		this.body = body;
		this.timer = timer;
		this.bodyGraceMillis = bodyGraceMillis;
	}

	/**
	 * Starts the deadline of an exchange the current thread is about to make: headers
	 * within {@code responseTimeout}, the whole body within {@code responseTimeout} and
	 * {@code bodyGrace} together.
	 */
	static ExchangeDeadline start(CappedBodyHandler body, ScheduledExecutorService timer, Duration responseTimeout,
			Duration bodyGrace) {
		ExchangeDeadline deadline = new ExchangeDeadline(Thread.currentThread(), body, timer, bodyGrace.toMillis());
		synchronized (deadline) {
			deadline.pending = timer.schedule(deadline::responseDue, responseTimeout.toMillis(), TimeUnit.MILLISECONDS);
		}
		return deadline;
	}

	private synchronized void responseDue() {
		if (this.finished) {
			return;
		}
		if (this.body.answered()) {
			this.pending = this.timer.schedule(this.body::expire, this.bodyGraceMillis, TimeUnit.MILLISECONDS);
			return;
		}
		this.interrupted = true;
		this.caller.interrupt();
	}

	/**
	 * Ends the deadline, from the calling thread, once the exchange returned or threw.
	 * Answers whether it interrupted the caller because no answer came in time; the
	 * caller's interrupt status is then cleared.
	 */
	synchronized boolean finish() {
		if (!this.finished) {
			this.finished = true;
			if (this.pending != null) {
				this.pending.cancel(false);
			}
		}
		if (this.interrupted) {
			Thread.interrupted();
		}
		return this.interrupted;
	}

}
