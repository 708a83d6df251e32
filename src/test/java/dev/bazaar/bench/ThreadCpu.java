package dev.bazaar.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The CPU time of this JVM's threads, JIT compiler and garbage collector included, from
 * {@code /proc/self/task} (Linux; elsewhere empty), in clock ticks of 10 ms.
 */
final class ThreadCpu {

	private static final long TICK_MILLIS = 10;

	private final Map<String, String> names = new HashMap<>();

	private final Map<String, Long> ticks = new HashMap<>();

	private ThreadCpu() {
	}

	static ThreadCpu now() {
		ThreadCpu cpu = new ThreadCpu();
		try (Stream<Path> tasks = Files.list(Path.of("/proc/self/task"))) {
			tasks.forEach((task) -> cpu.read(task));
		}
		catch (IOException ex) {
			// Not Linux: no breakdown.
		}
		return cpu;
	}

	private void read(Path task) {
		try {
			String stat = Files.readString(task.resolve("stat"));
			String name = stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
			String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
			this.names.put(task.getFileName().toString(), name);
			this.ticks.put(task.getFileName().toString(), Long.parseLong(fields[11]) + Long.parseLong(fields[12]));
		}
		catch (IOException | RuntimeException ex) {
			// The thread ended meanwhile.
		}
	}

	/**
	 * Milliseconds of CPU by kind of thread since {@code before}: "JIT", "GC", or the
	 * thread's name less its number (cut to 15 characters by Linux).
	 */
	Map<String, Long> since(ThreadCpu before) {
		Map<String, Long> byKind = new TreeMap<>();
		this.ticks.forEach((id, now) -> {
			long spent = now - before.ticks.getOrDefault(id, 0L);
			if (spent > 0) {
				byKind.merge(kind(this.names.get(id)), spent * TICK_MILLIS, Long::sum);
			}
		});
		return byKind;
	}

	static String describe(Map<String, Long> byKind) {
		return byKind.entrySet()
			.stream()
			.filter((entry) -> entry.getValue() >= 50)
			.sorted(Map.Entry.<String, Long>comparingByValue().reversed())
			.map((entry) -> entry.getKey() + " " + entry.getValue())
			.collect(Collectors.joining(", "));
	}

	private static String kind(String name) {
		if (name.startsWith("C1 Compiler") || name.startsWith("C2 Compiler")) {
			return "JIT";
		}
		if (name.startsWith("GC Thread") || name.startsWith("G1 ") || name.startsWith("VM Thread")) {
			return "GC";
		}
		return name.replaceAll("[-#\\d]+$", "");
	}

}
