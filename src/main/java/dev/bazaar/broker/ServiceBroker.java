package dev.bazaar.broker;

import java.time.Instant;
import java.util.UUID;

/**
 * A broker registration as Bazaar keeps it, without its password.
 *
 * @param id the internal id
 * @param identifier the globally unique, immutable identifier
 * @param name the display name
 * @param customerId the customer that owns it
 * @param endpoint the base URL of the private deployment
 * @param username the Basic auth username
 * @param developmentMode whether certificate checks are skipped for its private
 * deployment
 * @param status active or deactivated
 * @param createdAt when it was registered
 * @param updatedAt when it was last edited
 */
public record ServiceBroker(UUID id, String identifier, String name, UUID customerId, String endpoint, String username,
		boolean developmentMode, BrokerStatus status, Instant createdAt, Instant updatedAt) {
}
