package dev.bazaar.broker;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import dev.bazaar.broker.BrokerCommands.RegisterBroker;
import dev.bazaar.broker.BrokerCommands.UpdateBroker;
import dev.bazaar.broker.internal.BrokerRepository;
import dev.bazaar.broker.internal.CatalogFetcher;
import dev.bazaar.broker.internal.RefreshSchedule;
import dev.bazaar.catalog.CatalogManagement;
import dev.bazaar.catalog.CatalogView;
import dev.bazaar.catalog.Deployment;
import dev.bazaar.catalog.ValidatedCatalog;
import dev.bazaar.osbclient.BrokerEndpoint;
import dev.bazaar.shared.RequestRefused;
import dev.bazaar.shared.ResourceNotFound;
import dev.bazaar.shared.StateConflict;
import dev.bazaar.shared.crypto.SecretCipher;
import dev.bazaar.tenancy.Customer;
import dev.bazaar.tenancy.TenancyManagement;
import dev.bazaar.tenancy.TenantAccess;

import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Registers, edits, refreshes and deletes service brokers. Calls to brokers happen
 * outside database transactions; what they yield is written in one short transaction, so
 * nothing is half-written.
 */
@Service
public class BrokerManagement {

	private final BrokerRepository repository;

	private final CatalogFetcher fetcher;

	private final CatalogManagement catalogs;

	private final TenancyManagement tenancy;

	private final TenantAccess access;

	private final SecretCipher cipher;

	private final RefreshSchedule schedule;

	private final TransactionTemplate transactions;

	private final Clock clock;

	private final ObjectProvider<BrokerDeployments> deployments;

	private final ApplicationEventPublisher events;

	BrokerManagement(BrokerRepository repository, CatalogFetcher fetcher, CatalogManagement catalogs,
			TenancyManagement tenancy, TenantAccess access, SecretCipher cipher, RefreshSchedule schedule,
			TransactionTemplate transactions, Clock clock, ObjectProvider<BrokerDeployments> deployments,
			ApplicationEventPublisher events) {
		this.deployments = deployments;
		this.events = events;
		this.repository = repository;
		this.fetcher = fetcher;
		this.catalogs = catalogs;
		this.tenancy = tenancy;
		this.access = access;
		this.cipher = cipher;
		this.schedule = schedule;
		this.transactions = transactions;
		this.clock = clock;
	}

	/**
	 * Registers a broker after fetching and validating its catalog; stores nothing when
	 * that fails.
	 */
	public ServiceBroker register(String customerIdentifier, RegisterBroker command) {
		Customer customer = this.access.customerForAdmin(customerIdentifier, false);
		BrokerFields fields = new BrokerFields();
		String name = fields.name(command.name());
		String identifier = fields.identifier(command.identifier());
		String endpoint = fields.endpoint(command.endpoint());
		String username = fields.username(command.username());
		String password = fields.password(command.password());
		fields.check();
		if (this.repository.identifierTaken(identifier)) {
			throw identifierTaken(identifier);
		}
		Instant now = this.clock.instant();
		ServiceBroker broker = new ServiceBroker(UUID.randomUUID(), identifier, name, customer.id(), endpoint, username,
				Boolean.TRUE.equals(command.developmentMode()), BrokerStatus.ACTIVE, now, now);
		ValidatedCatalog catalog = this.fetcher.fetch(endpointOf(broker, password));
		try {
			this.transactions.executeWithoutResult((tx) -> {
				this.repository.insert(broker, this.cipher.encrypt(password), this.schedule.nextAfter(now));
				this.catalogs.store(Deployment.privateOf(broker.id()), catalog, now);
				this.tenancy.enablePrivateMarketplace(customer.id());
			});
		}
		catch (DuplicateKeyException ex) {
			throw identifierTaken(identifier);
		}
		this.events.publishEvent(BrokerActionTaken.of(BrokerAction.REGISTERED, broker, null, endpoint));
		return broker;
	}

