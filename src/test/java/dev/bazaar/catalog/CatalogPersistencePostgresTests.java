package dev.bazaar.catalog;

import dev.bazaar.support.PostgresTest;

/** Catalogs are stored, refreshed and read back on PostgreSQL as on H2. */
@PostgresTest
class CatalogPersistencePostgresTests extends CatalogStorageTests {

}
