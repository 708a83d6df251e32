package dev.bazaar.audit;

import java.time.Instant;
import java.util.UUID;

import dev.bazaar.broker.BrokerAction;
import org.jspecify.annotations.Nullable;

/**
 * One recorded action on a broker.
 *
 * @param id its position in the trail
 * @param occurredAt when
 * @param actor the username of who did it ({@code system} for Bazaar itself)
 * @param action what
 * @param brokerId the broker
 * @param brokerIdentifier its identifier
 * @param ownerCustomerId the customer that owns the broker
 * @param location the publication's location, if any
 * @param detail what changed, if said
 * @param remoteAddress the client address of the request, if any
 */
public record AuditEvent(long id, Instant occurredAt, String actor, BrokerAction action, UUID brokerId,
		String brokerIdentifier, UUID ownerCustomerId, @Nullable String location, @Nullable String detail,
		@Nullable String remoteAddress) {
}
