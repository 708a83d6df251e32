package dev.bazaar.marketplace;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import dev.bazaar.broker.BrokerManagement;
import dev.bazaar.broker.BrokerStatus;
import dev.bazaar.broker.ServiceBroker;
import dev.bazaar.catalog.CatalogManagement;
import dev.bazaar.catalog.Deployment;
import dev.bazaar.catalog.PlanView;
import dev.bazaar.catalog.ServiceView;
import dev.bazaar.publishing.PublishingManagement;
import dev.bazaar.shared.RequestRefused;
import dev.bazaar.shared.StateConflict;
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
	 * The plan the project orders, checked against its marketplace now: a deactivated
	 * broker's service is a conflict, anything not offered is refused; no access check.
	 */
	public OfferedPlan orderable(Project project, String marketplace, String serviceId, String planId) {
		Optional<Found> found = find(project, marketplace, serviceId);
		if (found.isPresent() && found.get().supplier().broker().status() == BrokerStatus.DEACTIVATED) {
			throw new StateConflict("Broker '" + found.get().supplier().broker().identifier() + "' was deactivated by "
					+ "its owner: its services take no new instances. Existing instances stay usable");
		}
		return found.flatMap((offer) -> offer.plan(planId))
			.orElseThrow(() -> new RequestRefused("Plan '" + planId + "' of service '" + serviceId
					+ "' is not offered in marketplace '" + marketplace + "' of project '" + project.identifier()
					+ "'; see the project's marketplace for what it can order"));
	}

	/** The plan, if the project can order it in that marketplace now; no access check. */
	public Optional<OfferedPlan> offeredPlan(Project project, String marketplace, String serviceId, String planId) {
		return find(project, marketplace, serviceId)
			.filter((found) -> found.supplier().broker().status() == BrokerStatus.ACTIVE)
			.flatMap((found) -> found.plan(planId));
	}

	/**
	 * The service in the catalog of one of the marketplace's suppliers, active or not:
	 * three indexed queries (the project's marketplaces, the suppliers, the service with
	 * its plans), however many suppliers the marketplace has.
	 */
	private Optional<Found> find(Project project, String marketplace, String serviceId) {
		if (!this.tenancy.marketplaceIdentifiers(project.id()).contains(marketplace)) {
			return Optional.empty();
		}
		List<Supplier> suppliers = suppliersOfAdded(project, marketplace);
		return this.catalogs.service(suppliers.stream().map(Supplier::deployment).toList(), serviceId)
			.flatMap((deployed) -> suppliers.stream()
				.filter((supplier) -> supplier.deployment().equals(deployed.deployment()))
				.findFirst()
				.map((supplier) -> new Found(marketplace, supplier, deployed.service())));
	}

	/** The suppliers of a marketplace the project is known to have added. */
	private List<Supplier> suppliersOfAdded(Project project, String marketplace) {
		if (Marketplace.PRIVATE.equals(marketplace)) {
			return this.brokers.brokersOf(project.customerId())
				.stream()
				.map((broker) -> new Supplier(broker, Deployment.privateOf(broker.id())))
				.toList();
		}
		List<UUID> approved = this.publishing.approvedAt(marketplace)
			.stream()
			.map((publication) -> publication.brokerId())
			.toList();
		return this.brokers.findByIds(approved)
			.stream()
			.map((broker) -> new Supplier(broker, new Deployment(broker.id(), marketplace)))
			.toList();
	}

	/** A broker deployment that supplies a marketplace. */
	private record Supplier(ServiceBroker broker, Deployment deployment) {
	}

	/** A service found in a supplier's catalog. */
	private record Found(String marketplace, Supplier supplier, ServiceView service) {

		/** The plan, if both it and the service are active. */
		Optional<OfferedPlan> plan(String planId) {
			if (!this.service.active()) {
				return Optional.empty();
			}
			ServiceView offered = withActivePlans(this.service);
			return offered.plans()
				.stream()
				.filter((plan) -> plan.id().equals(planId))
				.findFirst()
				.map((plan) -> new OfferedPlan(this.marketplace, this.supplier.broker().id(),
						this.supplier.broker().identifier(), this.supplier.broker().customerId(),
						this.supplier.deployment().name(), offered, plan));
		}

	}

	private void addOfferings(List<MarketplaceOffering> offerings, Project project, String marketplace) {
		for (Supplier supplier : suppliersOfAdded(project, marketplace)) {
			if (supplier.broker().status() == BrokerStatus.ACTIVE) {
				addOfferings(offerings, marketplace, supplier.broker(), supplier.deployment().name());
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
