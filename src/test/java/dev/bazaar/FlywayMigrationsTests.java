package dev.bazaar;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;

import dev.bazaar.support.TestPostgres;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every migration runs from an empty database on H2 (PostgreSQL mode, as the quick start
 * uses it) and on PostgreSQL, and both end with the same tables and columns.
 */
class FlywayMigrationsTests {

	// The options of spring.datasource.url in application.yml.
	private static final String H2_OPTIONS = ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH";

	@Test
	void migratesAnEmptyH2Database() throws SQLException {
		TestPostgres.Database h2 = h2();
		assertMigratesFromEmpty(h2);
		assertTenancySchema(h2);
	}

	@Test
	void migratesAnEmptyPostgresDatabase() throws SQLException {
		TestPostgres.Database postgres = TestPostgres.get().createDatabase();
		assertMigratesFromEmpty(postgres);
		assertTenancySchema(postgres);
	}

	@Test
	void bothDatabasesEndWithTheSameTablesAndColumns() throws SQLException {
		TestPostgres.Database h2 = h2();
		TestPostgres.Database postgres = TestPostgres.get().createDatabase();
		flyway(h2).migrate();
		flyway(postgres).migrate();
		assertThat(columnsByTable(h2)).isNotEmpty().isEqualTo(columnsByTable(postgres));
	}

	private static void assertMigratesFromEmpty(TestPostgres.Database database) throws SQLException {
		Flyway flyway = flyway(database);
		MigrateResult result = flyway.migrate();
		assertThat(result.success).isTrue();
		assertThat(result.migrationsExecuted).isEqualTo(flyway.info().all().length).isPositive();
		assertThat(flyway.migrate().migrationsExecuted).as("a second run changes nothing").isZero();
		flyway.validate();
	}

	private static void assertTenancySchema(TestPostgres.Database database) throws SQLException {
		assertThat(columnsByTable(database)).containsKeys("customer", "app_user", "location", "project",
				"project_marketplace");
		assertThat(strings(database, "select identifier from location")).containsExactly("global");
	}

	private static Map<String, TreeSet<String>> columnsByTable(TestPostgres.Database database) throws SQLException {
		Map<String, TreeSet<String>> tables = new TreeMap<>();
		try (Connection connection = connect(database);
				Statement statement = connection.createStatement();
				ResultSet rs = statement.executeQuery("select table_name, column_name from information_schema.columns "
						+ "where table_schema = current_schema() and table_name <> 'flyway_schema_history'")) {
			while (rs.next()) {
				tables.computeIfAbsent(rs.getString(1), (table) -> new TreeSet<>()).add(rs.getString(2));
			}
		}
		return tables;
	}

	private static List<String> strings(TestPostgres.Database database, String sql) throws SQLException {
		List<String> values = new ArrayList<>();
		try (Connection connection = connect(database);
				Statement statement = connection.createStatement();
				ResultSet rs = statement.executeQuery(sql)) {
			while (rs.next()) {
				values.add(rs.getString(1));
			}
		}
		return values;
	}

	private static Flyway flyway(TestPostgres.Database database) {
		return Flyway.configure()
			.dataSource(database.url(), database.username(), database.password())
			.locations("classpath:db/migration")
			.load();
	}

	private static Connection connect(TestPostgres.Database database) throws SQLException {
		return DriverManager.getConnection(database.url(), database.username(), database.password());
	}

	private static TestPostgres.Database h2() {
		return new TestPostgres.Database(
				"jdbc:h2:mem:migrations-" + UUID.randomUUID() + H2_OPTIONS + ";DB_CLOSE_DELAY=-1", "sa", "");
	}

}
