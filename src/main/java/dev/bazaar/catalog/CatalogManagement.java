package dev.bazaar.catalog;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import dev.bazaar.catalog.internal.CatalogRepository;
import dev.bazaar.catalog.internal.CatalogStore;
import dev.bazaar.catalog.internal.CatalogValidation;
import dev.bazaar.catalog.internal.CatalogViews;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The catalog module's API: validates the catalogs brokers answer, keeps the last good
 * one per deployment with what each refresh changed, and tells which plans exist.
 */
@Service
public class CatalogManagement {

	private final CatalogValidation validation = new CatalogValidation();

	private final CatalogRepository catalogs;

	private final CatalogStore store;

	private final CatalogViews views;

	CatalogManagement(CatalogRepository catalogs, CatalogStore store, CatalogViews views) {
		this.catalogs = catalogs;
		this.store = store;
		this.views = views;
	}

	/**
	 * Validates the body of a {@code GET /v2/catalog} answer.
	 * @param body the response body as text (may be anything: HTML, empty, garbage)
	 * @param apiVersion the OSB API version the broker was called with: 2.14 to 2.17
	 * @param brokerId the broker that answered; other brokers' ids may not be reused
	 * @return the parsed catalog, or every error found with its path
	 * @throws IllegalArgumentException for an API version Bazaar does not speak
	 */
	@Transactional(readOnly = true)
	public CatalogValidationResult validate(String body, String apiVersion, UUID brokerId) {
		return this.validation.validate(body, apiVersion, this.catalogs.otherBrokersIds(brokerId));
	}

	/**
	 * Whether the body is the one the deployment's catalog was last stored from (and no
	 * fetch failed since): then it needs neither {@link #validate} nor {@link #store}.
	 */
	@Transactional(readOnly = true)
	public boolean isUnchanged(Deployment deployment, String body, String apiVersion) {
		return this.store.isUnchanged(deployment, body, apiVersion);
	}

	/**
	 * Replaces the deployment's catalog. Services and plans that left it are kept as
	 * inactive; an unchanged catalog writes nothing (ADR 0009), unless it ends a failure.
	 * @return what changed, empty when nothing did
	 */
	@Transactional
	public CatalogChanges store(Deployment deployment, ValidatedCatalog catalog, Instant fetchedAt) {
		return this.store.store(deployment, catalog, fetchedAt);
	}

	/**
	 * Records a failed fetch; the last good catalog stays.
	 * @param priorRefreshAt when the refresh before this one started, or null: unless it
	 * recorded a failure, it confirmed the catalog then
	 */
	@Transactional
	public void recordFailure(Deployment deployment, String reason, Instant at, @Nullable Instant priorRefreshAt) {
		this.catalogs.recordFailure(deployment, reason, at, priorRefreshAt);
	}

	/** The deployment's catalog, if a fetch was ever stored or attempted. */
	@Transactional(readOnly = true)
	public Optional<CatalogView> catalog(Deployment deployment) {
		return this.views.catalog(deployment, null);
	}

	/**
	 * The deployment's catalog as of the last refresh started for it: one that found the
	 * catalog unchanged wrote nothing, so only its scheduler knows it happened.
	 * @param lastRefreshAt when the last refresh of the deployment started, or null
	 */
	@Transactional(readOnly = true)
	public Optional<CatalogView> catalog(Deployment deployment, @Nullable Instant lastRefreshAt) {
		return this.views.catalog(deployment, lastRefreshAt);
	}

	/**
	 * A service with all its plans (active or not), from the first of the given
	 * deployments whose catalog lists it; one query however many deployments there are.
	 */
	@Transactional(propagation = Propagation.SUPPORTS, readOnly = true)
	public Optional<DeployedService> service(List<Deployment> among, String serviceId) {
		return this.views.service(among, serviceId);
	}

	/** A plan of the deployment's catalog, active or not. */
	@Transactional(readOnly = true)
	public Optional<PlanView> plan(Deployment deployment, String serviceId, String planId) {
		return this.views.plan(deployment, serviceId, planId);
	}

	/**
	 * Plan names by plan id, from the catalogs of the broker's deployments in the order
	 * given (an earlier deployment's name wins), retired plans included.
	 */
	@Transactional(readOnly = true)
	public Map<String, String> planNames(UUID brokerId, List<String> deployments) {
		Map<String, String> names = new HashMap<>();
		for (String deployment : deployments) {
			catalog(new Deployment(brokerId, deployment)).ifPresent((view) -> view.services()
				.forEach((service) -> service.plans().forEach((plan) -> names.putIfAbsent(plan.id(), plan.name()))));
		}
		return names;
	}

	/** Forgets one deployment's catalog (a revoked publication). */
	@Transactional
	public void delete(Deployment deployment) {
		this.catalogs.delete(deployment);
	}

	/** Forgets all catalogs of a broker, for its deletion. */
	@Transactional
	public void deleteAll(UUID brokerId) {
		this.catalogs.deleteAll(brokerId);
	}

}
