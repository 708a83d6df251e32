package dev.bazaar.instance;

import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * A binding of a service instance: credentials for using it. The credentials stay
 * encrypted at rest and are only in this record when they were asked for.
 *
 * @param id the binding id sent to the broker
 * @param instanceId its instance
 * @param displayName what users call it
 * @param parameters the parameters sent, as a JSON object, or null
 * @param status how its last operation stands
 * @param lastOperation the last operation
 * @param credentials the credentials as a JSON object, when asked for and known;
 * otherwise null
 * @param createdAt when it was created
 */
public record ServiceBinding(UUID id, UUID instanceId, String displayName, @Nullable String parameters,
		OperationState status, LastOperation lastOperation, @Nullable String credentials, Instant createdAt) {

	@Override
	public String toString() {
		return "ServiceBinding[" + this.id + ", " + this.status + "]";
	}

}
