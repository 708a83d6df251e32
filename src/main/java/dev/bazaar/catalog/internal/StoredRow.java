package dev.bazaar.catalog.internal;

import org.jspecify.annotations.Nullable;

/**
 * What a refresh compares of a stored service or plan.
 *
 * @param id the service or plan id
 * @param serviceId for a plan, its service's id; null for a service
 * @param name its name
 * @param rawJson its JSON as last stored
 * @param active whether the broker listed it last time
 * @param position where the broker listed it
 */
record StoredRow(String id, @Nullable String serviceId, String name, String rawJson, boolean active, int position) {
}
