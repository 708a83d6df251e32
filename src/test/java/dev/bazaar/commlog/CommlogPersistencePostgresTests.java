package dev.bazaar.commlog;

import dev.bazaar.support.PostgresTest;

import org.springframework.context.annotation.Import;

/**
 * Communication logs are recorded and searched by each criterion, paged and shown on
 * PostgreSQL as on H2.
 */
@PostgresTest
@Import(CommunicationLogApiTests.TestBrokers.class)
class CommlogPersistencePostgresTests extends CommunicationLogApiTests {

}
