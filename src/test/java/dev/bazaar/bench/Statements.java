package dev.bazaar.bench;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Comparator;
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

	private final Map<String, LongAdder> bySql = new ConcurrentHashMap<>();

	/** Each statement as counted, by its text as prepared: normalizing is costly. */
	private final Map<String, String> normalized = new ConcurrentHashMap<>();

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
		Map<String, Long> counts = new LinkedHashMap<>();
		this.bySql.entrySet()
			.stream()
			.sorted(Map.Entry.<String, LongAdder>comparingByValue(Comparator.comparingLong(LongAdder::sum)).reversed())
			.forEach((entry) -> counts.put(entry.getKey(), entry.getValue().sum()));
		return counts;
	}

	void reset() {
		this.bySql.clear();
	}

	private void count(String sql) {
		String verb = this.normalized.computeIfAbsent(sql,
				(text) -> text.strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT));
		this.bySql.computeIfAbsent(verb, (key) -> new LongAdder()).increment();
		if (verb.startsWith("select") || verb.startsWith("with")) {
			this.reads.increment();
		}
		else {
			this.writes.increment();
		}
	}

}
