package dev.bazaar.commlog;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * One page of a search, newest first.
 *
 * @param items the logs on this page
 * @param nextCursor where the next page starts, or null on the last page
 */
public record LogPage(List<LogSummary> items, @Nullable String nextCursor) {
}
