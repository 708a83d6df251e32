package dev.bazaar.support;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.BiConsumer;
import java.util.function.BiFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.sql.DataSource;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.jdbc.datasource.DelegatingDataSource;

/**
 * Counts the SQL statements that write, by table, on every connection of the app's
 * {@link DataSource}: register it as a bean ({@code @Import(WrittenTables.class)}) and
 * read {@link #since()} after {@link #reset()}.
 */
public class WrittenTables implements BeanPostProcessor {

	private static final Pattern WRITE = Pattern
		.compile("^(?:insert\\s+into|update|delete\\s+from|merge\\s+into)\\s+(\\w+)");

	private final List<String> statements = new ArrayList<>();

	@Override
	public Object postProcessAfterInitialization(Object bean, String name) {
		if (bean instanceof DataSource dataSource && name.equals("dataSource")) {
			return new DelegatingDataSource(dataSource) {
				@Override
				public Connection getConnection() throws SQLException {
					return counting(super.getConnection());
				}
			};
		}
		return bean;
	}

	/** Forgets what was written so far. */
	public synchronized void reset() {
		this.statements.clear();
	}

	/** Write statements since the last {@link #reset()}, counted by table. */
	public synchronized Map<String, Integer> since() {
		Map<String, Integer> tables = new TreeMap<>();
		for (String sql : this.statements) {
			Matcher write = WRITE.matcher(sql);
			if (write.find()) {
				tables.merge(write.group(1), 1, Integer::sum);
			}
		}
		return tables;
	}

	/** Every statement since the last {@link #reset()}, reads too, lower case. */
	public synchronized List<String> statements() {
		return List.copyOf(this.statements);
	}

	private synchronized void record(String sql) {
		this.statements.add(sql.strip().toLowerCase(Locale.ROOT));
	}

	/** Records the SQL of prepared statements, and of plain ones as they run. */
	private Connection counting(Connection target) {
		return proxy(Connection.class, target, (method, args) -> {
			if (method.startsWith("prepare") && args != null && args[0] instanceof String sql) {
				record(sql);
			}
		}, (method, result) -> (result instanceof Statement statement && method.equals("createStatement"))
				? proxy(Statement.class, statement, (called, args) -> {
					if ((called.startsWith("execute") || called.equals("addBatch")) && args != null
							&& args[0] instanceof String sql) {
						record(sql);
					}
				}, (called, value) -> value) : result);
	}

	@SuppressWarnings("unchecked")
	private static <T> T proxy(Class<T> type, T target, BiConsumer<String, Object[]> before,
			BiFunction<String, Object, Object> after) {
		return (T) Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] { type }, (proxy, method, args) -> {
			before.accept(method.getName(), args);
			try {
				return after.apply(method.getName(), method.invoke(target, args));
			}
			catch (InvocationTargetException ex) {
				throw ex.getCause();
			}
		});
	}

}
