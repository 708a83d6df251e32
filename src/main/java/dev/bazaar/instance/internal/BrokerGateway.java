package dev.bazaar.instance.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

import dev.bazaar.broker.BrokerManagement;
import dev.bazaar.catalog.CatalogManagement;
import dev.bazaar.catalog.DeployedService;
import dev.bazaar.catalog.Deployment;
import dev.bazaar.catalog.PlanView;
import dev.bazaar.catalog.ServiceView;
import dev.bazaar.instance.ServiceInstance;
import dev.bazaar.osbclient.BrokerEndpoint;
import dev.bazaar.osbclient.OsbClient;
import dev.bazaar.osbclient.OsbRequest;
import dev.bazaar.osbclient.OsbResponse;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Component;

/** Sends an instance's requests to the deployment of the broker that provides it. */
@Component
class BrokerGateway {

	private final OsbClient client;

	private final BrokerManagement brokers;

	private final CatalogManagement catalogs;

	private final Clock clock;

	BrokerGateway(OsbClient client, BrokerManagement brokers, CatalogManagement catalogs, Clock clock) {
		this.client = client;
		this.brokers = brokers;
		this.catalogs = catalogs;
		this.clock = clock;
	}

	OsbResponse send(ServiceInstance instance, OsbRequest request) {
		return send(endpoint(instance), request);
	}

	OsbResponse send(BrokerEndpoint endpoint, OsbRequest request) {
		return this.client.exchange(endpoint, request);
	}

	/**
	 * Sends a poll and answers with its communication log, which the caller stores
	 * ({@link PollWrites}).
	 */
	OsbClient.Exchanged poll(BrokerEndpoint endpoint, OsbRequest request) {
		return this.client.exchangeRecordingLater(endpoint, request);
	}

	/** Where the instance's requests go, with the broker's credentials. */
	BrokerEndpoint endpoint(ServiceInstance instance) {
		return this.brokers.endpoint(instance.brokerId(), instance.deployment());
	}

	/**
	 * The instance's plan as the catalog knows it (also when the broker no longer offers
	 * it).
	 */
	@Nullable PlanView plan(ServiceInstance instance, String planId) {
		return this.catalogs.plan(deployment(instance), instance.serviceId(), planId).orElse(null);
	}

	/** The instance's service offering as the catalog knows it. */
	@Nullable ServiceView service(ServiceInstance instance) {
		return this.catalogs.service(List.of(deployment(instance)), instance.serviceId())
			.map(DeployedService::service)
			.orElse(null);
	}

	/**
	 * Whether the broker can be asked to bind asynchronously: it must let Bazaar fetch
	 * the binding.
	 */
	boolean bindingsRetrievable(ServiceInstance instance) {
		ServiceView service = service(instance);
		return service != null && service.bindingsRetrievable();
	}

	@Nullable Integer maximumPollingSeconds(ServiceInstance instance, String planId) {
		PlanView plan = plan(instance, planId);
		return (plan != null) ? plan.maximumPollingDuration() : null;
	}

	Instant now() {
		return this.clock.instant();
	}

	private static Deployment deployment(ServiceInstance instance) {
		return new Deployment(instance.brokerId(), instance.deployment());
	}

}
