package dev.bazaar.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.Writer;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import com.sun.net.httpserver.HttpExchange;

/**
 * Scenario 5's fake broker, in a JVM of its own so that its CPU is not counted as
 * Bazaar's: on a real socket, it answers {@code GET .../last_operation} with
 * {@code {"state":"in progress"}} and a {@code Retry-After} of 1 to 5 seconds, fixed per
 * instance, and measures how late each poll comes: the time it receives a poll minus the
 * time that poll was due (when it sent its last answer to that instance plus the
 * Retry-After it gave). The parent drives it through standard input ({@code begin},
 * {@code end}) and reads its figures from standard output.
 */
final class PollingBroker implements AutoCloseable {

	private final Process process;

	private final BufferedReader out;

	private final Writer in;

	private final String url;

	PollingBroker() throws IOException {
		List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx256m",
				"-XX:+UseSerialGC", "-cp", System.getProperty("java.class.path"), PollingBroker.class.getName());
		this.process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
		this.out = new BufferedReader(new InputStreamReader(this.process.getInputStream(), StandardCharsets.UTF_8));
		this.in = new OutputStreamWriter(this.process.getOutputStream(), StandardCharsets.UTF_8);
		this.url = "http://localhost:" + reply("port").trim();
	}

	String url() {
		return this.url;
	}

	/** Starts a measured window: forgets the polls before now. */
	void begin() throws IOException {
		ask("begin");
	}

	/**
	 * Ends the window: the figures of the polls that were due in it, except the last
	 * {@code settle} (whose polls may still be on their way); a poll due in that span but
	 * not yet received counts with its lateness so far.
	 */
	Window end(long settleMillis) throws IOException {
		String[] figures = ask("end " + settleMillis).trim().split(" ");
		long[] numbers = Arrays.stream(figures).mapToLong(Long::parseLong).toArray();
		return new Window(numbers[0], numbers[1], numbers[2] / 1e3, numbers[3] / 1e3, numbers[4] / 1e3,
				numbers[5] / 1e3, numbers[6], numbers[7], numbers[8]);
	}

	private String ask(String command) throws IOException {
		this.in.write(command + "\n");
		this.in.flush();
		return reply(command);
	}

	private String reply(String command) throws IOException {
		String line = this.out.readLine();
		if (line == null) {
			throw new IOException("The polling broker ended before it answered '" + command + "'");
		}
		return line;
	}

	@Override
	public void close() throws InterruptedException {
		this.process.destroy();
		if (!this.process.waitFor(10, TimeUnit.SECONDS)) {
			this.process.destroyForcibly();
		}
	}

	/**
	 * What the broker saw in a window.
	 *
	 * @param polls the polls received in the window
	 * @param samples the polls due in the window (less the settling span) that were
	 * received or are overdue
	 * @param p50Millis median lateness
	 * @param p99Millis 99th percentile of lateness
	 * @param maxMillis greatest lateness
	 * @param minMillis least lateness (negative: a poll came before it was due)
	 * @param overdue polls due in the window that had not come at its end
	 * @param wallNanos the window's length
	 * @param cpuNanos the broker process's CPU time in the window
	 */
	record Window(long polls, long samples, double p50Millis, double p99Millis, double maxMillis, double minMillis,
			long overdue, long wallNanos, long cpuNanos) {

		double perSecond() {
			return this.polls / (this.wallNanos / 1e9);
		}

		double coresBusy() {
			return this.cpuNanos / (double) this.wallNanos;
		}

	}

	// The broker process.

	private static final byte[] IN_PROGRESS = "{\"state\":\"in progress\"}".getBytes(StandardCharsets.UTF_8);

	private static final byte[] CATALOG = ("{\"services\":[{\"name\":\"bench-db\",\"id\":\"" + FastBroker.SERVICE_ID
			+ "\",\"description\":\"A database for benchmarks\",\"bindable\":true,\"plan_updateable\":true,"
			+ "\"plans\":[{\"id\":\"" + FastBroker.PLAN_ID
			+ "\",\"name\":\"small\",\"description\":\"Small\",\"free\":true}]}]}")
		.getBytes(StandardCharsets.UTF_8);

	private static final byte[] EMPTY = "{}".getBytes(StandardCharsets.UTF_8);

	private static final String PREFIX = "/v2/service_instances/";

	/** Per instance id: {nanoTime of the last answer, Retry-After in seconds}. */
	private static final Map<String, long[]> instances = new ConcurrentHashMap<>();

	/** Lateness samples of the window: {due, lateness} in nanoseconds. */
	private static final List<long[]> samples = new ArrayList<>();

	private static final AtomicLong polls = new AtomicLong();

	private static volatile boolean recording;

	public static void main(String[] args) throws IOException {
		LoopbackServer server = LoopbackServer.start("polling-broker", 4, 1024, PollingBroker::answer);
		PrintWriter parent = new PrintWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8), true);
		parent.println(server.port());
		BufferedReader commands = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
		com.sun.management.OperatingSystemMXBean os = (com.sun.management.OperatingSystemMXBean) ManagementFactory
			.getOperatingSystemMXBean();
		long begun = System.nanoTime();
		long cpu = os.getProcessCpuTime();
		for (String command = commands.readLine(); command != null; command = commands.readLine()) {
			if (command.equals("begin")) {
				synchronized (samples) {
					samples.clear();
					polls.set(0);
					begun = System.nanoTime();
					cpu = os.getProcessCpuTime();
					recording = true;
				}
				parent.println("ok");
			}
			else if (command.startsWith("end ")) {
				long settle = TimeUnit.MILLISECONDS.toNanos(Long.parseLong(command.substring(4)));
				parent.println(figures(begun, System.nanoTime(), settle, os.getProcessCpuTime() - cpu));
			}
		}
		server.close();
	}

	private static String figures(long begun, long ended, long settle, long cpu) {
		long lastDue = ended - settle;
		long[] lateness;
		int overdue = 0;
		synchronized (samples) {
			recording = false;
			List<Long> all = new ArrayList<>();
			for (long[] sample : samples) {
				if (sample[0] >= begun && sample[0] <= lastDue) {
					all.add(sample[1]);
				}
			}
			for (long[] state : instances.values()) {
				long due;
				synchronized (state) {
					due = state[0] + TimeUnit.SECONDS.toNanos(state[1]);
				}
				if (due >= begun && due <= lastDue) {
					all.add(ended - due);
					overdue++;
				}
			}
			lateness = all.stream().mapToLong(Long::longValue).sorted().toArray();
		}
		return String.format(Locale.ROOT, "%d %d %d %d %d %d %d %d %d", polls.get(), lateness.length,
				micros(percentile(lateness, 50)), micros(percentile(lateness, 99)),
				micros((lateness.length > 0) ? lateness[lateness.length - 1] : 0),
				micros((lateness.length > 0) ? lateness[0] : 0), overdue, ended - begun, cpu);
	}

	private static long percentile(long[] sorted, double p) {
		if (sorted.length == 0) {
			return 0;
		}
		int index = (int) Math.min(sorted.length - 1, Math.ceil(p / 100 * sorted.length) - 1);
		return sorted[Math.max(0, index)];
	}

	private static long micros(long nanos) {
		return nanos / 1000;
	}

	private static void answer(HttpExchange exchange) throws IOException {
		long received = System.nanoTime();
		try (InputStream body = exchange.getRequestBody()) {
			body.readAllBytes();
		}
		String path = exchange.getRequestURI().getPath();
		if (path.startsWith(PREFIX) && path.endsWith("/last_operation")) {
			String id = path.substring(PREFIX.length(), path.length() - "/last_operation".length());
			long[] state = instances.computeIfAbsent(id,
					(key) -> new long[] { 0, 1 + Math.floorMod(key.hashCode(), 5) });
			exchange.getResponseHeaders().set("Content-Type", "application/json");
			exchange.getResponseHeaders().set("Retry-After", Long.toString(state[1]));
			long[] sample = null;
			synchronized (state) {
				if (state[0] != 0 && recording) {
					long due = state[0] + TimeUnit.SECONDS.toNanos(state[1]);
					sample = new long[] { due, received - due };
				}
				// The poll is due Retry-After after the answer leaves.
				state[0] = System.nanoTime();
			}
			// Never both locks at once, in this order: figures() takes them the other
			// way.
			if (sample != null) {
				synchronized (samples) {
					samples.add(sample);
				}
			}
			if (recording) {
				polls.incrementAndGet();
			}
			exchange.sendResponseHeaders(200, IN_PROGRESS.length);
			exchange.getResponseBody().write(IN_PROGRESS);
			exchange.close();
			return;
		}
		boolean catalog = exchange.getRequestMethod().equals("GET") && path.equals("/v2/catalog");
		byte[] answer = catalog ? CATALOG : EMPTY;
		exchange.getResponseHeaders().set("Content-Type", "application/json");
		exchange.sendResponseHeaders(200, answer.length);
		exchange.getResponseBody().write(answer);
		exchange.close();
	}

}
