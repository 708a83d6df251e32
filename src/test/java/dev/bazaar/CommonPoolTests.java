package dev.bazaar;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Bazaar's start on a small machine makes asynchronous completions (those of the JDK's
 * HTTP client among them) run on the common pool, not on a new thread each: checked in a
 * JVM of its own limited to two cores, since the setting only works before the pool is
 * first used.
 */
class CommonPoolTests {

	@Test
	void onTwoCoresAsyncCompletionsRunOnTheCommonPool() throws Exception {
		assertThat(run(true)).startsWith("java.util.concurrent.ForkJoinPool");
	}

	@Test
	void withoutItTwoCoresStartAThreadPerTask() throws Exception {
		// What the setting prevents; if a JDK changes this, the setting can go.
		assertThat(run(false)).contains("ThreadPerTaskExecutor");
	}

	@Test
	void anExplicitSettingIsKept() throws Exception {
		assertThat(run(true, "-Djava.util.concurrent.ForkJoinPool.common.parallelism=1"))
			.contains("ThreadPerTaskExecutor");
	}

	private static String run(boolean tuned, String... options) throws IOException, InterruptedException {
		List<String> command = new ArrayList<>();
		command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
		command.add("-XX:ActiveProcessorCount=2");
		command.addAll(List.of(options));
		command.add("-cp");
		command.add(System.getProperty("java.class.path"));
		command.add(Probe.class.getName());
		command.add(String.valueOf(tuned));
		Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
		assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
		return new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
	}

	/**
	 * Prints the default executor of {@code CompletableFuture} after Bazaar's setting.
	 */
	static final class Probe {

		public static void main(String[] args) {
			if (Boolean.parseBoolean(args[0])) {
				BazaarApplication.useCommonPoolOnFewCores();
			}
			System.out.println(new CompletableFuture<Void>().defaultExecutor().getClass().getName());
		}

	}

}
