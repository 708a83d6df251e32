package dev.bazaar.bench;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.atomic.LongAdder;

import com.sun.net.httpserver.HttpExchange;

/**
 * Many brokers behind one JDK {@code HttpServer}: broker {@code n} answers
 * {@code GET /b<n>/v2/catalog} with a catalog of {@link #SERVICES} services of
 * {@link #PLANS} plans each (metadata, costs, maintenance info, and JSON schemas on one
 * plan in ten), ids unique to the broker. A broker marked changed serves a catalog with
 * one plan described anew and one plan more; a delay makes every answer that late.
 */
final class CatalogBrokers implements AutoCloseable {

	static final int SERVICES = 50;

	static final int PLANS = 10;

	/** Stands for the broker's number in the templates. */
	private static final String BROKER = "\u00a7";

	private static final String[] KINDS = { "postgresql", "mysql", "redis", "rabbitmq", "kafka", "opensearch",
			"mongodb", "minio", "vault", "cassandra" };

	private static final String[] SIZES = { "nano", "micro", "small", "medium", "large", "xlarge", "2xlarge", "4xlarge",
			"8xlarge", "16xlarge" };

	private static final String SCHEMAS = """
			{"service_instance":{"create":{"parameters":{"$schema":"http://json-schema.org/draft-04/schema#",\
			"type":"object","properties":{"storage_gb":{"type":"integer","minimum":10,"maximum":1000,\
			"description":"Disk size in GB"},"high_availability":{"type":"boolean","default":false}},\
			"required":["storage_gb"]}}},"service_binding":{"create":{"parameters":{"$schema":\
			"http://json-schema.org/draft-04/schema#","type":"object","properties":{"role":{"type":"string",\
			"enum":["reader","writer","admin"]}}}}}}""";

	private final LoopbackServer server;

	private final byte[][] unchanged = segments(catalog(false));

	private final byte[][] changed = segments(catalog(true));

	private final AtomicIntegerArray versions;

	private final LongAdder requests = new LongAdder();

	private final AtomicInteger inFlight = new AtomicInteger();

	private final AtomicInteger mostInFlight = new AtomicInteger();

	private final Busy busy = new Busy();

	private volatile long delayMillis;

	CatalogBrokers(int brokers) throws IOException {
		this.versions = new AtomicIntegerArray(brokers);
		// Enough threads that a delayed answer never waits for a thread.
		this.server = LoopbackServer.start("catalog-brokers", 64, 1024, this::answer);
	}

	/** The endpoint of broker {@code n}. */
	String url(int n) {
		return "http://localhost:" + this.server.port() + "/b" + n;
	}

	/** Broker {@code n} serves its changed catalog from now on. */
	void change(int n) {
		this.versions.set(n, 1);
	}

	/** Every answer from now on comes this late. */
	void delay(long millis) {
		this.delayMillis = millis;
	}

	long requests() {
		return this.requests.sum();
	}

	/**
	 * The most requests the brokers held at once (received, not yet answered) since the
	 * last call. A request stops counting before its answer is sent, so the client's next
	 * request always comes after it: a handler thread that finishes late after sending
	 * does not count twice.
	 */
	int mostInFlight() {
		return this.mostInFlight.getAndSet(0);
	}

	/**
	 * How busy the brokers were since the last call: requests in flight integrated over
	 * the time, and how long an answer took them.
	 */
	Busy.Figures busy() {
		return this.busy.figures();
	}

	/** The size of an unchanged catalog, in bytes. */
	int catalogBytes() {
		return body(this.unchanged, 0).length;
	}

	/** Broker {@code n}'s unchanged catalog. */
	String catalog(int n) {
		return new String(body(this.unchanged, n), StandardCharsets.UTF_8);
	}

	/** What sets broker {@code n}'s ids apart in its catalog. */
	static String idPrefix(int n) {
		return "bench-" + String.format("%04d", n) + "-";
	}

	private void answer(HttpExchange exchange) throws IOException {
		try (InputStream body = exchange.getRequestBody()) {
			body.readAllBytes();
		}
		this.requests.increment();
		String path = exchange.getRequestURI().getPath();
		int n = path.startsWith("/b") && path.endsWith("/v2/catalog")
				? Integer.parseInt(path.substring(2, path.length() - "/v2/catalog".length())) : -1;
		if (n < 0 || n >= this.versions.length() || !exchange.getRequestMethod().equals("GET")) {
			exchange.sendResponseHeaders(404, -1);
			exchange.close();
			return;
		}
		this.mostInFlight.accumulateAndGet(this.inFlight.incrementAndGet(), Math::max);
		long started = this.busy.begin();
		try {
			pause();
			byte[] answer = body((this.versions.get(n) == 0) ? this.unchanged : this.changed, n);
			this.inFlight.decrementAndGet();
			exchange.getResponseHeaders().set("Content-Type", "application/json");
			exchange.sendResponseHeaders(200, answer.length);
			exchange.getResponseBody().write(answer);
			exchange.close();
		}
		finally {
			this.busy.end(started);
		}
	}

