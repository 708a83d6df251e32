package dev.bazaar.analytics;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.bazaar.catalog.CatalogManagement;
import dev.bazaar.catalog.CatalogView;
import dev.bazaar.catalog.Deployment;
import dev.bazaar.catalog.PlanView;
import dev.bazaar.catalog.ServiceView;

import org.springframework.stereotype.Component;

/** Names plans after the broker's catalogs, those of the chosen deployments first. */
@Component
class PlanNames {

	private final CatalogManagement catalogs;

	PlanNames(CatalogManagement catalogs) {
		this.catalogs = catalogs;
	}

	/** Plan names by plan id, from the catalogs of the given deployments. */
	Map<String, String> of(UUID brokerId, List<String> deployments) {
		Map<String, String> names = new HashMap<>();
		for (String deployment : deployments) {
			this.catalogs.catalog(new Deployment(brokerId, deployment))
				.map(CatalogView::services)
				.ifPresent((services) -> addAbsent(names, services));
		}
		return names;
	}

	private static void addAbsent(Map<String, String> names, List<ServiceView> services) {
		for (ServiceView service : services) {
			for (PlanView plan : service.plans()) {
				names.putIfAbsent(plan.id(), plan.name());
			}
		}
	}

}
