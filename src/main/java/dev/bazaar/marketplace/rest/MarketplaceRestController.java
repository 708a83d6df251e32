package dev.bazaar.marketplace.rest;

import java.util.List;

import dev.bazaar.catalog.PlanView;
import dev.bazaar.marketplace.MarketplaceOffering;
import dev.bazaar.marketplace.Marketplaces;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** The services a project can order. */
@RestController
@Tag(name = "Marketplace", description = "The services a project can order")
class MarketplaceRestController {

	private final Marketplaces marketplaces;

	MarketplaceRestController(Marketplaces marketplaces) {
		this.marketplaces = marketplaces;
	}

	@GetMapping("/api/customers/{customer}/projects/{project}/marketplace/services")
	List<OfferingResponse> services(@PathVariable String customer, @PathVariable String project) {
		return this.marketplaces.offerings(customer, project).stream().map(OfferingResponse::of).toList();
	}

	record OfferingResponse(String marketplace, String brokerIdentifier, String id, String name, String description,
			boolean bindable, boolean planUpdateable, List<PlanResponse> plans) {

		static OfferingResponse of(MarketplaceOffering offering) {
			return new OfferingResponse(offering.marketplace(), offering.brokerIdentifier(), offering.service().id(),
					offering.service().name(), offering.service().description(), offering.service().bindable(),
					offering.service().planUpdateable(),
					offering.service().plans().stream().map(PlanResponse::of).toList());
		}

	}

	record PlanResponse(String id, String name, String description, boolean free, boolean bindable, boolean updatable,
			@Nullable JsonNode schemas) {

		private static final JsonMapper json = JsonMapper.builder().build();

		static PlanResponse of(PlanView plan) {
			return new PlanResponse(plan.id(), plan.name(), plan.description(), plan.free(), plan.bindable(),
					plan.planUpdateable(), (plan.schemas() != null) ? json.readTree(plan.schemas()) : null);
		}

	}

}
