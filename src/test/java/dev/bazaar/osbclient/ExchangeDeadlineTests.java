package dev.bazaar.osbclient;

import java.net.http.HttpResponse.ResponseInfo;
import java.time.Duration;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ExchangeDeadlineTests {

	private final ScheduledThreadPoolExecutor timer = new ScheduledThreadPoolExecutor(1);

	private final CappedBodyHandler body = new CappedBodyHandler(1024);

	@AfterEach
	void stop() {
		this.timer.shutdownNow();
		Thread.interrupted();
	}

	@Test
	void interruptsTheCallerWhenNoAnswerCameInTime() throws Exception {
		ExchangeDeadline deadline = ExchangeDeadline.start(this.body, this.timer, Duration.ofMillis(50),
				Duration.ofSeconds(10));

		boolean interrupted = waitForInterrupt();

		assertThat(interrupted).isTrue();
		assertThat(deadline.finish()).isTrue();
		assertThat(Thread.currentThread().isInterrupted()).isFalse();
		assertThat(this.body.expired()).isFalse();
	}

	@Test
	void neverInterruptsOnceFinished() throws Exception {
		ExchangeDeadline deadline = ExchangeDeadline.start(this.body, this.timer, Duration.ofMillis(50),
				Duration.ofMillis(50));

		assertThat(deadline.finish()).isFalse();

		assertThat(waitForInterrupt()).isFalse();
		assertThat(this.timer.getQueue()).isEmpty();
	}

	@Test
	void givesAnAnswerWhoseHeadersCameTheGraceToCompleteItsBody() throws Exception {
		ExchangeDeadline deadline = ExchangeDeadline.start(this.body, this.timer, Duration.ofMillis(50),
				Duration.ofMillis(100));
		this.body.apply(info());

		assertThat(waitForInterrupt()).isFalse();
		long waited = 0;
		while (!this.body.expired() && waited < 5000) {
			Thread.sleep(10);
			waited += 10;
		}
		assertThat(this.body.expired()).isTrue();
		assertThat(deadline.finish()).isFalse();
		assertThat(Thread.currentThread().isInterrupted()).isFalse();
	}

	/** Sleeps up to 300 ms; answers whether the sleep was interrupted. */
	private static boolean waitForInterrupt() {
		try {
			TimeUnit.MILLISECONDS.sleep(300);
			return false;
		}
		catch (InterruptedException ex) {
			return true;
		}
	}

	private static ResponseInfo info() {
		return CappedBodyHandlerTests.info("2");
	}

}
