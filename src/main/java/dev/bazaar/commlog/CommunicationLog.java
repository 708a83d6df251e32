package dev.bazaar.commlog;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * One stored exchange with a broker, in full; credentials in headers are masked.
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
 * @param requestHeaders the request headers, masked
 * @param requestBody the request body, or null
 * @param responseHeaders the response headers, empty when no answer came
 * @param responseBody the response body (cut when it was long), or null
 * @param error what went wrong, or null
 * @param requestIdentity the X-Broker-API-Request-Identity sent
 */
public record CommunicationLog(long id, Instant requestedAt, OperationType operationType, String method, String url,
		@Nullable Integer responseCode, long durationMs, @Nullable String planId, @Nullable String instanceId,
		@Nullable String location, Map<String, List<String>> requestHeaders, @Nullable String requestBody,
		Map<String, List<String>> responseHeaders, @Nullable String responseBody, @Nullable String error,
		String requestIdentity) {
}
