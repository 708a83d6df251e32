package dev.bazaar.catalog;

import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * A deployment's stored catalog and how its last refreshes went.
 *
 * @param deployment whose catalog
 * @param fetchedAt when the last good catalog was fetched; null if none ever was
 * @param lastAttemptAt when a fetch was last attempted
 * @param lastError why the last attempt failed; null when it succeeded
 * @param lastChanges what the last refresh that changed something changed, or null
 * @param services the service offerings, active ones first in the broker's order
 */
public record CatalogView(Deployment deployment, @Nullable Instant fetchedAt, @Nullable Instant lastAttemptAt,
		@Nullable String lastError, @Nullable CatalogChanges lastChanges, List<ServiceView> services) {

	public CatalogView {
		services = List.copyOf(services);
	}

}
