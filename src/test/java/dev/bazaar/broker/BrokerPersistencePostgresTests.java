package dev.bazaar.broker;

import dev.bazaar.support.PostgresTest;

/**
 * Brokers are registered, read back, changed and deleted through the API on PostgreSQL.
 */
@PostgresTest
class BrokerPersistencePostgresTests extends BrokerApiTests {

}
