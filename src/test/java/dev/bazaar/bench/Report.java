package dev.bazaar.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The figures of a run as Markdown, written into {@code docs/benchmarks.md} between two
 * markers; the hand-written text around them stays.
 */
final class Report {

	static final String START = "<!-- figures:start (written by ./mvnw -Pbench verify) -->";

	static final String END = "<!-- figures:end -->";

	private final List<String> lines = new ArrayList<>();

	void line(String text) {
		this.lines.add(text);
		System.out.println(text);
	}

	void machine(String method) {
		line("Run of " + LocalDateTime.now().truncatedTo(ChronoUnit.MINUTES) + ". " + Machine.describe());
		line("");
		line(method);
	}

	void section(String title) {
		line("");
		line("### " + title);
		line("");
	}

	void loadHeader() {
		line("| Run | Clients | Provisions | per s | CPU µs per provision | p50 ms | p99 ms | Failures "
				+ "| SQL per provision (reads + writes) |");
		line("|---|---:|---:|---:|---:|---:|---:|---:|---|");
	}

	void load(String run, int clients, Load.Result result) {
		line(String.format(Locale.ROOT, "| %s | %d | %d | %.0f | %.0f | %.2f | %.2f | %d | %s |", run, clients,
				result.operations(), result.perSecond(), result.cpuMicros(), result.percentileMillis(50),
				result.percentileMillis(99), result.failures(), result.statementsPerOperation()));
	}

	void ratioHeader() {
		line("| Clients | CPU per provision ÷ floor | p50 ÷ floor | p99 ÷ floor | Throughput ÷ floor | Target (≤ 2× at 16) |");
		line("|---:|---:|---:|---:|---:|---|");
	}

	void ratio(int clients, Load.Result bazaar, Load.Result floor) {
		ratio(clients, bazaar, floor, true);
	}

	void ratio(int clients, Load.Result bazaar, Load.Result floor, boolean target16) {
		double cost = bazaar.cpuMicros() / floor.cpuMicros();
		double p99 = bazaar.percentileMillis(99) / floor.percentileMillis(99);
		String target = (clients != 16 || !target16) ? "" : ((cost <= 2 && p99 <= 2) ? "met" : "missed");
		line(String.format(Locale.ROOT, "| %d | %.2f | %.2f | %.2f | %.2f | %s |", clients, cost,
				bazaar.percentileMillis(50) / floor.percentileMillis(50), p99, bazaar.perSecond() / floor.perSecond(),
				target));
	}

	void ownCostHeader() {
		line("| Clients | floor µs | floor + inbound HTTP µs | floor behind Bazaar's stack µs | Bazaar µs "
				+ "| Bazaar ÷ floor | Bazaar ÷ floor + inbound | Bazaar ÷ floor behind its stack | Bazaar's JIT µs "
				+ "| Bazaar's clients µs | kB allocated: floor, + inbound, behind stack, Bazaar |");
		line("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|");
	}

	/**
	 * CPU per provision without the JIT compiler, and without the load generator where it
	 * only sends HTTP ({@code served} and {@code bazaar}).
	 */
	void ownCost(int clients, Load.Result floor, Load.Result served, Load.Result stack, Load.Result bazaar) {
		double floorOwn = floor.ownCpuMicros(false);
		double servedOwn = served.ownCpuMicros(true);
		double stackOwn = stack.ownCpuMicros(true);
		double bazaarOwn = bazaar.ownCpuMicros(true);
		double operations = Math.max(1, bazaar.operations());
		line(String.format(Locale.ROOT,
				"| %d | %.0f | %.0f | %.0f | %.0f | %.2f | %.2f | %.2f | %.0f | %.0f | %.0f, %.0f, %.0f, %.0f |",
				clients, floorOwn, servedOwn, stackOwn, bazaarOwn, bazaarOwn / floorOwn, bazaarOwn / servedOwn,
				bazaarOwn / stackOwn, bazaar.jitNanos() / 1e3 / operations, bazaar.clientCpuNanos() / 1e3 / operations,
				floor.allocatedKb(), served.allocatedKb(), stack.allocatedKb(), bazaar.allocatedKb()));
	}

	void write(Path file) throws IOException {
		String figures = START + "\n" + String.join("\n", this.lines) + "\n" + END;
		String text = Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : "# Benchmarks\n\n";
		int start = text.indexOf(START);
		int end = text.indexOf(END);
		String updated = (start >= 0 && end > start)
				? text.substring(0, start) + figures + text.substring(end + END.length())
				: text + "\n" + figures + "\n";
		Files.writeString(file, updated, StandardCharsets.UTF_8);
	}

}
