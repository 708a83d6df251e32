package dev.bazaar.instance;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * The last operation on an instance or binding, as users see it.
 *
 * @param type what it was
 * @param state how it stands
 * @param description what the broker or Bazaar said of it, or null
 * @param updatedAt when it last changed
 */
public record LastOperation(OperationKind type, OperationState state, @Nullable String description, Instant updatedAt) {
}
