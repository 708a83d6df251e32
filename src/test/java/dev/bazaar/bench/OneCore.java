package dev.bazaar.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Puts the calling thread and a PostgreSQL database's server processes on one CPU for a
 * measurement of single round trips, and back on all CPUs after it (Linux, with
 * {@code taskset}; does nothing elsewhere).
 * <p>
 * On this virtual machine a round trip to the server takes about 0.03 ms when the
 * scheduler puts the client thread and the server process on the same core, and about 0.1
 * ms when it puts them on two, and a placement, once made, tends to last: whichever side
 * of a comparison drew the two-core placement looked three times slower.
 */
final class OneCore implements AutoCloseable {

	private final List<String> tasks;

	private final String all;

	private OneCore(List<String> tasks, String all) {
		this.tasks = tasks;
		this.all = all;
	}

	/**
	 * Pins this thread and every server process of the database that {@code connection}
	 * is connected to; null (nothing pinned) where that cannot be done.
	 */
	static OneCore pin(Connection connection) {
		try {
			Path self = Files.readSymbolicLink(Path.of("/proc/thread-self"));
			List<String> tasks = new ArrayList<>();
			tasks.add(self.getFileName().toString());
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
			if (tasks.size() < 2) {
				return null;
			}
			OneCore pinned = new OneCore(new ArrayList<>(), "0-" + (Runtime.getRuntime().availableProcessors() - 1));
			try {
				for (String task : tasks) {
					taskset("0", task);
					pinned.tasks.add(task);
				}
			}
			catch (IOException ex) {
				pinned.close();
				return null;
			}
			return pinned;
		}
		catch (IOException | SQLException | UnsupportedOperationException ex) {
			return null;
		}
	}

	@Override
	public void close() {
		for (String task : this.tasks) {
			try {
				taskset(this.all, task);
			}
			catch (IOException ex) {
				// A server process that ended meanwhile.
			}
		}
	}

	private static void taskset(String cpus, String task) throws IOException {
		Process process = new ProcessBuilder("taskset", "-p", "-c", cpus, task).redirectErrorStream(true)
			.redirectOutput(ProcessBuilder.Redirect.DISCARD)
			.start();
		try {
			if (!process.waitFor(5, TimeUnit.SECONDS) || process.exitValue() != 0) {
				throw new IOException("taskset -p -c " + cpus + " " + task + " failed");
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IOException(ex);
		}
	}

}
