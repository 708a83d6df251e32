package dev.bazaar.catalog.internal;

import java.time.Instant;

import dev.bazaar.catalog.CatalogChanges;
import org.jspecify.annotations.Nullable;

/**
 * A deployment's row in {@code catalog}: the last good fetch and the last attempt.
 *
 * @param fetchedAt when the last good catalog was fetched, or null
 * @param contentHash the hash of the last good catalog, or null
 * @param bodyHash the hash of the body it was last stored from, or null
 * @param lastAttemptAt when a fetch was last attempted, or null
 * @param lastError why the last attempt failed, or null
 * @param changes what the last refresh that changed something changed, or null
 */
record CatalogHeader(@Nullable Instant fetchedAt, @Nullable String contentHash, @Nullable String bodyHash,
		@Nullable Instant lastAttemptAt, @Nullable String lastError, @Nullable CatalogChanges changes) {

	/**
	 * This header as of a refresh that started at {@code lastRefreshAt}. A refresh that
	 * finds the catalog unchanged writes nothing here; so one that started after the last
	 * recorded attempt, when that attempt did not fail, fetched the catalog at its start
	 * (or is still fetching it: ADR 0009).
	 */
	CatalogHeader asOfRefresh(@Nullable Instant lastRefreshAt) {
		if (lastRefreshAt == null || this.fetchedAt == null || this.lastError != null) {
			return this;
		}
		Instant recorded = (this.lastAttemptAt != null) ? this.lastAttemptAt : this.fetchedAt;
		if (!lastRefreshAt.isAfter(recorded)) {
			return this;
		}
		return new CatalogHeader(lastRefreshAt, this.contentHash, this.bodyHash, lastRefreshAt, null, this.changes);
	}

}
