package dev.bazaar.broker;

import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * An event: someone registered, edited, refreshed, published, approved, rejected,
 * revoked, deleted or deactivated a broker (or one of its publications). Published while
 * the request that did it is still running, so listeners can tell who did it and from
 * where.
 *
 * @param action what was done
 * @param brokerId the broker
 * @param brokerIdentifier its identifier
 * @param ownerCustomerId the customer that owns it
 * @param location the publication's location, if the action concerns one
 * @param detail a short description of what changed, if any
 */
public record BrokerActionTaken(BrokerAction action, UUID brokerId, String brokerIdentifier, UUID ownerCustomerId,
		@Nullable String location, @Nullable String detail) {

	public static BrokerActionTaken of(BrokerAction action, ServiceBroker broker, @Nullable String location,
			@Nullable String detail) {
		return new BrokerActionTaken(action, broker.id(), broker.identifier(), broker.customerId(), location, detail);
	}

}
