package dev.bazaar.commlog.web;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

import dev.bazaar.catalog.CatalogManagement;
import dev.bazaar.catalog.Deployment;
import dev.bazaar.commlog.BrokerDirectory;
import dev.bazaar.commlog.CommunicationLog;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Names the plan a log concerns from the catalog of the deployment called, while the
 * broker and that plan are still known.
 */
@Component
class LogPlanNames {

	private final ObjectProvider<BrokerDirectory> brokers;

	private final CatalogManagement catalogs;

	LogPlanNames(ObjectProvider<BrokerDirectory> brokers, CatalogManagement catalogs) {
		this.brokers = brokers;
		this.catalogs = catalogs;
	}

	Optional<String> of(String brokerIdentifier, CommunicationLog log) {
		String planId = log.planId();
		if (planId == null) {
			return Optional.empty();
		}
		String deployment = Objects.requireNonNullElse(log.location(), Deployment.PRIVATE);
		return Optional.ofNullable(this.brokers.getIfAvailable())
			.flatMap((directory) -> directory.findByIdentifier(brokerIdentifier))
			.map((broker) -> this.catalogs.planNames(broker.id(), List.of(deployment)).get(planId));
	}

}
