package dev.bazaar.publishing.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import dev.bazaar.broker.CatalogUnavailable;
import dev.bazaar.publishing.PublishingManagement;
import dev.bazaar.publishing.internal.PublicationRepository.DueRefresh;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Refreshes publications' catalogs periodically (not those of deactivated brokers), each
 * refresh claimed through the database so it runs on one node.
 */
@Component
public class PublicationRefreshScheduler {

	private static final Log logger = LogFactory.getLog(PublicationRefreshScheduler.class);

	private final PublicationRepository repository;

	private final PublishingManagement publishing;

	private final Clock clock;

	private final Duration interval;

	PublicationRefreshScheduler(PublicationRepository repository, PublishingManagement publishing, Clock clock,
			@Value("${bazaar.catalog.refresh-interval:10m}") Duration interval) {
		this.repository = repository;
		this.publishing = publishing;
		this.clock = clock;
		this.interval = interval;
	}

	@Scheduled(fixedDelayString = "${bazaar.catalog.refresh-check:15s}",
			initialDelayString = "${bazaar.catalog.refresh-check:15s}")
	void tick() {
		refreshDue();
	}

	/** Claims and runs the refreshes due now; returns how many ran here. */
	public int refreshDue() {
		Instant now = this.clock.instant();
		List<DueRefresh> claimed = this.repository.dueForRefresh(now, 100)
			.stream()
			.filter((due) -> this.repository.claimRefresh(due, now.plus(this.interval)))
			.toList();
		claimed.forEach((due) -> this.repository.byId(due.publicationId()).ifPresent((publication) -> {
			try {
				this.publishing.refresh(publication);
			}
			catch (CatalogUnavailable ex) {
				logger.info("Periodic catalog refresh of a publication to '" + publication.location() + "' failed: "
						+ ex.getMessage());
			}
		}));
		return claimed.size();
	}

}