	/**
	 * Changes a registration; a new endpoint or new credentials are tried before they are
	 * saved.
	 */
	public ServiceBroker update(String brokerIdentifier, UpdateBroker command) {
		ServiceBroker current = ownedBroker(brokerIdentifier, false);
		if (command.identifier() != null && !command.identifier().equals(current.identifier())) {
			throw new RequestRefused("The identifier of a broker cannot change; register a new broker instead");
		}
		BrokerFields fields = new BrokerFields();
		String name = (command.name() != null) ? fields.name(command.name()) : current.name();
		String endpoint = (command.endpoint() != null) ? fields.endpoint(command.endpoint()) : current.endpoint();
		String username = (command.username() != null) ? fields.username(command.username()) : current.username();
		String password = (command.password() != null) ? fields.password(command.password()) : null;
		fields.check();
		boolean developmentMode = (command.developmentMode() != null) ? command.developmentMode()
				: current.developmentMode();
		Instant now = this.clock.instant();
		ServiceBroker changed = new ServiceBroker(current.id(), current.identifier(), name, current.customerId(),
				endpoint, username, developmentMode, current.status(), current.createdAt(), now);
		String secret = (password != null) ? password
				: this.cipher.decrypt(this.repository.passwordEncrypted(current.id()));
		boolean connectionChanged = password != null || !endpoint.equals(current.endpoint())
				|| !username.equals(current.username()) || developmentMode != current.developmentMode();
		ValidatedCatalog catalog = connectionChanged ? this.fetcher.fetch(endpointOf(changed, secret)) : null;
		this.transactions.executeWithoutResult((tx) -> {
			this.repository.update(changed, this.cipher.encrypt(secret));
			if (catalog != null) {
				this.repository.refreshTimes().startRefresh(changed.id(), now, this.schedule.nextAfter(now));
				this.catalogs.store(Deployment.privateOf(changed.id()), catalog, now);
			}
		});
		this.events.publishEvent(
				BrokerActionTaken.of(BrokerAction.EDITED, changed, null, changes(current, changed, password != null)));
		return changed;
	}

	/**
	 * Deletes a registration, its pending publications and its catalogs; sends nothing to
	 * the broker. Once a publication was approved, the broker can only be deactivated.
	 */
	public void delete(String brokerIdentifier, String confirmation) {
		ServiceBroker broker = ownedBroker(brokerIdentifier, false);
		if (!broker.name().equals(confirmation)) {
			throw new RequestRefused("To delete the broker, confirm with its name exactly: '" + broker.name() + "'");
		}
		if (this.repository.approvedAt(broker.id()) != null) {
			throw new StateConflict("Broker '" + broker.identifier() + "' had a publication approved, so consumers may "
					+ "use it: it cannot be deleted. Deactivate it instead");
		}
		this.transactions.executeWithoutResult((tx) -> {
			this.catalogs.deleteAll(broker.id());
			this.repository.delete(broker.id());
		});
		this.events.publishEvent(BrokerActionTaken.of(BrokerAction.DELETED, broker, null, null));
	}

	/**
	 * Deactivates a broker for good: its services leave every marketplace, new instances
	 * are refused, existing ones stay. Only after a publication was approved (otherwise
	 * delete it).
	 */
	public ServiceBroker deactivate(String brokerIdentifier, String confirmation) {
		ServiceBroker broker = ownedBroker(brokerIdentifier, false);
		if (!broker.name().equals(confirmation)) {
			throw new RequestRefused(
					"To deactivate the broker, confirm with its name exactly: '" + broker.name() + "'");
		}
		if (broker.status() == BrokerStatus.DEACTIVATED) {
			return broker;
		}
		if (this.repository.approvedAt(broker.id()) == null) {
			throw new StateConflict("Broker '" + broker.identifier() + "' never had a publication approved: "
					+ "delete it instead of deactivating it");
		}
		ServiceBroker deactivated = new ServiceBroker(broker.id(), broker.identifier(), broker.name(),
				broker.customerId(), broker.endpoint(), broker.username(), broker.developmentMode(),
				BrokerStatus.DEACTIVATED, broker.createdAt(), this.clock.instant());
		this.repository.deactivate(broker.id(), deactivated.updatedAt());
		this.events.publishEvent(BrokerActionTaken.of(BrokerAction.DEACTIVATED, broker, null, null));
		return deactivated;
	}

	/**
	 * Records that a publication of the broker was approved; from then on it cannot be
	 * deleted.
	 */
	public void markApproved(UUID brokerId) {
		this.repository.markApproved(brokerId, this.clock.instant());
	}

	/** Whether a publication of the broker was ever approved. */
	public boolean everApproved(ServiceBroker broker) {
		return this.repository.approvedAt(broker.id()) != null;
	}

