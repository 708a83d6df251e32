package dev.bazaar.catalog;

import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * A deployment's catalog as the JSON API shows it: the services and plans the broker
 * offers now, and how the last refresh went.
 *
 * @param fetchedAt when the last good catalog was fetched
 * @param services the active service offerings with their active plans
 * @param lastAttemptAt when a fetch was last attempted
 * @param lastError why the last attempt failed, or null
 * @param changes what the last refresh that changed something changed, or null
 */
public record CatalogResponse(@Nullable Instant fetchedAt, List<Offering> services, @Nullable Instant lastAttemptAt,
		@Nullable String lastError, @Nullable CatalogChanges changes) {

	public static CatalogResponse of(CatalogView view) {
		List<Offering> services = view.services().stream().filter(ServiceView::active).map(Offering::of).toList();
		return new CatalogResponse(view.fetchedAt(), services, view.lastAttemptAt(), view.lastError(),
				view.lastChanges());
	}

	/** A service offering with its active plans. */
	public record Offering(String id, String name, String description, boolean bindable, List<Plan> plans) {

		static Offering of(ServiceView service) {
			List<Plan> plans = service.plans().stream().filter(PlanView::active).map(Plan::of).toList();
			return new Offering(service.id(), service.name(), service.description(), service.bindable(), plans);
		}

	}

	/** A plan. */
	public record Plan(String id, String name, String description, boolean free, boolean bindable) {

		static Plan of(PlanView plan) {
			return new Plan(plan.id(), plan.name(), plan.description(), plan.free(), plan.bindable());
		}

	}

}
