package dev.bazaar.tenancy;

import java.time.Instant;
import java.util.UUID;

/** A tenant: an organisation whose users order services and may offer brokers. */
public record Customer(UUID id, String identifier, String displayName, boolean privateMarketplace, Instant createdAt) {
}
