package dev.bazaar.bench;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

import javax.sql.DataSource;

import org.springframework.jdbc.datasource.DelegatingDataSource;

/**
 * Counts the SQL statements Bazaar prepares, reads and writes apart, by wrapping its
 * {@link DataSource}.
 */
final class Statements {

	private final LongAdder reads = new LongAdder();

	private final LongAdder writes = new LongAdder();

	/**
	 * By the SQL text as prepared: normalized once, so that counting costs a map lookup.
	 */
	private final Map<String, Counter> bySql = new ConcurrentHashMap<>();

	/** Off while a benchmark measures calls of a few microseconds, on which it weighs. */
	private volatile boolean counting = true;

	DataSource counting(DataSource target) {
		return new DelegatingDataSource(target) {
			@Override
			public Connection getConnection() throws SQLException {
				return Statements.this.counting ? counting(super.getConnection()) : super.getConnection();
			}
		};
	}

	void counting(boolean on) {
		this.counting = on;
	}

	long reads() {
		return this.reads.sum();
	}

	long writes() {
		return this.writes.sum();
	}

	private Connection counting(Connection target) {
		return (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(),
				new Class<?>[] { Connection.class }, (proxy, method, args) -> {
					if (method.getName().startsWith("prepare") && args != null && args[0] instanceof String sql) {
						count(sql);
					}
					try {
						return method.invoke(target, args);
					}
					catch (InvocationTargetException ex) {
						throw ex.getCause();
					}
				});
	}

	/** How often each statement was prepared, most frequent first. */
	Map<String, Long> bySql() {
		Map<String, Long> sums = new HashMap<>();
		this.bySql.values().forEach((counter) -> sums.merge(counter.normalized(), counter.count().sum(), Long::sum));
		Map<String, Long> counts = new LinkedHashMap<>();
		sums.entrySet()
			.stream()
			.filter((entry) -> entry.getValue() > 0)
			.sorted(Map.Entry.<String, Long>comparingByValue().reversed())
			.forEach((entry) -> counts.put(entry.getKey(), entry.getValue()));
		return counts;
	}

	void reset() {
		this.bySql.values().forEach((counter) -> counter.count().reset());
	}

	private void count(String sql) {
		Counter counter = this.bySql.get(sql);
		if (counter == null) {
			counter = this.bySql.computeIfAbsent(sql, Statements::counter);
		}
		counter.count().increment();
		(counter.read() ? this.reads : this.writes).increment();
	}

	private static Counter counter(String sql) {
		String normalized = sql.strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
		return new Counter(normalized, normalized.startsWith("select") || normalized.startsWith("with"),
				new LongAdder());
	}

	private record Counter(String normalized, boolean read, LongAdder count) {
	}

}