	private void pause() {
		long millis = this.delayMillis;
		if (millis > 0) {
			try {
				Thread.sleep(millis);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}
	}

	/** The template filled in with the broker's number. */
	private static byte[] body(byte[][] segments, int n) {
		byte[] number = String.format("%04d", n).getBytes(StandardCharsets.US_ASCII);
		ByteArrayOutputStream out = new ByteArrayOutputStream(segments.length * 400);
		for (int i = 0; i < segments.length; i++) {
			if (i > 0) {
				out.writeBytes(number);
			}
			out.writeBytes(segments[i]);
		}
		return out.toByteArray();
	}

	private static byte[][] segments(String template) {
		return java.util.Arrays.stream(template.split(BROKER, -1))
			.map((part) -> part.getBytes(StandardCharsets.UTF_8))
			.toArray(byte[][]::new);
	}

	private static String catalog(boolean changed) {
		List<String> services = new ArrayList<>();
		for (int s = 0; s < SERVICES; s++) {
			services.add(service(s, changed && s == 0));
		}
		return "{\"services\":[" + String.join(",", services) + "]}";
	}

	private static String service(int s, boolean changed) {
		String kind = KINDS[s % KINDS.length];
		String name = kind + "-" + (s / KINDS.length + 1);
		List<String> plans = new ArrayList<>();
		for (int p = 0; p < PLANS; p++) {
			plans.add(plan(s, p, changed && p == 0));
		}
		if (changed) {
			plans.add(plan(s, PLANS, false).replace("\"name\":\"nano\"", "\"name\":\"32xlarge\""));
		}
		return String.format(java.util.Locale.ROOT, """
				{"id":"%s","name":"%s","description":"Managed %s with backups and monitoring","bindable":true,\
				"instances_retrievable":true,"plan_updateable":true,"tags":["%s","managed"],"metadata":\
				{"displayName":"%s","imageUrl":"https://brokers.example.com/icons/%s.svg","providerDisplayName":\
				"Example Cloud","documentationUrl":"https://docs.example.com/%s"},"plans":[%s]}""", serviceId(s), name,
				kind, kind, name, kind, kind, String.join(",", plans));
	}

	private static String plan(int s, int p, boolean changed) {
		String size = SIZES[p % SIZES.length];
		int cpus = 1 << Math.min(p, 6);
		String description = cpus + " vCPU, " + (cpus * 4) + " GB memory" + (changed ? ", point-in-time recovery" : "");
		String schemas = (p == 2) ? ",\"schemas\":" + SCHEMAS : "";
		return String.format(java.util.Locale.ROOT, """
				{"id":"%s-p%02d","name":"%s","description":"%s","free":%s,"maintenance_info":{"version":"2.%d.0"},\
				"metadata":{"displayName":"%s","costs":[{"amount":{"usd":%d.0},"unit":"MONTHLY"}]}%s}""", serviceId(s),
				p, size, description, p == 0, s % 7, size, cpus * 30, schemas);
	}

	private static String serviceId(int s) {
		return "bench-" + BROKER + "-s" + String.format("%02d", s);
	}

	@Override
	public void close() {
		this.server.close();
	}

	/**
	 * The time-weighted number of requests the brokers were answering, and the time their
	 * answers took (from the handler's start to the body sent), since the last reading.
	 */
	static final class Busy {

		private long changedAt = System.nanoTime();

		private int answering;

		private long answeringNanos;

		private long answers;

		private long answerNanos;

		synchronized long begin() {
			long now = advance();
			this.answering++;
			return now;
		}

		synchronized void end(long started) {
			long now = advance();
			this.answering--;
			this.answers++;
			this.answerNanos += now - started;
		}

		synchronized Figures figures() {
			advance();
			Figures figures = new Figures(this.answeringNanos,
					(this.answers > 0) ? this.answerNanos / 1e6 / this.answers : 0);
			this.answeringNanos = 0;
			this.answers = 0;
			this.answerNanos = 0;
			return figures;
		}

		private long advance() {
			long now = System.nanoTime();
			this.answeringNanos += this.answering * (now - this.changedAt);
			this.changedAt = now;
			return now;
		}

		/**
		 * @param answeringNanos requests being answered, integrated over the time
		 * @param meanAnswerMillis how long an answer took, on average
		 */
		record Figures(long answeringNanos, double meanAnswerMillis) {

			/** Requests being answered, on average over a run that took this long. */
			double meanInFlight(long wallNanos) {
				return this.answeringNanos / (double) wallNanos;
			}

		}

	}

}
