package dev.bazaar.catalog.internal;

import java.time.Instant;

import dev.bazaar.catalog.CatalogChanges;
import org.jspecify.annotations.Nullable;

/**
 * A deployment's row in {@code catalog}: the last good fetch and the last attempt.
 *
 * @param fetchedAt when the last good catalog was fetched, or null
 * @param contentHash the hash of the last good catalog, or null
 * @param lastAttemptAt when a fetch was last attempted, or null
 * @param lastError why the last attempt failed, or null
 * @param changes what the last refresh that changed something changed, or null
 */
record CatalogHeader(@Nullable Instant fetchedAt, @Nullable String contentHash, @Nullable Instant lastAttemptAt,
		@Nullable String lastError, @Nullable CatalogChanges changes) {
}
