package dev.bazaar.catalog;

import org.jspecify.annotations.Nullable;

/**
 * A stored plan of a deployment's catalog.
 *
 * @param serviceId the id of its service offering
 * @param id its id
 * @param name its name
 * @param description its description
 * @param free whether it costs nothing
 * @param bindable whether its instances can be bound (its own or the service's)
 * @param planUpdateable whether its instances may change plan (its own or the service's)
 * @param schemas the {@code schemas} object as JSON, or null
 * @param maximumPollingDuration seconds to poll at most, or null
 * @param maintenanceInfoVersion {@code maintenance_info.version}, or null
 * @param active whether the broker still lists it (false: kept for existing instances)
 */
public record PlanView(String serviceId, String id, String name, String description, boolean free, boolean bindable,
		boolean planUpdateable, @Nullable String schemas, @Nullable Integer maximumPollingDuration,
		@Nullable String maintenanceInfoVersion, boolean active) {
}
