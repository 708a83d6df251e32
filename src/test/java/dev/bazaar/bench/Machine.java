package dev.bazaar.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** What the benchmark ran on. */
final class Machine {

	private Machine() {
	}

	static String describe() {
		return "Machine: " + Runtime.getRuntime().availableProcessors() + " CPUs (" + cpuModel() + "), " + memTotal()
				+ " RAM, load average before the run " + first("/proc/loadavg") + "; Java "
				+ System.getProperty("java.runtime.version") + " (" + System.getProperty("java.vm.name") + "), "
				+ System.getProperty("os.name") + " " + System.getProperty("os.version") + ".";
	}

	private static String cpuModel() {
		return read("/proc/cpuinfo").stream()
			.filter((line) -> line.startsWith("model name"))
			.map((line) -> line.substring(line.indexOf(':') + 1).trim())
			.findFirst()
			.orElse("unknown model");
	}

	private static String memTotal() {
		return read("/proc/meminfo").stream()
			.filter((line) -> line.startsWith("MemTotal:"))
			.map((line) -> Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024 / 1024 + " GiB")
			.findFirst()
			.orElse("unknown");
	}

	private static String first(String file) {
		List<String> lines = read(file);
		return lines.isEmpty() ? "unknown" : lines.get(0);
	}

	private static List<String> read(String file) {
		try {
			return Files.readAllLines(Path.of(file));
		}
		catch (IOException ex) {
			return List.of();
		}
	}

}
