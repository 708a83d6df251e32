package dev.bazaar.bench;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.bazaar.support.Api;

/**
 * Scenario 6: Bazaar started as a process of its own ({@code java -cp ...
 * BazaarApplication}, no JVM options unless given), timed from process start to health
 * UP; its resident memory and heap after a full GC, idle and after a provision load.
 */
final class Startup {

	private Startup() {
	}

	static Figures measure(Bazaar.Database database, FastBroker broker, Duration load, List<String> jvmOptions)
			throws Exception {
		int port = freePort();
		List<String> command = new ArrayList<>();
		command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
		command.addAll(jvmOptions);
		command.addAll(List.of("-cp", System.getProperty("java.class.path"), "dev.bazaar.BazaarApplication",
				"--server.port=" + port, "--bazaar.crypto.key=AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=",
				"--bazaar.crypto.generate-key-file=false", "--bazaar.admin.password=admin-password",
				"--bazaar.example-broker.enabled=false", "--spring.datasource.url=" + database.url(),
				"--spring.datasource.username=" + database.username(),
				"--spring.datasource.password=" + database.password()));
		File log = Files.createTempFile("bazaar-startup-", ".log").toFile();
		long started = System.nanoTime();
		Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log).start();
		try {
			Health.waitUntilUp(port, Duration.ofMinutes(3));
			long upMillis = (System.nanoTime() - started) / 1_000_000;
			Health.sleep(2000);
			Memory idle = memory(process.pid());
			String customer = Setup.customer(port, broker.url());
			Api user = Api.as(port, customer + "-employee", Bazaar.PASSWORD);
			String path = "/api/customers/" + customer + "/projects/shop/service-instances";
			Load.Result result = Load
				.run(16, load, (sequence) -> user
					.post(path,
							"{\"marketplace\":\"private\",\"serviceId\":\"" + FastBroker.SERVICE_ID + "\",\"planId\":\""
									+ FastBroker.PLAN_ID + "\",\"displayName\":\"s6-" + sequence + "\"}")
					.status() == 201);
			Memory loaded = memory(process.pid());
			return new Figures(database.name(), String.join(" ", jvmOptions), upMillis, idle, loaded,
					result.operations(), result.percentileMillis(99));
		}
		finally {
			process.destroy();
			if (!process.waitFor(30, TimeUnit.SECONDS)) {
				process.destroyForcibly();
			}
		}
	}

	private static Memory memory(long pid) throws Exception {
		jcmd(pid, "GC.run");
		String heap = jcmd(pid, "GC.heap_info");
		// G1 has one "garbage-first heap" line, the serial collector a line per
		// generation.
		long heapKb = 0;
		for (String line : heap.split("\n")) {
			Matcher used = Pattern.compile("used (\\d+)K").matcher(line);
			if ((line.contains(" heap ") || line.contains(" generation ")) && used.find()) {
				heapKb += Long.parseLong(used.group(1));
			}
		}
		long rssKb = -1;
		for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
			if (line.startsWith("VmRSS:")) {
				rssKb = Long.parseLong(line.replaceAll("[^0-9]", ""));
			}
		}
		return new Memory(rssKb / 1024, heapKb / 1024);
	}

	private static String jcmd(long pid, String command) throws IOException, InterruptedException {
		Process jcmd = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(),
				Long.toString(pid), command)
			.redirectErrorStream(true)
			.start();
		String output = new String(jcmd.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		jcmd.waitFor(60, TimeUnit.SECONDS);
		return output;
	}

	private static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

	/** Resident set size and heap used after a full GC, in MiB. */
	record Memory(long rssMb, long heapMb) {
	}

	record Figures(String database, String jvmOptions, long upMillis, Memory idle, Memory loaded, long provisions,
			double p99Millis) {
	}

}
