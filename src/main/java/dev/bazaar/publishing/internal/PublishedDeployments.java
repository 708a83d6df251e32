package dev.bazaar.publishing.internal;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import dev.bazaar.broker.BrokerDeployments;
import dev.bazaar.broker.ServiceBroker;
import dev.bazaar.osbclient.BrokerEndpoint;
import dev.bazaar.publishing.PublishingManagement;
import org.jspecify.annotations.Nullable;

import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;

/** Tells the broker module about its brokers' publications. */
@Component
class PublishedDeployments implements BrokerDeployments {

	private final PublicationRepository repository;

	private final PublishingManagement publishing;

	PublishedDeployments(PublicationRepository repository, @Lazy PublishingManagement publishing) {
		this.repository = repository;
		this.publishing = publishing;
	}

	@Override
	public Optional<BrokerEndpoint> endpoint(ServiceBroker broker, String location) {
		return this.publishing.endpoint(broker, location);
	}

	@Override
	public List<PublishedDeployment> of(UUID brokerId) {
		return this.repository.ofBroker(brokerId)
			.stream()
			.map((publication) -> new PublishedDeployment(publication.location(), publication.endpoint(),
					publication.username(), publication.status().name(), publication.rejectionComment()))
			.toList();
	}

	@Override
	public @Nullable Instant lastRefreshAt(UUID brokerId, String location) {
		return this.repository.find(brokerId, location)
			.map((publication) -> this.repository.refreshTimes().lastRefreshAt(publication.id()))
			.orElse(null);
	}

}
