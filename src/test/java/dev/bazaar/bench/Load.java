package dev.bazaar.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Runs an operation from a number of concurrent clients for a while and measures
 * throughput, process CPU time per operation and latency percentiles.
 */
final class Load {

	private static final ThreadMXBean threadsBean = ManagementFactory.getThreadMXBean();

	private static final com.sun.management.OperatingSystemMXBean os = (com.sun.management.OperatingSystemMXBean) ManagementFactory
		.getOperatingSystemMXBean();

	private Load() {
	}

	/** One unit of work; answers whether it succeeded. */
	interface Operation {

		boolean run(long sequence) throws Exception;

	}

	static Result run(int clients, Duration duration, Operation operation) {
		AtomicLong sequence = new AtomicLong();
		AtomicLong failures = new AtomicLong();
		AtomicLong clientCpu = new AtomicLong();
		List<long[]> latencies = new ArrayList<>();
		List<Thread> threads = new ArrayList<>();
		ThreadCpu threadsBefore = ThreadCpu.now();
		long allocatedBefore = allocated();
		long cpuBefore = os.getProcessCpuTime();
		long started = System.nanoTime();
		long deadline = started + duration.toNanos();
		for (int i = 0; i < clients; i++) {
			long[][] mine = { new long[1024] };
			int[] count = { 0 };
			Thread thread = new Thread(() -> {
				long ownBefore = threadsBean.getCurrentThreadCpuTime();
				while (System.nanoTime() < deadline) {
					long begin = System.nanoTime();
					if (!attempt(operation, sequence.incrementAndGet())) {
						failures.incrementAndGet();
					}
					if (count[0] == mine[0].length) {
						mine[0] = Arrays.copyOf(mine[0], count[0] * 2);
					}
					mine[0][count[0]++] = System.nanoTime() - begin;
				}
				clientCpu.addAndGet(threadsBean.getCurrentThreadCpuTime() - ownBefore);
				synchronized (latencies) {
					latencies.add(Arrays.copyOf(mine[0], count[0]));
				}
			}, "bench-client-" + i);
			threads.add(thread);
			thread.start();
		}
		for (Thread thread : threads) {
			join(thread);
		}
		long wall = System.nanoTime() - started;
		long cpu = os.getProcessCpuTime() - cpuBefore;
		Map<String, Long> byKind = ThreadCpu.now().since(threadsBefore);
		return new Result(merge(latencies), wall, cpu, failures.get(), 0, 0, clientCpu.get(),
				byKind.getOrDefault("JIT", 0L) * 1_000_000, byKind.getOrDefault("GC", 0L) * 1_000_000,
				allocated() - allocatedBefore);
	}

	/** Bytes allocated on the heap by all threads so far, the ended ones included. */
	private static long allocated() {
		return ((com.sun.management.ThreadMXBean) threadsBean).getTotalThreadAllocatedBytes();
	}

	private static boolean attempt(Operation operation, long sequence) {
		try {
			return operation.run(sequence);
		}
		catch (Exception ex) {
			return false;
		}
	}

	private static void join(Thread thread) {
		try {
			thread.join();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	private static long[] merge(List<long[]> parts) {
		long[] all = parts.stream().flatMapToLong(Arrays::stream).toArray();
		Arrays.sort(all);
		return all;
	}

	/**
	 * What came of one or more runs: sorted latencies, wall and CPU nanoseconds (the
	 * whole process's, the client threads', the JIT compiler's and the garbage
	 * collector's).
	 */
	record Result(long[] latencies, long wallNanos, long cpuNanos, long failures, long reads, long writes,
			long clientCpuNanos, long jitNanos, long gcNanos, long allocatedBytes) {

		Result withStatements(long reads, long writes) {
			return new Result(this.latencies, this.wallNanos, this.cpuNanos, this.failures, reads, writes,
					this.clientCpuNanos, this.jitNanos, this.gcNanos, this.allocatedBytes);
		}

		/** The garbage collector's CPU time per operation, in microseconds. */
		double gcMicros() {
			return this.gcNanos / 1e3 / Math.max(1, operations());
		}

		/** SQL statements per operation, as "reads + writes"; floor: 0 + 3. */
		String statementsPerOperation() {
			if (this.reads == 0 && this.writes == 0) {
				return "0 + 3";
			}
			double n = Math.max(1, operations());
			return String.format(java.util.Locale.ROOT, "%.1f + %.1f", this.reads / n, this.writes / n);
		}

		long operations() {
			return this.latencies.length;
		}

		double perSecond() {
			return operations() / (this.wallNanos / 1e9);
		}

		/** Process CPU time per operation, in microseconds. */
		double cpuMicros() {
			return this.cpuNanos / 1e3 / Math.max(1, operations());
		}

		/**
		 * Process CPU time per operation without the JIT compiler's, and without the
		 * client threads' when they only send requests to a server in this process (not
		 * when they do the work themselves, as the floor's do), in microseconds.
		 */
		double ownCpuMicros(boolean clientsOnlySend) {
			long own = this.cpuNanos - this.jitNanos - (clientsOnlySend ? this.clientCpuNanos : 0);
			return own / 1e3 / Math.max(1, operations());
		}

		/** Heap bytes allocated per operation by the whole process, in kilobytes. */
		double allocatedKb() {
			return this.allocatedBytes / 1e3 / Math.max(1, operations());
		}

		/** A latency percentile in milliseconds. */
		double percentileMillis(double p) {
			if (this.latencies.length == 0) {
				return Double.NaN;
			}
			int index = (int) Math.min(this.latencies.length - 1, Math.ceil(p / 100 * this.latencies.length) - 1);
			return this.latencies[Math.max(0, index)] / 1e6;
		}

		Result plus(Result other) {
			long[] all = Arrays.copyOf(this.latencies, this.latencies.length + other.latencies.length);
			System.arraycopy(other.latencies, 0, all, this.latencies.length, other.latencies.length);
			Arrays.sort(all);
			return new Result(all, this.wallNanos + other.wallNanos, this.cpuNanos + other.cpuNanos,
					this.failures + other.failures, this.reads + other.reads, this.writes + other.writes,
					this.clientCpuNanos + other.clientCpuNanos, this.jitNanos + other.jitNanos,
					this.gcNanos + other.gcNanos, this.allocatedBytes + other.allocatedBytes);
		}

	}

}
