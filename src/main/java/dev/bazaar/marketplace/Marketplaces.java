package dev.bazaar.marketplace;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import dev.bazaar.broker.BrokerManagement;
import dev.bazaar.broker.ServiceBroker;
import dev.bazaar.catalog.CatalogManagement;
import dev.bazaar.catalog.Deployment;
import dev.bazaar.catalog.PlanView;
import dev.bazaar.catalog.ServiceView;
import dev.bazaar.tenancy.Marketplace;
import dev.bazaar.tenancy.Project;
import dev.bazaar.tenancy.TenancyManagement;

import org.springframework.stereotype.Service;

/**
 * Puts together what a project can order: the active services and plans of the active
 * brokers of every marketplace the project added.
 */
@Service
public class Marketplaces {

	private final TenancyManagement tenancy;

	private final BrokerManagement brokers;

	private final CatalogManagement catalogs;

	Marketplaces(TenancyManagement tenancy, BrokerManagement brokers, CatalogManagement catalogs) {
		this.tenancy = tenancy;
		this.brokers = brokers;
		this.catalogs = catalogs;
	}

	/**
	 * The offerings of the project's marketplaces, for the project's customer members.
	 */
	public List<MarketplaceOffering> offerings(String customerIdentifier, String projectIdentifier) {
		return offerings(this.tenancy.project(customerIdentifier, projectIdentifier));
	}

	/** The offerings of the project's marketplaces; no access check. */
	public List<MarketplaceOffering> offerings(Project project) {
		List<MarketplaceOffering> offerings = new ArrayList<>();
		for (String marketplace : this.tenancy.marketplaceIdentifiers(project.id())) {
			if (Marketplace.PRIVATE.equals(marketplace)) {
				for (ServiceBroker broker : this.brokers.activeBrokersOf(project.customerId())) {
					addOfferings(offerings, marketplace, broker, Deployment.PRIVATE);
				}
			}
		}
		return offerings;
	}

	/** The plan, if the project can order it in that marketplace now; no access check. */
	public Optional<OfferedPlan> offeredPlan(Project project, String marketplace, String serviceId, String planId) {
		return offerings(project).stream()
			.filter((offering) -> offering.marketplace().equals(marketplace))
			.filter((offering) -> offering.service().id().equals(serviceId))
			.flatMap((offering) -> offering.service()
				.plans()
				.stream()
				.filter((plan) -> plan.id().equals(planId))
				.map((plan) -> new OfferedPlan(marketplace, offering.brokerId(), offering.brokerIdentifier(),
						offering.deployment(), offering.service(), plan)))
			.findFirst();
	}

	private void addOfferings(List<MarketplaceOffering> offerings, String marketplace, ServiceBroker broker,
			String deployment) {
		this.catalogs.catalog(new Deployment(broker.id(), deployment))
			.ifPresent((catalog) -> catalog.services()
				.stream()
				.filter(ServiceView::active)
				.map(Marketplaces::withActivePlans)
				.filter((service) -> !service.plans().isEmpty())
				.forEach((service) -> offerings
					.add(new MarketplaceOffering(marketplace, broker.id(), broker.identifier(), deployment, service))));
	}

	private static ServiceView withActivePlans(ServiceView service) {
		List<PlanView> plans = service.plans().stream().filter(PlanView::active).toList();
		return new ServiceView(service.id(), service.name(), service.description(), service.bindable(),
				service.planUpdateable(), service.instancesRetrievable(), service.bindingsRetrievable(), true, plans);
	}

}
