package dev.bazaar.tenancy;

import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/** A user as others see it: never with its password. */
public record UserAccount(UUID id, String username, Role role, @Nullable UUID customerId, Instant createdAt) {
}
