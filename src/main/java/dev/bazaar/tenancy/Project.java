package dev.bazaar.tenancy;

import java.time.Instant;
import java.util.UUID;

/** A customer's project, in which users create service instances. */
public record Project(UUID id, UUID customerId, String identifier, String displayName, Instant createdAt) {
}
