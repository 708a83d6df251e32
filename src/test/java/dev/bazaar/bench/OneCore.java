package dev.bazaar.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Puts the calling thread and a PostgreSQL database's server processes on one CPU for a
 * measurement of single round trips, and gives each its own CPUs back after it (Linux,
 * with {@code taskset}; does nothing elsewhere).
 * <p>
 * On this virtual machine a round trip to the server takes about 0.03 ms when the
 * scheduler puts the client thread and the server process on the same core, and about 0.1
 * ms when it puts them on two, and a placement, once made, tends to last: whichever side
 * of a comparison drew the two-core placement looked three times slower.
 */
final class OneCore implements AutoCloseable {

	/** Each pinned task (thread or process id) with the CPUs it had before. */
	private final Map<String, String> pinned = new LinkedHashMap<>();

	private OneCore() {
	}

	/**
	 * Pins this thread and the server processes of the database that {@code connection}
	 * is connected to, if they run on this machine; null (nothing pinned) where that
	 * cannot be done.
	 */
	static OneCore pin(Connection connection) {
		List<String> tasks = new ArrayList<>();
		try {
			tasks.add(Files.readSymbolicLink(Path.of("/proc/thread-self")).getFileName().toString());
			try (Statement statement = connection.createStatement();
					ResultSet rs = statement.executeQuery("select pid from pg_stat_activity where datname = "
							+ "current_database() or backend_type <> 'client backend'")) {
				while (rs.next()) {
					int pid = rs.getInt(1);
					// Only this machine's PostgreSQL processes (a server elsewhere has
					// pids of its own).
					Path comm = Path.of("/proc", Integer.toString(pid), "comm");
					if (pid > 0 && Files.exists(comm) && Files.readString(comm).startsWith("postgres")) {
						tasks.add(Integer.toString(pid));
					}
				}
			}
		}
		catch (IOException | SQLException | UnsupportedOperationException ex) {
			return null;
		}
		if (tasks.size() < 2) {
			return null;
		}
		OneCore oneCore = new OneCore();
		try {
			for (String task : tasks) {
				String before = taskset("-p", "-c", task);
				taskset("-p", "-c", "0", task);
				oneCore.pinned.put(task, before.substring(before.lastIndexOf(':') + 1).trim());
			}
		}
		catch (IOException ex) {
			oneCore.close();
			return null;
		}
		return oneCore;
	}

	@Override
	public void close() {
		this.pinned.forEach((task, cpus) -> {
			try {
				taskset("-p", "-c", cpus, task);
			}
			catch (IOException ex) {
				// A server process that ended meanwhile.
			}
		});
	}

	/** Runs {@code taskset} with the arguments; answers what it printed. */
	private static String taskset(String... arguments) throws IOException {
		List<String> command = new ArrayList<>(List.of("taskset"));
		command.addAll(List.of(arguments));
		Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
		try {
			String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
			if (!process.waitFor(5, TimeUnit.SECONDS) || process.exitValue() != 0) {
				throw new IOException(String.join(" ", command) + " failed: " + output);
			}
			return output;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IOException(ex);
		}
	}

}
