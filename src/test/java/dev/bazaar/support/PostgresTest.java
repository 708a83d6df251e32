package dev.bazaar.support;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.ContextConfiguration;

/**
 * Like {@link BazaarTest}, but on a real PostgreSQL: the whole app on a random port, with
 * profiles {@code test} and {@code postgres}, on a fresh database of the JVM's one
 * embedded PostgreSQL server ({@link TestPostgres}). Flyway migrates it at start.
 * <p>
 * A module proves its persistence on PostgreSQL with a class named
 * {@code <Module>PersistencePostgresTests} (or {@code ...PostgresTests}):
 *
 * <pre class="code">
 * &#64;PostgresTest
 * class BrokerPersistencePostgresTests {
 *
 * 	&#64;LocalServerPort
 * 	int port;
 *
 * 	&#64;Autowired
 * 	BrokerRepository repository; // or call the API with support.Api
 *
 * 	&#64;Test
 * 	void readsBackWhatItStored() { ... }
 *
 * }
 * </pre>
 *
 * Test classes with the same configuration share one Spring context and so one database:
 * use fresh identifiers in each test rather than relying on empty tables.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({ "test", "postgres" })
@ContextConfiguration(initializers = PostgresDatabase.class)
public @interface PostgresTest {

}
