package dev.bazaar.commlog;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * One logged call as listed in a search.
 *
 * @param id the log's id
 * @param requestedAt when the request was sent
 * @param operationType what the call was for
 * @param method the HTTP method
 * @param url the full URL called
 * @param responseCode the HTTP status, or null when no answer came
 * @param durationMs how long the call took
 * @param planId the plan concerned, if any
 * @param instanceId the service instance concerned, if any
 * @param location the publication's location, or null for the private registration
 */
public record LogSummary(long id, Instant requestedAt, OperationType operationType, String method, String url,
		@Nullable Integer responseCode, long durationMs, @Nullable String planId, @Nullable String instanceId,
		@Nullable String location) {
}
