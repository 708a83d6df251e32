package dev.bazaar.support;

import java.util.Map;

import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;

/**
 * Points a Spring test context at a fresh database of {@link TestPostgres}, through the
 * settings the {@code postgres} profile reads ({@code bazaar.db.*}). Use it through
 * {@link PostgresTest}, or directly on a slice test:
 * {@code @ContextConfiguration(initializers = PostgresDatabase.class)} with
 * {@code @ActiveProfiles({ "test", "postgres" })}.
 */
public class PostgresDatabase implements ApplicationContextInitializer<ConfigurableApplicationContext> {

	@Override
	public void initialize(ConfigurableApplicationContext context) {
		TestPostgres.Database database = TestPostgres.get().createDatabase();
		Map<String, Object> properties = Map.of("bazaar.db.url", database.url(), "bazaar.db.username",
				database.username(), "bazaar.db.password", database.password(),
				// The context cache keeps contexts, and their pools, open until the JVM
				// ends.
				"spring.datasource.hikari.maximum-pool-size", "4", "spring.datasource.hikari.minimum-idle", "1");
		context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("testPostgres", properties));
	}

}
