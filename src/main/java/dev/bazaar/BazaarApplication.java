package dev.bazaar;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** Bazaar: a self-hosted marketplace for Open Service Broker services. */
@SpringBootApplication
public class BazaarApplication {

	/** System property of the common {@code ForkJoinPool}'s parallelism. */
	static final String COMMON_POOL_PARALLELISM = "java.util.concurrent.ForkJoinPool.common.parallelism";

	public static void main(String[] args) {
		useCommonPoolOnFewCores();
		SpringApplication.run(BazaarApplication.class, args);
	}

	/**
	 * On one or two cores the common pool's parallelism defaults to one, and then
	 * {@code CompletableFuture} runs every asynchronous task on a new thread, which the
	 * JDK's {@code HttpClient} does for every response: a thread started per broker call
	 * (docs/benchmarks.md). A parallelism of two makes it use the pool. Must run before
	 * anything touches {@code ForkJoinPool}; an explicit setting is kept.
	 */
	static void useCommonPoolOnFewCores() {
		if (System.getProperty(COMMON_POOL_PARALLELISM) == null && Runtime.getRuntime().availableProcessors() <= 2) {
			System.setProperty(COMMON_POOL_PARALLELISM, "2");
		}
	}

}
