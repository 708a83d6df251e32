package dev.bazaar.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import dev.bazaar.BazaarApplication;
import dev.bazaar.commlog.CommunicationLogs;
import dev.bazaar.support.Api;
import org.aopalliance.intercept.MethodInterceptor;

import org.springframework.aop.framework.ProxyFactory;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Bazaar started in this JVM on a real port, with one customer whose project's private
 * marketplace offers the {@link FastBroker}'s plan, and a switch for communication
 * logging.
 */
final class Bazaar implements AutoCloseable {

	static final String PASSWORD = "bench-password";

	private final ConfigurableApplicationContext context;

	private final AtomicBoolean logging;

	private final Statements statements;

	private final long startMillis;

	private final Database database;

	private Tenant tenant;

	private Api user;

	private String instancesPath;

	private Bazaar(ConfigurableApplicationContext context, AtomicBoolean logging, Statements statements,
			long startMillis, Database database) {
		this.context = context;
		this.logging = logging;
		this.statements = statements;
		this.startMillis = startMillis;
		this.database = database;
	}

	/**
	 * Starts Bazaar on H2 in memory (database null) or on the given PostgreSQL database.
	 */
	static Bazaar start(Database database, Map<String, String> extra) {
		List<String> args = new ArrayList<>(List.of("--server.port=0", "--spring.main.banner-mode=off",
				"--bazaar.crypto.key=AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=",
				"--bazaar.crypto.generate-key-file=false", "--bazaar.admin.password=admin-password",
				"--bazaar.example-broker.enabled=false", "--spring.datasource.url=" + database.url(),
				"--spring.datasource.username=" + database.username(),
				"--spring.datasource.password=" + database.password(), "--logging.level.root=warn"));
		extra.forEach((key, value) -> args.add("--" + key + "=" + value));
		AtomicBoolean logging = new AtomicBoolean(true);
		Statements statements = new Statements();
		long started = System.nanoTime();
		ConfigurableApplicationContext context = new SpringApplicationBuilder(BazaarApplication.class)
			.initializers((ctx) -> ctx.getBeanFactory().addBeanPostProcessor(instrumented(logging, statements)))
			.run(args.toArray(String[]::new));
		Bazaar bazaar = new Bazaar(context, logging, statements, 0, database);
		Health.waitUntilUp(bazaar.port(), Duration.ofMinutes(2));
		return new Bazaar(context, logging, statements, (System.nanoTime() - started) / 1_000_000, database);
	}

	int port() {
		return ((WebServerApplicationContext) this.context).getWebServer().getPort();
	}

	long startMillis() {
		return this.startMillis;
	}

	int poolSize() throws SQLException {
		return this.context.getBean(DataSource.class).unwrap(HikariDataSource.class).getMaximumPoolSize();
	}

	Statements statements() {
		return this.statements;
	}

	void logging(boolean on) {
		this.logging.set(on);
	}

	/**
	 * Creates a customer, its users, the broker, a project and its private marketplace.
	 */
	Tenant setUp(String brokerUrl) {
		this.tenant = Setup.tenant(port(), brokerUrl, this.context.getBean(JdbcClient.class));
		this.user = Api.as(port(), this.tenant.customer() + "-employee", PASSWORD);
		this.instancesPath = "/api/customers/" + this.tenant.customer() + "/projects/shop/service-instances";
		return this.tenant;
	}

	/** One synchronous provision through the API, as the project's employee. */
	boolean provision(long sequence) {
		String body = "{\"marketplace\":\"private\",\"serviceId\":\"" + FastBroker.SERVICE_ID + "\",\"planId\":\""
				+ FastBroker.PLAN_ID + "\",\"displayName\":\"bench-" + sequence + "\"}";
		return this.user.post(this.instancesPath, body).status() == 201;
	}

