package dev.bazaar.marketplace;

import java.util.UUID;

import dev.bazaar.catalog.PlanView;
import dev.bazaar.catalog.ServiceView;

/**
 * A plan a project can order, with where it comes from.
 *
 * @param marketplace the marketplace it is offered in ({@code private} or a location)
 * @param brokerId the broker offering it
 * @param brokerIdentifier that broker's identifier
 * @param brokerOwnerId the customer that registered the broker
 * @param deployment the broker deployment to call ({@code private} or a location)
 * @param service the service offering
 * @param plan the plan
 */
public record OfferedPlan(String marketplace, UUID brokerId, String brokerIdentifier, UUID brokerOwnerId,
		String deployment, ServiceView service, PlanView plan) {
}
