package dev.bazaar.publishing;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import dev.bazaar.broker.BrokerAction;
import dev.bazaar.broker.BrokerActionTaken;
import dev.bazaar.broker.BrokerFields;
import dev.bazaar.broker.BrokerManagement;
import dev.bazaar.broker.BrokerStatus;
import dev.bazaar.broker.CatalogUnavailable;
import dev.bazaar.broker.ServiceBroker;
import dev.bazaar.catalog.CatalogManagement;
import dev.bazaar.catalog.CatalogView;
import dev.bazaar.catalog.Deployment;
import dev.bazaar.catalog.ValidatedCatalog;
import dev.bazaar.osbclient.BrokerEndpoint;
import dev.bazaar.publishing.PublishingCommands.Publish;
import dev.bazaar.publishing.PublishingCommands.Reject;
import dev.bazaar.publishing.internal.PublicationRepository;
import dev.bazaar.shared.FieldMessage;
import dev.bazaar.shared.RequestRefused;
import dev.bazaar.shared.ResourceNotFound;
import dev.bazaar.shared.StateConflict;
import dev.bazaar.shared.Texts;
import dev.bazaar.shared.crypto.SecretCipher;
import dev.bazaar.tenancy.CurrentUser;
import dev.bazaar.tenancy.TenancyManagement;
import dev.bazaar.tenancy.TenantAccess;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Publishes brokers to locations and takes them through a Partner Admin's review. A
 * publication's endpoint must be https with a certificate Bazaar trusts (development mode
 * never applies), and its catalog must be valid, before anything is stored.
 */
@Service
public class PublishingManagement {

	private final PublicationRepository repository;

	private final BrokerManagement brokers;

	private final CatalogManagement catalogs;

	private final TenancyManagement tenancy;

	private final TenantAccess access;

	private final SecretCipher cipher;

	private final TransactionTemplate transactions;

	private final Clock clock;

	private final Duration refreshInterval;

	private final ApplicationEventPublisher events;

	PublishingManagement(PublicationRepository repository, BrokerManagement brokers, CatalogManagement catalogs,
			TenancyManagement tenancy, TenantAccess access, SecretCipher cipher, TransactionTemplate transactions,
			Clock clock, @Value("${bazaar.catalog.refresh-interval:10m}") Duration refreshInterval,
			ApplicationEventPublisher events) {
		this.events = events;
		this.repository = repository;
		this.brokers = brokers;
		this.catalogs = catalogs;
		this.tenancy = tenancy;
		this.access = access;
		this.cipher = cipher;
		this.transactions = transactions;
		this.clock = clock;
		this.refreshInterval = refreshInterval;
	}

	/**
	 * Publishes the broker to a location, pending approval; a rejected publication may be
	 * replaced.
	 */
	public Publication publish(String brokerIdentifier, Publish command) {
		ServiceBroker broker = this.brokers.ownBroker(brokerIdentifier);
		if (broker.status() == BrokerStatus.DEACTIVATED) {
			throw new StateConflict("Broker '" + brokerIdentifier + "' is deactivated and cannot be published");
		}
		String location = location(command.location());
		BrokerFields fields = new BrokerFields();
		String endpoint = fields.endpoint(command.endpoint());
		String username = fields.username(command.username());
		String password = fields.password(command.password());
		fields.check();
		if (!endpoint.startsWith("https://")) {
			throw new RequestRefused("A publication's endpoint must use https: consumers of other customers rely on it",
					List.of(new FieldMessage("endpoint", "must start with https://")));
		}
		Optional<Publication> existing = this.repository.find(broker.id(), location);
		if (existing.isPresent() && existing.get().status() != PublicationStatus.REJECTED) {
			throw new StateConflict("Broker '" + brokerIdentifier + "' is published to location '" + location
					+ "' already (" + existing.get().status() + "); revoke that publication first");
		}
		Instant now = this.clock.instant();
		Publication publication = new Publication(UUID.randomUUID(), broker.id(), location, endpoint, username,
				PublicationStatus.PENDING_APPROVAL, null, now, null, null);
		ValidatedCatalog catalog = this.brokers.fetchCatalog(endpointOf(broker, publication, password));
		Deployment deployment = new Deployment(broker.id(), location);
		this.transactions.executeWithoutResult((tx) -> {
			existing.ifPresent((rejected) -> {
				this.repository.deleteUnapproved(rejected.id());
				this.catalogs.delete(deployment);
			});
			this.repository.insert(publication, this.cipher.encrypt(password), now.plus(this.refreshInterval));
			this.catalogs.store(deployment, catalog, now);
		});
		this.events.publishEvent(BrokerActionTaken.of(BrokerAction.PUBLISHED, broker, location, endpoint));
		return publication;
	}

	/** The broker's publications, for its owner's customer admins and partner admins. */
	public List<Publication> publications(String brokerIdentifier) {
		return this.repository.ofBroker(this.brokers.broker(brokerIdentifier).id());
	}

	/** Revokes a publication that is not approved; its catalog goes with it. */
	public void revoke(String brokerIdentifier, String location) {
		ServiceBroker broker = this.brokers.ownBroker(brokerIdentifier);
		Publication publication = publication(broker, location);
		this.transactions.executeWithoutResult((tx) -> {
			if (!this.repository.deleteUnapproved(publication.id())) {
				throw new StateConflict("The publication to '" + location + "' is approved: consumers may use it, so "
						+ "it cannot be revoked. Deactivate the broker to retire it");
			}
			this.catalogs.delete(new Deployment(broker.id(), location));
		});
		this.events.publishEvent(BrokerActionTaken.of(BrokerAction.REVOKED, broker, location, null));
	}

