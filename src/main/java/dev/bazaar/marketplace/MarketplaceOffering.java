package dev.bazaar.marketplace;

import java.util.UUID;

import dev.bazaar.catalog.ServiceView;

/**
 * A service offering in one marketplace, with only its active plans.
 *
 * @param marketplace the marketplace ({@code private} or a location)
 * @param brokerId the broker offering it
 * @param brokerIdentifier that broker's identifier
 * @param deployment the broker deployment that serves it
 * @param service the service offering
 */
public record MarketplaceOffering(String marketplace, UUID brokerId, String brokerIdentifier, String deployment,
		ServiceView service) {
}
