package dev.bazaar.publishing.internal;

import java.time.Clock;
import java.time.Duration;
import java.util.UUID;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import dev.bazaar.broker.CatalogUnavailable;
import dev.bazaar.publishing.PublishingManagement;
import dev.bazaar.shared.PeriodicRefresh;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Refreshes publications' catalogs periodically (not those of deactivated brokers), each
 * refresh claimed through the database so it runs on one node; each node calls at most
 * {@code bazaar.catalog.refresh-concurrency} publications at once (ADR 0012).
 */
@Component
public class PublicationRefreshScheduler implements DisposableBean {

	private static final Log logger = LogFactory.getLog(PublicationRefreshScheduler.class);

	private final PublicationRepository repository;

	private final PublishingManagement publishing;

	private final PeriodicRefresh refreshes;

	PublicationRefreshScheduler(PublicationRepository repository, PublishingManagement publishing, Clock clock,
			@Value("${bazaar.catalog.refresh-interval:10m}") Duration interval,
			@Value("${bazaar.catalog.refresh-concurrency:8}") int concurrency) {
		this.repository = repository;
		this.publishing = publishing;
		this.refreshes = new PeriodicRefresh("publication-refresh", concurrency, repository::dueForRefresh,
				repository.refreshTimes(), (now) -> now.plus(interval), clock);
	}

	@Scheduled(fixedDelayString = "${bazaar.catalog.refresh-check:15s}",
			initialDelayString = "${bazaar.catalog.refresh-check:15s}")
	void tick() {
		refreshDue();
	}

	/** Claims and runs every refresh due now; returns how many ran here. */
	public int refreshDue() {
		return this.refreshes.runDue(this::refreshOne);
	}

	private void refreshOne(UUID publicationId) {
		this.repository.byId(publicationId).ifPresent((publication) -> {
			try {
				this.publishing.refresh(publication);
			}
			catch (CatalogUnavailable ex) {
				logger.info("Periodic catalog refresh of a publication to '" + publication.location() + "' failed: "
						+ ex.getMessage());
			}
		});
	}

	@Override
	public void destroy() throws InterruptedException {
		this.refreshes.close();
	}

}
