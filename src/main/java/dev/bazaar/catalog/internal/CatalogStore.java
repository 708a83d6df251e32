package dev.bazaar.catalog.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import dev.bazaar.catalog.CatalogChanges;
import dev.bazaar.catalog.CatalogChanges.Change;
import dev.bazaar.catalog.Deployment;
import dev.bazaar.catalog.ValidatedCatalog;
import dev.bazaar.catalog.ValidatedCatalog.ServiceOffering;
import dev.bazaar.catalog.ValidatedCatalog.ServicePlan;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Component;

/**
 * Replaces a deployment's stored catalog with a newly fetched one, writing only the rows
 * that changed: services and plans that left are kept as inactive.
 */
@Component
public class CatalogStore {

	private final CatalogRepository catalogs;

	private final OfferingRepository offerings;

	CatalogStore(CatalogRepository catalogs, OfferingRepository offerings) {
		this.catalogs = catalogs;
		this.offerings = offerings;
	}

	/**
	 * Stores the catalog; one the deployment has already writes nothing, unless it ends a
	 * failure or comes from a body not hashed before.
	 */
	public CatalogChanges store(Deployment deployment, ValidatedCatalog catalog, Instant fetchedAt) {
		Optional<CatalogHeader> header = this.catalogs.find(deployment);
		if (header.isPresent() && catalog.contentHash().equals(header.get().contentHash())) {
			if (header.get().lastError() != null || header.get().bodyHash() == null) {
				this.catalogs.markFetched(deployment, catalog.bodyHash(), fetchedAt);
			}
			return CatalogChanges.none();
		}
		if (header.isEmpty()) {
			this.catalogs.insertEmpty(deployment);
		}
		Collector changes = new Collector();
		OfferingRepository.Writes writes = this.offerings.writes(deployment);
		Map<String, String> serviceNames = storeServices(deployment, catalog, writes, changes);
		storePlans(deployment, catalog, serviceNames, writes, changes);
		writes.flush();
		CatalogChanges result = changes.result();
		this.catalogs.saveFetched(deployment, catalog, fetchedAt, result);
		return result;
	}

	/**
	 * Whether this body is the one the deployment's catalog was last stored from, with no
	 * failure since: then it needs neither validation nor storing.
	 */
	public boolean isUnchanged(Deployment deployment, String body, String apiVersion) {
		return this.catalogs.settledBodyHash(deployment)
			.map((stored) -> stored.equals(CatalogValidation.bodyHash(body, apiVersion)))
			.orElse(false);
	}

	/** Stores the services; answers the names of all services, stored or new, by id. */
	private Map<String, String> storeServices(Deployment deployment, ValidatedCatalog catalog,
			OfferingRepository.Writes writes, Collector changes) {
		Map<String, StoredRow> stored = byId(this.offerings.storedServices(deployment));
		Map<String, String> names = new HashMap<>();
		stored.values().forEach((row) -> names.put(row.id(), row.name()));
		List<ServiceOffering> services = catalog.services();
		for (int position = 0; position < services.size(); position++) {
			ServiceOffering service = services.get(position);
			names.put(service.id(), service.name());
			StoredRow old = stored.remove(service.id());
			Fate fate = Fate.of(old, service.rawJson(), position, null);
			if (fate == Fate.NEW) {
				writes.insertService(service, position);
			}
			else if (fate != Fate.SAME) {
				writes.updateService(service, position);
			}
			changes.record(fate, Change.service(service.id(), service.name()));
		}
		List<StoredRow> left = stored.values().stream().filter(StoredRow::active).toList();
		this.offerings.deactivate(deployment, "catalog_service", "service_id",
				left.stream().map(StoredRow::id).toList());
		left.forEach((row) -> changes.removed.add(Change.service(row.id(), row.name())));
		return names;
	}

	private void storePlans(Deployment deployment, ValidatedCatalog catalog, Map<String, String> serviceNames,
			OfferingRepository.Writes writes, Collector changes) {
		Map<String, StoredRow> stored = byId(this.offerings.storedPlans(deployment));
		for (ServiceOffering service : catalog.services()) {
			for (int position = 0; position < service.plans().size(); position++) {
				ServicePlan plan = service.plans().get(position);
				StoredRow old = stored.remove(plan.id());
				Fate fate = Fate.of(old, plan.rawJson(), position, service.id());
				if (fate == Fate.NEW) {
					writes.insertPlan(service.id(), plan, position);
				}
				else if (fate != Fate.SAME) {
					writes.updatePlan(service.id(), plan, position);
				}
				changes.record(fate, Change.plan(plan.id(), plan.name(), service.name()));
			}
		}
		List<StoredRow> left = stored.values().stream().filter(StoredRow::active).toList();
		this.offerings.deactivate(deployment, "catalog_plan", "plan_id", left.stream().map(StoredRow::id).toList());
		left.forEach((row) -> changes.removed
			.add(Change.plan(row.id(), row.name(), serviceNames.getOrDefault(row.serviceId(), ""))));
	}

	private static Map<String, StoredRow> byId(List<StoredRow> rows) {
		return rows.stream().collect(Collectors.toMap(StoredRow::id, Function.identity()));
	}

	/** What happens to a listed service or plan, compared with its stored row. */
	private enum Fate {

		NEW, RETURNED, CHANGED, MOVED, SAME;

		static Fate of(@Nullable StoredRow old, String rawJson, int position, @Nullable String serviceId) {
			if (old == null) {
				return NEW;
			}
			if (!old.active()) {
				return RETURNED;
			}
			if (!old.rawJson().equals(rawJson)) {
				return CHANGED;
			}
			boolean moved = old.position() != position || !Objects.equals(old.serviceId(), serviceId);
			return moved ? MOVED : SAME;
		}

	}

	/** Gathers the changes of one refresh. */
	private static final class Collector {

		final List<Change> added = new ArrayList<>();

		final List<Change> removed = new ArrayList<>();

		final List<Change> changed = new ArrayList<>();

		void record(Fate fate, Change change) {
			if (fate == Fate.NEW || fate == Fate.RETURNED) {
				this.added.add(change);
			}
			else if (fate == Fate.CHANGED) {
				this.changed.add(change);
			}
		}

		CatalogChanges result() {
			return new CatalogChanges(this.added, this.removed, this.changed);
		}

	}

}
