package dev.bazaar.commlog;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * One exchange with a broker, as it is to be stored. Header values must already be masked
 * ({@code Authorization}); bodies are kept as text.
 *
 * @param requestedAt when the request was sent
 * @param brokerId the broker's id
 * @param brokerIdentifier the broker's identifier, kept so logs stay readable after
 * deletion
 * @param customerId the customer that owns the broker
 * @param location the location of the publication called, or null for the private
 * registration
 * @param operationType what the call was for
 * @param method the HTTP method
 * @param url the full URL called
 * @param requestHeaders the request headers, masked
 * @param requestBody the request body, or null
 * @param responseCode the HTTP status, or null when no answer came
 * @param responseHeaders the response headers, empty when no answer came
 * @param responseBody the response body (possibly cut), or null
 * @param durationMs how long the call took
 * @param error what went wrong (timeout, refused connection, TLS failure...), or null
 * @param planId the plan concerned, if any
 * @param instanceId the service instance concerned, if any
 * @param requestIdentity the X-Broker-API-Request-Identity sent
 */
public record NewCommunicationLog(Instant requestedAt, UUID brokerId, String brokerIdentifier, UUID customerId,
		@Nullable String location, OperationType operationType, String method, String url,
		Map<String, List<String>> requestHeaders, @Nullable String requestBody, @Nullable Integer responseCode,
		Map<String, List<String>> responseHeaders, @Nullable String responseBody, long durationMs,
		@Nullable String error, @Nullable String planId, @Nullable String instanceId, String requestIdentity) {
}
