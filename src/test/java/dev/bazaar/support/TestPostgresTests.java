package dev.bazaar.support;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TestPostgresTests {

	@Test
	void replacesTheDatabaseOfAJdbcUrlAndKeepsItsParameters() {
		assertThat(TestPostgres.withDatabase("jdbc:postgresql://db:5432/postgres", "bazaar_1"))
			.isEqualTo("jdbc:postgresql://db:5432/bazaar_1");
		assertThat(TestPostgres.withDatabase("jdbc:postgresql://localhost:5433/postgres?sslmode=disable", "b"))
			.isEqualTo("jdbc:postgresql://localhost:5433/b?sslmode=disable");
	}

	@Test
	void createsAnEmptyDatabaseOnEachCall() {
		TestPostgres.Database first = TestPostgres.get().createDatabase();
		TestPostgres.Database second = TestPostgres.get().createDatabase();
		assertThat(first.url()).isNotEqualTo(second.url()).startsWith("jdbc:postgresql://");
	}

}
