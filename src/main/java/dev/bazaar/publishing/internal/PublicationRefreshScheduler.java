package dev.bazaar.publishing.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import dev.bazaar.broker.CatalogUnavailable;
import dev.bazaar.publishing.PublishingManagement;
import dev.bazaar.publishing.internal.PublicationRepository.DueRefresh;
import dev.bazaar.shared.WorkerPool;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Refreshes publications' catalogs periodically (not those of deactivated brokers), each
 * refresh claimed through the database so it runs on one node, as many at once as
 * {@code bazaar.catalog.refresh-concurrency}.
 */
@Component
public class PublicationRefreshScheduler implements DisposableBean {

	private static final Log logger = LogFactory.getLog(PublicationRefreshScheduler.class);

	private static final int BATCH = 100;

	private final PublicationRepository repository;

	private final PublishingManagement publishing;

	private final Clock clock;

	private final Duration interval;

	private final WorkerPool workers;

	PublicationRefreshScheduler(PublicationRepository repository, PublishingManagement publishing, Clock clock,
			@Value("${bazaar.catalog.refresh-interval:10m}") Duration interval,
			@Value("${bazaar.catalog.refresh-concurrency:8}") int concurrency) {
		this.repository = repository;
		this.publishing = publishing;
		this.clock = clock;
		this.interval = interval;
		this.workers = new WorkerPool("publication-refresh", concurrency);
	}

	@Scheduled(fixedDelayString = "${bazaar.catalog.refresh-check:15s}",
			initialDelayString = "${bazaar.catalog.refresh-check:15s}")
	void tick() {
		refreshDue();
	}

	/** Claims and runs every refresh due now; returns how many ran here. */
	public int refreshDue() {
		return this.workers.claimAndRunDue(BATCH, () -> this.repository.dueForRefresh(this.clock.instant(), BATCH),
				this::claim, this::refreshOne);
	}

	/** Claims a due refresh as it starts, recording that time. */
	private boolean claim(DueRefresh refresh) {
		Instant now = this.clock.instant();
		return this.repository.claimRefresh(refresh, now, now.plus(this.interval));
	}

	private void refreshOne(DueRefresh due) {
		this.repository.byId(due.publicationId()).ifPresent((publication) -> {
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
		this.workers.close();
	}

}
