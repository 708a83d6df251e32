package dev.bazaar.tenancy;

import java.time.Instant;
import java.util.UUID;

/** A place brokers are published to; {@code global} always exists. */
public record Location(UUID id, String identifier, String displayName, Instant createdAt) {

	public static final String GLOBAL = "global";

}
