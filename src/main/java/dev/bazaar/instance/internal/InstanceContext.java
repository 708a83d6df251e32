package dev.bazaar.instance.internal;

import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * Who is asking and for which customer and project: what Bazaar tells the broker about
 * the platform side of a request.
 *
 * @param customerIdentifier sent as {@code organization_guid} and
 * {@code context.customer_id}
 * @param projectIdentifier sent as {@code space_guid} and {@code context.project_id}
 * @param userId the user who caused the request, or null for Bazaar's own background work
 */
public record InstanceContext(String customerIdentifier, String projectIdentifier, @Nullable UUID userId) {
}
