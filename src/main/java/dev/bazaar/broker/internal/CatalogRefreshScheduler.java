package dev.bazaar.broker.internal;

import java.time.Clock;
import java.time.Instant;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import dev.bazaar.broker.BrokerManagement;
import dev.bazaar.broker.CatalogUnavailable;
import dev.bazaar.broker.internal.BrokerRepository.DueRefresh;
import dev.bazaar.shared.WorkerPool;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Refreshes catalogs periodically. Every node looks for due brokers; each refresh is
 * claimed through the database ({@link BrokerRepository#claimRefresh}), so it runs on
 * exactly one node.
 */
@Component
public class CatalogRefreshScheduler implements DisposableBean {

	private static final Log logger = LogFactory.getLog(CatalogRefreshScheduler.class);

	private static final int BATCH = 100;

	private final BrokerRepository repository;

	private final BrokerManagement brokers;

	private final RefreshSchedule schedule;

	private final Clock clock;

	private final WorkerPool workers;

	CatalogRefreshScheduler(BrokerRepository repository, BrokerManagement brokers, RefreshSchedule schedule,
			Clock clock, @Value("${bazaar.catalog.refresh-concurrency:8}") int concurrency) {
		this.repository = repository;
		this.brokers = brokers;
		this.schedule = schedule;
		this.clock = clock;
		this.workers = new WorkerPool("catalog-refresh", concurrency);
	}

	@Scheduled(fixedDelayString = "${bazaar.catalog.refresh-check:15s}",
			initialDelayString = "${bazaar.catalog.refresh-check:15s}")
	void tick() {
		refreshDue();
	}

	/** Claims and runs every refresh due now; returns how many this node ran. */
	public int refreshDue() {
		return this.workers.claimAndRunDue(BATCH, () -> this.repository.dueForRefresh(this.clock.instant(), BATCH),
				this::claim, this::refreshOne);
	}

	/** Claims a due refresh as it starts, recording that time. */
	private boolean claim(DueRefresh refresh) {
		Instant now = this.clock.instant();
		return this.repository.claimRefresh(refresh, now, this.schedule.nextAfter(now));
	}

	private void refreshOne(DueRefresh refresh) {
		this.repository.byId(refresh.brokerId()).ifPresent((broker) -> {
			try {
				this.brokers.refresh(broker);
			}
			catch (CatalogUnavailable ex) {
				logger.info(
						"Periodic catalog refresh of broker '" + broker.identifier() + "' failed: " + ex.getMessage());
			}
		});
	}

	@Override
	public void destroy() throws InterruptedException {
		this.workers.close();
	}

}
