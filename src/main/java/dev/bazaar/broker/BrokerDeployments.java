package dev.bazaar.broker;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import dev.bazaar.osbclient.BrokerEndpoint;
import org.jspecify.annotations.Nullable;

/**
 * A broker's deployments besides its private registration: its publications to locations.
 * Implemented by the publishing module.
 */
public interface BrokerDeployments {

	/** How to call the broker's publication at a location, if there is one. */
	Optional<BrokerEndpoint> endpoint(ServiceBroker broker, String location);

	/** The broker's publications, for its owner. */
	List<PublishedDeployment> of(UUID brokerId);

	/** When the last refresh of the publication's catalog started, or null. */
	@Nullable Instant lastRefreshAt(UUID brokerId, String location);

	/**
	 * A publication as a broker's owner sees it.
	 *
	 * @param location the location identifier
	 * @param endpoint the publication's endpoint
	 * @param username its Basic auth username
	 * @param status {@code PENDING_APPROVAL}, {@code APPROVED} or {@code REJECTED}
	 * @param rejectionComment the Partner Admin's comment on a rejection, or null
	 */
	record PublishedDeployment(String location, String endpoint, String username, String status,
			@Nullable String rejectionComment) {
	}

}