	/** The broker's publications, as its owner sees them. */
	public List<BrokerDeployments.PublishedDeployment> publications(ServiceBroker broker) {
		BrokerDeployments published = this.deployments.getIfAvailable();
		return (published != null) ? published.of(broker.id()) : List.of();
	}

	/**
	 * Fetches and validates a catalog from any deployment of a broker; for the publishing
	 * module.
	 */
	public ValidatedCatalog fetchCatalog(BrokerEndpoint endpoint) {
		return this.fetcher.fetch(endpoint);
	}

	/**
	 * Fetches a deployment's catalog for a refresh; empty when the broker sent the very
	 * body last stored, which needs no validation. For the publishing module.
	 */
	public Optional<ValidatedCatalog> fetchChangedCatalog(BrokerEndpoint endpoint) {
		return this.fetcher.fetchIfChanged(endpoint);
	}

	/** The broker, for its owner's customer admins only (who may change it). */
	public ServiceBroker ownBroker(String brokerIdentifier) {
		return ownedBroker(brokerIdentifier, false);
	}

	/**
	 * Fetches the catalog now; when that fails the last good catalog stays and the
	 * failure is kept.
	 */
	public CatalogView refreshCatalog(String brokerIdentifier) {
		ServiceBroker broker = ownedBroker(brokerIdentifier, false);
		Instant now = this.clock.instant();
		this.repository.refreshTimes().startRefresh(broker.id(), now, this.schedule.nextAfter(now));
		try {
			refresh(broker);
		}
		catch (CatalogUnavailable ex) {
			this.events.publishEvent(BrokerActionTaken.of(BrokerAction.CATALOG_REFRESHED, broker, null, "failed"));
			throw ex;
		}
		this.events.publishEvent(BrokerActionTaken.of(BrokerAction.CATALOG_REFRESHED, broker, null, "succeeded"));
		return catalog(broker);
	}

	/** The broker, for its owner's customer admins and partner admins. */
	public ServiceBroker broker(String brokerIdentifier) {
		return ownedBroker(brokerIdentifier, true);
	}

	/** A customer's brokers, for its customer admins and partner admins. */
	public List<ServiceBroker> brokers(String customerIdentifier) {
		Customer customer = this.access.customerForAdmin(customerIdentifier, true);
		return this.repository.ofCustomer(customer.id());
	}

	/** The catalog of the broker's private deployment. */
	public CatalogView catalog(ServiceBroker broker) {
		return this.catalogs
			.catalog(Deployment.privateOf(broker.id()), this.repository.refreshTimes().lastRefreshAt(broker.id()))
			.orElseThrow(() -> new ResourceNotFound("Broker '" + broker.identifier() + "' has no catalog yet"));
	}

	/** The catalog of the broker's private deployment, or null before the first fetch. */
	public @Nullable CatalogView catalogIfAny(ServiceBroker broker) {
		return this.catalogs
			.catalog(Deployment.privateOf(broker.id()), this.repository.refreshTimes().lastRefreshAt(broker.id()))
			.orElse(null);
	}

	/** The customer identifier of a broker's owner. */
	public String ownerIdentifier(ServiceBroker broker) {
		return this.tenancy.customerById(broker.customerId()).map(Customer::identifier).orElse("");
	}

	/**
	 * The customer's brokers, active or not: what supplies its private marketplace. No
	 * access check.
	 */
	public List<ServiceBroker> brokersOf(UUID customerId) {
		return this.repository.ofCustomer(customerId);
	}

	/**
	 * How to call a deployment of a broker ({@code private} or a location), for other
	 * modules.
	 */
	public BrokerEndpoint endpoint(UUID brokerId, String deployment) {
		BrokerRepository.WithPassword row = this.repository.byIdWithPassword(brokerId)
			.orElseThrow(() -> new ResourceNotFound("The service broker of this instance no longer exists"));
		ServiceBroker broker = row.broker();
		if (Deployment.PRIVATE.equals(deployment)) {
			return endpointOf(broker, this.cipher.decrypt(row.passwordEncrypted()));
		}
		return Optional.ofNullable(this.deployments.getIfAvailable())
			.flatMap((published) -> published.endpoint(broker, deployment))
			.orElseThrow(() -> new ResourceNotFound(
					"Broker '" + broker.identifier() + "' has no deployment at location '" + deployment + "'"));
	}

