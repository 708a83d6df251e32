package dev.bazaar.osbclient;

import java.util.Map;

import dev.bazaar.commlog.OperationType;

import org.jspecify.annotations.Nullable;

/**
 * One call to make to a broker.
 *
 * @param operationType what the call is for (recorded in the communication log)
 * @param method GET, PUT, PATCH or DELETE
 * @param path the path below the broker's URL, for example {@code /v2/catalog}
 * @param query query parameters, not yet encoded; iteration order is kept
 * @param body the JSON body, or null
 * @param planId the plan concerned, if any (recorded)
 * @param instanceId the service instance concerned, if any (recorded)
 * @param originatingIdentity the value of {@code X-Broker-API-Originating-Identity}, or
 * null
 */
public record OsbRequest(OperationType operationType, String method, String path, Map<String, String> query,
		@Nullable String body, @Nullable String planId, @Nullable String instanceId,
		@Nullable String originatingIdentity) {

	/** {@code GET /v2/catalog}. */
	public static OsbRequest fetchCatalog() {
		return new OsbRequest(OperationType.FETCH_CATALOG, "GET", "/v2/catalog", Map.of(), null, null, null, null);
	}

}
