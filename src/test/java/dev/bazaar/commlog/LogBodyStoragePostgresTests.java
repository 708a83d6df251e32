package dev.bazaar.commlog;

import dev.bazaar.support.PostgresTest;
import dev.bazaar.support.WrittenTables;

import org.springframework.context.annotation.Import;

/**
 * Long bodies are stored once, also when many logs store one at once, and read back on
 * PostgreSQL as on H2.
 */
@PostgresTest
@Import(WrittenTables.class)
class LogBodyStoragePostgresTests extends LogBodyStorageTests {

}
