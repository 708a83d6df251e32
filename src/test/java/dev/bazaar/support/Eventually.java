package dev.bazaar.support;

import java.time.Duration;
import java.util.function.Predicate;
import java.util.function.Supplier;

/** Waits for a condition that background work brings about. */
public final class Eventually {

	private Eventually() {
	}

	/**
	 * The first value that satisfies the condition within the timeout; fails with the
	 * last value otherwise.
	 */
	public static <T> T until(Supplier<T> value, Predicate<T> condition, Duration timeout) {
		long end = System.nanoTime() + timeout.toNanos();
		T last = value.get();
		while (!condition.test(last)) {
			if (System.nanoTime() > end) {
				throw new AssertionError("Condition not met within " + timeout + "; last value: " + last);
			}
			try {
				Thread.sleep(50);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new AssertionError("Interrupted", ex);
			}
			last = value.get();
		}
		return last;
	}

}
