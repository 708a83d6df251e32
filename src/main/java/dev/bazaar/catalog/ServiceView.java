package dev.bazaar.catalog;

import java.util.List;

/**
 * A stored service offering of a deployment's catalog.
 *
 * @param id its id
 * @param name its name
 * @param description its description
 * @param bindable whether its instances can be bound, by default
 * @param planUpdateable whether its instances may change plan, by default
 * @param instancesRetrievable whether its instances can be fetched
 * @param bindingsRetrievable whether its bindings can be fetched
 * @param active whether the broker still lists it (false: kept for existing instances)
 * @param plans its plans, active ones first in the broker's order
 */
public record ServiceView(String id, String name, String description, boolean bindable, boolean planUpdateable,
		boolean instancesRetrievable, boolean bindingsRetrievable, boolean active, List<PlanView> plans) {

	public ServiceView {
		plans = List.copyOf(plans);
	}

}
