package dev.bazaar.shared;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A pool's workers call brokers at most as many at once as it has call slots, while the
 * other workers go on with their own work (ADR 0012).
 */
class WorkerPoolTests {

	@Test
	void callsBrokersNoMoreAtOnceThanItHasSlotsWhileOtherWorkersGoOn() throws Exception {
		CountDownLatch ownWorkDone = new CountDownLatch(4);
		CountDownLatch answer = new CountDownLatch(1);
		AtomicInteger inCall = new AtomicInteger();
		AtomicInteger mostInCall = new AtomicInteger();
		try (WorkerPool pool = new WorkerPool("test", 4, 2)) {
			CompletableFuture<Integer> ran = CompletableFuture
				.supplyAsync(() -> pool.claimAndRunDue(100, () -> List.of(1, 2, 3, 4), (item) -> true, (item) -> {
					ownWorkDone.countDown();
					WorkerPool.callBroker(() -> {
						mostInCall.accumulateAndGet(inCall.incrementAndGet(), Math::max);
						await(answer);
						return inCall.decrementAndGet();
					});
				}));

			assertThat(ownWorkDone.await(5, TimeUnit.SECONDS)).as("all four did their own work, two calls waiting")
				.isTrue();
			Thread.sleep(100);
			assertThat(inCall).hasValue(2);
			assertThat(WorkerPool.callBroker(() -> "at once")).as("a call from elsewhere needs no slot")
				.isEqualTo("at once");
			answer.countDown();
			assertThat(ran.get(5, TimeUnit.SECONDS)).isEqualTo(4);
			assertThat(mostInCall).hasValue(2);
		}
	}

	@Test
	void readsTheNextBatchOnceTheLastIsClaimedNotOnceItIsDone() throws Exception {
		CountDownLatch nextBatchStarted = new CountDownLatch(1);
		AtomicInteger reads = new AtomicInteger();
		AtomicReference<Boolean> sawNextBatch = new AtomicReference<>();
		try (WorkerPool pool = new WorkerPool("test", 4, 4)) {
			int ran = pool.claimAndRunDue(2, () -> switch (reads.getAndIncrement()) {
				case 0 -> List.of("a", "b");
				case 1 -> List.of("c");
				default -> List.of();
			}, (item) -> true, (item) -> {
				if (item.equals("c")) {
					nextBatchStarted.countDown();
				}
				else if (item.equals("a")) {
					sawNextBatch.set(awaitBriefly(nextBatchStarted));
				}
			});

			assertThat(ran).isEqualTo(3);
			assertThat(sawNextBatch).hasValue(true);
			assertThat(reads).as("a short batch is the last").hasValue(2);
		}
	}

	@Test
	void runsOnlyWhatItClaims() throws Exception {
		AtomicInteger done = new AtomicInteger();
		try (WorkerPool pool = new WorkerPool("test", 2, 1)) {
			int ran = pool.claimAndRunDue(100, () -> List.of(1, 2, 3, 4, 5), (item) -> item % 2 == 1,
					(item) -> done.incrementAndGet());

			assertThat(ran).isEqualTo(3);
			assertThat(done).hasValue(3);
		}
	}

	private static boolean awaitBriefly(CountDownLatch latch) {
		try {
			return latch.await(5, TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return false;
		}
	}

	private static void await(CountDownLatch latch) {
		awaitBriefly(latch);
	}

}
