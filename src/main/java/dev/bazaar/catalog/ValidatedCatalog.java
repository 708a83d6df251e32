package dev.bazaar.catalog;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * A catalog that passed validation, ready to be stored.
 *
 * @param services the service offerings, in the broker's order
 * @param contentHash SHA-256 (hex) of the canonical JSON of the services
 * @param bodyHash SHA-256 (hex) of the body as the broker sent it, with the rules it was
 * validated by: the same bytes again need no validation
 */
public record ValidatedCatalog(List<ServiceOffering> services, String contentHash, String bodyHash) {

	public ValidatedCatalog {
		services = List.copyOf(services);
	}

	/**
	 * A service offering of the catalog.
	 *
	 * @param id its id
	 * @param name its name
	 * @param description its description
	 * @param bindable whether its instances can be bound, by default
	 * @param planUpdateable whether its instances may change plan, by default (default
	 * false)
	 * @param instancesRetrievable whether its instances can be fetched (default false)
	 * @param bindingsRetrievable whether its bindings can be fetched (default false)
	 * @param rawJson the service object as the broker sent it (keys sorted), without
	 * {@code plans}; unknown fields are kept
	 * @param plans its plans, in the broker's order
	 */
	public record ServiceOffering(String id, String name, String description, boolean bindable, boolean planUpdateable,
			boolean instancesRetrievable, boolean bindingsRetrievable, String rawJson, List<ServicePlan> plans) {

		public ServiceOffering {
			plans = List.copyOf(plans);
		}

	}

	/**
	 * A plan of a service offering.
	 *
	 * @param id its id
	 * @param name its name
	 * @param description its description
	 * @param free whether it costs nothing (default true)
	 * @param bindable whether its instances can be bound (its own or the service's)
	 * @param planUpdateable whether its instances may change plan (its own or the
	 * service's)
	 * @param schemas the {@code schemas} object as JSON, or null
	 * @param maximumPollingDuration seconds to poll at most, or null
	 * @param maintenanceInfoVersion {@code maintenance_info.version}, or null
	 * @param rawJson the plan object as the broker sent it (keys sorted)
	 */
	public record ServicePlan(String id, String name, String description, boolean free, boolean bindable,
			boolean planUpdateable, @Nullable String schemas, @Nullable Integer maximumPollingDuration,
			@Nullable String maintenanceInfoVersion, String rawJson) {
	}

}