	/**
	 * One provision of the floor's work behind Bazaar's web stack ({@link StackFloor}),
	 * sent as Bazaar's clients send theirs; {@code floor} does the work.
	 */
	boolean provisionThroughStack(long sequence) {
		String body = "{\"marketplace\":\"private\",\"serviceId\":\"" + FastBroker.SERVICE_ID + "\",\"planId\":\""
				+ FastBroker.PLAN_ID + "\",\"displayName\":\"stack-" + sequence + "\"}";
		return this.user.post(StackFloor.PATH, body).status() == 201;
	}

	void stackFloor(Floor floor) throws NoSuchMethodException {
		StackFloor.map(this.context.getBean("requestMappingHandlerMapping", RequestMappingHandlerMapping.class), floor);
	}

	/** One of Bazaar's beans, for scenarios that drive its services directly. */
	<T> T bean(Class<T> type) {
		return this.context.getBean(type);
	}

	long count(String table) {
		return this.context.getBean(JdbcClient.class).sql("select count(*) from " + table).query(Long.class).single();
	}

	/**
	 * Stops Bazaar; an in-memory H2 database goes with it. It outlives its connections
	 * ({@code DB_CLOSE_DELAY=-1}), so without this every scenario's tables (a million
	 * logs, a fleet's catalogs) stayed in the heap for the rest of the run, and the
	 * garbage collector charged them to the scenarios after.
	 */
	@Override
	public void close() {
		this.context.close();
		if (this.database.url().startsWith("jdbc:h2:mem:")) {
			try (Connection connection = DriverManager.getConnection(this.database.url(), this.database.username(),
					this.database.password()); Statement statement = connection.createStatement()) {
				statement.execute("shutdown");
			}
			catch (SQLException ex) {
				throw new IllegalStateException("Could not drop the in-memory database " + this.database.url(), ex);
			}
		}
	}

	private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

	/**
	 * CPU time the threads that stored communication logs spent in
	 * {@code CommunicationLogs.record…} (the log's row and body written), over all Bazaar
	 * instances of the run.
	 */
	private static final AtomicLong RECORD_CPU_NANOS = new AtomicLong();

	/** CPU nanoseconds spent storing communication logs so far (see {@code record…}). */
	static long recordCpuNanos() {
		return RECORD_CPU_NANOS.get();
	}

	/**
	 * Makes communication logging switchable (a no-op {@code record} while off) and
	 * counts statements.
	 */
	private static BeanPostProcessor instrumented(AtomicBoolean logging, Statements statements) {
		return new BeanPostProcessor() {
			@Override
			public Object postProcessAfterInitialization(Object bean, String name) {
				if (bean instanceof DataSource dataSource && name.equals("dataSource")) {
					return statements.counting(dataSource);
				}
				if (!(bean instanceof CommunicationLogs)) {
					return bean;
				}
				ProxyFactory proxy = new ProxyFactory(bean);
				proxy.setProxyTargetClass(true);
				proxy.addAdvice((MethodInterceptor) (invocation) -> {
					if (!invocation.getMethod().getName().startsWith("record")) {
						return invocation.proceed();
					}
					if (!logging.get()) {
						return null;
					}
					long started = THREADS.getCurrentThreadCpuTime();
					try {
						return invocation.proceed();
					}
					finally {
						RECORD_CPU_NANOS.addAndGet(THREADS.getCurrentThreadCpuTime() - started);
					}
				});
				return proxy.getProxy(bean.getClass().getClassLoader());
			}
		};
	}

	/** How to reach a database. */
	record Database(String name, String url, String username, String password) {

		static Database h2() {
			return new Database("H2", "jdbc:h2:mem:bench-" + UUID.randomUUID()
					+ ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;QUERY_CACHE_SIZE=64;DB_CLOSE_DELAY=-1",
					"sa", "");
		}

	}

	/** The customer the benchmark provisions for, and the ids the floor writes with. */
	record Tenant(String customer, UUID customerId, UUID projectId, UUID brokerId) {
	}

}
