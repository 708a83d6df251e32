package dev.bazaar.marketplace;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import dev.bazaar.broker.BrokerManagement;
import dev.bazaar.broker.BrokerStatus;
import dev.bazaar.broker.ServiceBroker;
import dev.bazaar.catalog.CatalogManagement;
import dev.bazaar.catalog.Deployment;
import dev.bazaar.catalog.PlanView;
import dev.bazaar.catalog.ServiceView;
import dev.bazaar.publishing.PublishingManagement;
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

	private final PublishingManagement publishing;

	Marketplaces(TenancyManagement tenancy, BrokerManagement brokers, CatalogManagement catalogs,
			PublishingManagement publishing) {
		this.tenancy = tenancy;
		this.brokers = brokers;
		this.catalogs = catalogs;
		this.publishing = publishing;
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
			addOfferings(offerings, project, marketplace);
		}
		return offerings;
	}

	/**
	 * The identifier of the deactivated broker that offered the service in that
	 * marketplace, if one did: its services take no new instances.
	 */
	public Optional<String> deactivatedSupplierOf(Project project, String marketplace, String serviceId) {
		return suppliers(project, marketplace).stream()
			.filter((supplier) -> supplier.broker().status() == BrokerStatus.DEACTIVATED)
			.filter((supplier) -> this.catalogs.catalog(new Deployment(supplier.broker().id(), supplier.deployment()))
				.map((catalog) -> catalog.services().stream().anyMatch((service) -> service.id().equals(serviceId)))
				.orElse(false))
			.map((supplier) -> supplier.broker().identifier())
			.findFirst();
	}

	private List<Supplier> suppliers(Project project, String marketplace) {
		if (!this.tenancy.marketplaceIdentifiers(project.id()).contains(marketplace)) {
			return List.of();
		}
		return suppliersOfAdded(project, marketplace);
	}

	/** The suppliers of a marketplace the project is known to have added. */
	private List<Supplier> suppliersOfAdded(Project project, String marketplace) {
		if (Marketplace.PRIVATE.equals(marketplace)) {
			return this.brokers.brokersOf(project.customerId())
				.stream()
				.map((broker) -> new Supplier(broker, Deployment.PRIVATE))
				.toList();
		}
		return this.publishing.approvedAt(marketplace)
			.stream()
			.flatMap((publication) -> this.brokers.findById(publication.brokerId()).stream())
			.map((broker) -> new Supplier(broker, marketplace))
			.toList();
	}

	/** A broker deployment that supplies a marketplace. */
	private record Supplier(ServiceBroker broker, String deployment) {
	}

	/** The plan, if the project can order it in that marketplace now; no access check. */
	public Optional<OfferedPlan> offeredPlan(Project project, String marketplace, String serviceId, String planId) {
		if (!this.tenancy.marketplaceIdentifiers(project.id()).contains(marketplace)) {
			return Optional.empty();
		}
		List<MarketplaceOffering> offerings = new ArrayList<>();
		addOfferings(offerings, project, marketplace);
		return offerings.stream()
			.filter((offering) -> offering.service().id().equals(serviceId))
			.flatMap((offering) -> offering.service()
				.plans()
				.stream()
				.filter((plan) -> plan.id().equals(planId))
				.map((plan) -> new OfferedPlan(marketplace, offering.brokerId(), offering.brokerIdentifier(),
						offering.deployment(), offering.service(), plan)))
			.findFirst();
	}

	private void addOfferings(List<MarketplaceOffering> offerings, Project project, String marketplace) {
		for (Supplier supplier : suppliersOfAdded(project, marketplace)) {
			if (supplier.broker().status() == BrokerStatus.ACTIVE) {
				addOfferings(offerings, marketplace, supplier.broker(), supplier.deployment());
			}
		}
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