	/**
	 * The brokers with these ids (those that exist), for other modules; no access check.
	 */
	public List<ServiceBroker> findByIds(Collection<UUID> ids) {
		return this.repository.byIds(ids);
	}

	/** A broker by id, for other modules; no access check. */
	public Optional<ServiceBroker> findById(UUID id) {
		return this.repository.byId(id);
	}

	/** How to call the broker's private deployment, with its password decrypted. */
	public BrokerEndpoint privateEndpoint(ServiceBroker broker) {
		return endpointOf(broker, this.cipher.decrypt(this.repository.passwordEncrypted(broker.id())));
	}

	/**
	 * Refreshes the private deployment's catalog, once its start is recorded: stores it
	 * when valid and changed (nothing is written when it is unchanged: ADR 0009),
	 * otherwise keeps the last good one and records the failure. Throws
	 * {@link CatalogUnavailable} on failure.
	 */
	public void refresh(ServiceBroker broker) {
		refresh(broker, privateEndpoint(broker));
	}

	/**
	 * Refreshes the private deployment's catalog like {@link #refresh(ServiceBroker)}, of
	 * a broker read with its encrypted password in one statement: for the periodic
	 * refresh.
	 */
	public void refresh(ServiceBroker broker, String passwordEncrypted) {
		refresh(broker, endpointOf(broker, this.cipher.decrypt(passwordEncrypted)));
	}

	private void refresh(ServiceBroker broker, BrokerEndpoint endpoint) {
		Deployment deployment = Deployment.privateOf(broker.id());
		try {
			this.fetcher.fetchIfChanged(endpoint)
				.ifPresent((catalog) -> this.transactions
					.executeWithoutResult((tx) -> this.catalogs.store(deployment, catalog, this.clock.instant())));
		}
		catch (CatalogUnavailable ex) {
			Instant prior = this.repository.refreshTimes().priorRefreshAt(broker.id());
			this.transactions.executeWithoutResult(
					(tx) -> this.catalogs.recordFailure(deployment, ex.getMessage(), this.clock.instant(), prior));
			throw ex;
		}
	}

	private static String changes(ServiceBroker before, ServiceBroker after, boolean newPassword) {
		List<String> changed = new ArrayList<>();
		if (!before.name().equals(after.name())) {
			changed.add("name");
		}
		if (!before.endpoint().equals(after.endpoint())) {
			changed.add("endpoint " + after.endpoint());
		}
		if (!before.username().equals(after.username())) {
			changed.add("username");
		}
		if (newPassword) {
			changed.add("password");
		}
		if (before.developmentMode() != after.developmentMode()) {
			changed.add("development mode " + (after.developmentMode() ? "on" : "off"));
		}
		return changed.isEmpty() ? "nothing" : String.join(", ", changed);
	}

	private ServiceBroker ownedBroker(String brokerIdentifier, boolean partnerAdminToo) {
		ServiceBroker broker = this.repository.byIdentifier(brokerIdentifier)
			.filter((found) -> this.access.canSee(found.customerId()))
			.orElseThrow(() -> new ResourceNotFound("There is no service broker '" + brokerIdentifier + "'"));
		this.access.requireAdminOf(broker.customerId(), partnerAdminToo);
		return broker;
	}

	private static BrokerEndpoint endpointOf(ServiceBroker broker, String password) {
		return new BrokerEndpoint(broker.id(), broker.identifier(), broker.customerId(), null, broker.endpoint(),
				broker.username(), password, broker.developmentMode());
	}

	private static StateConflict identifierTaken(String identifier) {
		return new StateConflict("The identifier '" + identifier
				+ "' is taken by another broker; identifiers are unique across Bazaar, choose another");
	}

	/**
	 * The catalog of the broker's publication at a location, or null before the first
	 * fetch; for the broker's page.
	 */
	public @Nullable CatalogView catalogIfAny(ServiceBroker broker, String location) {
		BrokerDeployments published = this.deployments.getIfAvailable();
		Instant lastRefreshAt = (published != null) ? published.lastRefreshAt(broker.id(), location) : null;
		return this.catalogs.catalog(new Deployment(broker.id(), location), lastRefreshAt).orElse(null);
	}

}
