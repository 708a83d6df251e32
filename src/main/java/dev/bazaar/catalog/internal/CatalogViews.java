package dev.bazaar.catalog.internal;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import dev.bazaar.catalog.CatalogView;
import dev.bazaar.catalog.DeployedService;
import dev.bazaar.catalog.Deployment;
import dev.bazaar.catalog.PlanView;
import dev.bazaar.catalog.ServiceView;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Component;

/** Reads stored catalogs and plans as views. */
@Component
public class CatalogViews {

	private final CatalogRepository catalogs;

	private final OfferingRepository offerings;

	CatalogViews(CatalogRepository catalogs, OfferingRepository offerings) {
		this.catalogs = catalogs;
		this.offerings = offerings;
	}

	/** The deployment's catalog, as of the last refresh started for it (or null). */
	public Optional<CatalogView> catalog(Deployment deployment, @Nullable Instant lastRefreshAt) {
		return this.catalogs.find(deployment)
			.map((stored) -> stored.asOfRefresh(lastRefreshAt))
			.map((header) -> new CatalogView(deployment, header.fetchedAt(), header.lastAttemptAt(), header.lastError(),
					header.changes(), services(deployment)));
	}

	/**
	 * The service as the first of the deployments (in their order) that lists it stores
	 * it.
	 */
	public Optional<DeployedService> service(List<Deployment> among, String serviceId) {
		List<DeployedService> uses = this.offerings.servicesWithId(serviceId);
		for (Deployment deployment : among) {
			for (DeployedService use : uses) {
				if (use.deployment().equals(deployment)) {
					return Optional.of(use);
				}
			}
		}
		return Optional.empty();
	}

	public Optional<PlanView> plan(Deployment deployment, String serviceId, String planId) {
		return this.offerings.plan(deployment, serviceId, planId);
	}

	private List<ServiceView> services(Deployment deployment) {
		Map<String, List<PlanView>> plans = this.offerings.plans(deployment)
			.stream()
			.collect(Collectors.groupingBy(PlanView::serviceId));
		return this.offerings.services(deployment)
			.stream()
			.map((service) -> new ServiceView(service.id(), service.name(), service.description(), service.bindable(),
					service.planUpdateable(), service.instancesRetrievable(), service.bindingsRetrievable(),
					service.active(), plans.getOrDefault(service.id(), List.of())))
			.toList();
	}

}
