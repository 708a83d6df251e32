package dev.bazaar.broker.internal;

import java.time.Clock;
import java.util.UUID;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import dev.bazaar.broker.BrokerManagement;
import dev.bazaar.broker.CatalogUnavailable;
import dev.bazaar.shared.PeriodicRefresh;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Refreshes catalogs periodically. Every node looks for due brokers; each refresh is
 * claimed through the database, so it runs on exactly one node, and each node calls at
 * most {@code bazaar.catalog.refresh-concurrency} brokers at once (ADR 0012).
 */
@Component
public class CatalogRefreshScheduler implements DisposableBean {

	private static final Log logger = LogFactory.getLog(CatalogRefreshScheduler.class);

	private final BrokerRepository repository;

	private final BrokerManagement brokers;

	private final PeriodicRefresh refreshes;

	CatalogRefreshScheduler(BrokerRepository repository, BrokerManagement brokers, RefreshSchedule schedule,
			Clock clock, @Value("${bazaar.catalog.refresh-concurrency:8}") int concurrency) {
		this.repository = repository;
		this.brokers = brokers;
		this.refreshes = new PeriodicRefresh("catalog-refresh", concurrency, repository::dueForRefresh,
				repository.refreshTimes(), schedule::nextAfter, clock);
	}

	@Scheduled(fixedDelayString = "${bazaar.catalog.refresh-check:15s}",
			initialDelayString = "${bazaar.catalog.refresh-check:15s}")
	void tick() {
		refreshDue();
	}

	/** Claims and runs every refresh due now; returns how many this node ran. */
	public int refreshDue() {
		return this.refreshes.runDue(this::refreshOne);
	}

	/** Reads the broker with its password in one statement, and refreshes it. */
	private void refreshOne(UUID brokerId) {
		this.repository.byIdWithPassword(brokerId).ifPresent((row) -> {
			try {
				this.brokers.refresh(row.broker(), row.passwordEncrypted());
			}
			catch (CatalogUnavailable ex) {
				logger.info("Periodic catalog refresh of broker '" + row.broker().identifier() + "' failed: "
						+ ex.getMessage());
			}
		});
	}

	@Override
	public void destroy() throws InterruptedException {
		this.refreshes.close();
	}

}