	/**
	 * Fetches a publication's catalog now; on failure the last good one stays and the
	 * failure is kept.
	 */
	public CatalogView refreshCatalog(String brokerIdentifier, String location) {
		ServiceBroker broker = this.brokers.ownBroker(brokerIdentifier);
		Publication publication = publication(broker, location);
		Instant now = this.clock.instant();
		this.repository.refreshTimes().startRefresh(publication.id(), now, now.plus(this.refreshInterval));
		try {
			refresh(publication);
		}
		catch (CatalogUnavailable ex) {
			this.events.publishEvent(BrokerActionTaken.of(BrokerAction.CATALOG_REFRESHED, broker, location, "failed"));
			throw ex;
		}
		this.events.publishEvent(BrokerActionTaken.of(BrokerAction.CATALOG_REFRESHED, broker, location, "succeeded"));
		return catalog(publication);
	}

	/** Publications waiting for approval, of every customer; for partner admins. */
	public List<Publication> pending() {
		this.access.requirePartnerAdmin();
		return this.repository.withStatus(PublicationStatus.PENDING_APPROVAL);
	}

	/** Approves a pending publication: its services join the location's marketplace. */
	public Publication approve(String brokerIdentifier, String location) {
		this.access.requirePartnerAdmin();
		ServiceBroker broker = this.brokers.broker(brokerIdentifier);
		Publication publication = publication(broker, location);
		this.transactions.executeWithoutResult((tx) -> {
			decide(publication, PublicationStatus.APPROVED, null);
			this.brokers.markApproved(broker.id());
		});
		this.events.publishEvent(BrokerActionTaken.of(BrokerAction.APPROVED, broker, location, null));
		return this.repository.byId(publication.id()).orElseThrow();
	}

	/**
	 * Rejects a pending publication with a comment the owner reads; the owner may publish
	 * again.
	 */
	public Publication reject(String brokerIdentifier, String location, Reject command) {
		this.access.requirePartnerAdmin();
		String comment = Texts.required("comment", command.comment(), 2000);
		ServiceBroker broker = this.brokers.broker(brokerIdentifier);
		Publication publication = publication(broker, location);
		decide(publication, PublicationStatus.REJECTED, comment);
		this.events.publishEvent(BrokerActionTaken.of(BrokerAction.REJECTED, broker, location, comment));
		return this.repository.byId(publication.id()).orElseThrow();
	}

	/** A publication's catalog. */
	public CatalogView catalog(Publication publication) {
		return this.catalogs
			.catalog(new Deployment(publication.brokerId(), publication.location()),
					this.repository.refreshTimes().lastRefreshAt(publication.id()))
			.orElseThrow(() -> new ResourceNotFound("The publication has no catalog"));
	}

	/** Approved publications at a location, for the marketplace; no access check. */
	public List<Publication> approvedAt(String location) {
		return this.repository.approvedAt(location);
	}

	/** How to call a publication, with its password decrypted; for other modules. */
	public Optional<BrokerEndpoint> endpoint(ServiceBroker broker, String location) {
		return this.repository.find(broker.id(), location)
			.map((publication) -> endpointOf(broker, publication,
					this.cipher.decrypt(this.repository.passwordEncrypted(publication.id()))));
	}

	/**
	 * Refreshes a publication's catalog, once its start is recorded; an unchanged catalog
	 * writes nothing (ADR 0009). Throws {@link CatalogUnavailable} when that fails.
	 */
	public void refresh(Publication publication) {
		Deployment deployment = new Deployment(publication.brokerId(), publication.location());
		BrokerEndpoint endpoint = this.brokers.findById(publication.brokerId())
			.flatMap((broker) -> endpoint(broker, publication.location()))
			.orElseThrow(() -> new ResourceNotFound("The publication no longer exists"));
		try {
			this.brokers.fetchChangedCatalog(endpoint)
				.ifPresent((catalog) -> this.transactions
					.executeWithoutResult((tx) -> this.catalogs.store(deployment, catalog, this.clock.instant())));
		}
		catch (CatalogUnavailable ex) {
			Instant prior = this.repository.refreshTimes().priorRefreshAt(publication.id());
			this.transactions.executeWithoutResult(
					(tx) -> this.catalogs.recordFailure(deployment, ex.getMessage(), this.clock.instant(), prior));
			throw ex;
		}
	}

	private void decide(Publication publication, PublicationStatus status, String comment) {
		String by = CurrentUser.get().getUsername();
		if (!this.repository.decide(publication.id(), status, comment, by, this.clock.instant())) {
			throw new StateConflict("The publication to '" + publication.location() + "' is " + publication.status()
					+ ", not pending approval");
		}
	}

	private Publication publication(ServiceBroker broker, String location) {
		return this.repository.find(broker.id(), location)
			.orElseThrow(() -> new ResourceNotFound(
					"Broker '" + broker.identifier() + "' has no publication to location '" + location + "'"));
	}

	private String location(String location) {
		String identifier = Texts.required("location", location, 63);
		return this.tenancy.location(identifier)
			.map((found) -> found.identifier())
			.orElseThrow(() -> new RequestRefused("There is no location '" + identifier + "'",
					List.of(new FieldMessage("location", "is not a known location"))));
	}

	private static BrokerEndpoint endpointOf(ServiceBroker broker, Publication publication, String password) {
		return new BrokerEndpoint(broker.id(), broker.identifier(), broker.customerId(), publication.location(),
				publication.endpoint(), publication.username(), password, false);
	}

}
