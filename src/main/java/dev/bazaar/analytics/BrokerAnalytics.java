package dev.bazaar.analytics;

import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Stream;

import dev.bazaar.analytics.BrokerFigures.InstanceFigures;
import dev.bazaar.analytics.BrokerFigures.PlanCount;
import dev.bazaar.analytics.BrokerFigures.StatusCount;
import dev.bazaar.analytics.internal.CallStatistics;
import dev.bazaar.analytics.internal.InstanceStatistics;
import dev.bazaar.analytics.internal.InstanceStatistics.Count;
import dev.bazaar.catalog.CatalogManagement;
import dev.bazaar.broker.BrokerDeployments.PublishedDeployment;
import dev.bazaar.broker.BrokerManagement;
import dev.bazaar.broker.ServiceBroker;
import dev.bazaar.catalog.Deployment;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Computes a broker's usage and error figures for its owner's customer admins and partner
 * admins; others learn nothing, not even that the broker exists.
 */
@Service
public class BrokerAnalytics {

	/** How many customers and projects the top lists name. */
	static final int TOP = 10;

	private final BrokerManagement brokers;

	private final CallStatistics calls;

	private final InstanceStatistics instances;

	private final CatalogManagement catalogs;

	private final Consumers consumers;

	BrokerAnalytics(BrokerManagement brokers, CallStatistics calls, InstanceStatistics instances,
			CatalogManagement catalogs, Consumers consumers) {
		this.brokers = brokers;
		this.calls = calls;
		this.instances = instances;
		this.catalogs = catalogs;
		this.consumers = consumers;
	}

	/** The broker's figures over the query's period, in one read-only transaction. */
	@Transactional(readOnly = true)
	public BrokerFigures figures(String brokerIdentifier, AnalyticsQuery query) {
		ServiceBroker broker = this.brokers.broker(brokerIdentifier);
		UUID id = broker.id();
		List<String> deployments = deploymentsOf(broker);
		return new BrokerFigures(broker.identifier(), broker.name(), query.deployment(), deployments, query.from(),
				query.to(), query.bucket(), this.calls.overall(id, query), this.calls.perOperation(id, query),
				Timeline.of(query, this.calls.perBucket(id, query), this.instances.createdPerBucket(id, query)),
				instanceFigures(broker, query, deployments),
				this.consumers.customers(this.instances.topCustomers(id, query, TOP)),
				this.consumers.projects(this.instances.topProjects(id, query, TOP)));
	}

	/**
	 * The broker's deployments: {@code private} first, then its publications' locations.
	 */
	public List<String> deployments(String brokerIdentifier) {
		return deploymentsOf(this.brokers.broker(brokerIdentifier));
	}

	private List<String> deploymentsOf(ServiceBroker broker) {
		TreeSet<String> locations = new TreeSet<>();
		this.brokers.publications(broker).stream().map(PublishedDeployment::location).forEach(locations::add);
		return Stream.concat(Stream.of(Deployment.PRIVATE), locations.stream()).toList();
	}

	private static List<String> chosenFirst(AnalyticsQuery query, List<String> deployments) {
		String chosen = query.deployment();
		return (chosen == null) ? deployments
				: Stream.concat(Stream.of(chosen), deployments.stream().filter((other) -> !other.equals(chosen)))
					.toList();
	}

	private InstanceFigures instanceFigures(ServiceBroker broker, AnalyticsQuery query, List<String> deployments) {
		List<Count<String>> byPlan = this.instances.byPlan(broker.id(), query);
		Map<String, String> names = this.catalogs.planNames(broker.id(), chosenFirst(query, deployments));
		return new InstanceFigures(byPlan.stream().mapToLong(Count::instances).sum(),
				byPlan.stream()
					.map((count) -> new PlanCount(count.item(), names.getOrDefault(count.item(), count.item()),
							count.instances()))
					.toList(),
				this.instances.byStatus(broker.id(), query)
					.stream()
					.map((count) -> new StatusCount(count.item(), count.instances()))
					.toList());
	}

}
