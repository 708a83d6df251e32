package dev.bazaar.commlog;

import java.util.Optional;
import java.util.UUID;

/**
 * What the communication logs need to know of brokers to decide who may read their logs;
 * implemented by the broker module.
 */
public interface BrokerDirectory {

	/** The broker with that identifier, if it exists. */
	Optional<LoggedBroker> findByIdentifier(String brokerIdentifier);

	/**
	 * A broker whose calls are logged.
	 *
	 * @param id the broker's id
	 * @param identifier the broker's identifier
	 * @param customerId the customer that owns it
	 */
	record LoggedBroker(UUID id, String identifier, UUID customerId) {
	}

}
