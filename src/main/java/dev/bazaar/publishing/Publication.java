package dev.bazaar.publishing;

import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * A broker published to a location: a deployment with its own endpoint and credentials
 * (the password stays encrypted in the database).
 *
 * @param id the publication's id
 * @param brokerId the broker
 * @param location the location identifier
 * @param endpoint the deployment's https endpoint
 * @param username its Basic auth username
 * @param status where its review stands
 * @param rejectionComment why a Partner Admin rejected it, or null
 * @param createdAt when it was published
 * @param decidedAt when it was approved or rejected, or null
 * @param decidedBy who approved or rejected it, or null
 */
public record Publication(UUID id, UUID brokerId, String location, String endpoint, String username,
		PublicationStatus status, @Nullable String rejectionComment, Instant createdAt, @Nullable Instant decidedAt,
		@Nullable String decidedBy) {
}
