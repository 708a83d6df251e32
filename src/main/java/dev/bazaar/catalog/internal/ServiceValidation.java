package dev.bazaar.catalog.internal;

import java.util.ArrayList;
import java.util.List;

import dev.bazaar.catalog.ValidatedCatalog.ServiceOffering;
import dev.bazaar.catalog.ValidatedCatalog.ServicePlan;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** Checks one service offering object of a catalog, with its plans. */
final class ServiceValidation {

	private final CatalogRules rules;

	private final Problems problems;

	private final UniqueValues planIds;

	/**
	 * @param planIds the plan ids of the whole catalog, which must be unique across it
	 */
	ServiceValidation(CatalogRules rules, Problems problems, UniqueValues planIds) {
		this.rules = rules;
		this.problems = problems;
		this.planIds = planIds;
	}

	ServiceOffering validate(ObjectNode service, String path) {
		FieldReader reader = new FieldReader(service, path, this.problems);
		String name = reader.requiredIdentifier("name");
		this.rules.checkName(reader, name);
		String id = reader.requiredIdentifier("id");
		String description = reader.requiredString("description");
		reader.optionalStringArray("tags");
		reader.optionalStringArray("requires");
		boolean bindable = reader.requiredBoolean("bindable");
		boolean instancesRetrievable = reader.optionalBoolean("instances_retrievable", false);
		boolean bindingsRetrievable = reader.optionalBoolean("bindings_retrievable", false);
		boolean planUpdateable = reader.optionalBoolean("plan_updateable", false);
		reader.optionalBoolean("allow_context_updates");
		reader.optionalObject("metadata");
		dashboardClient(reader);
		List<ServicePlan> plans = plans(reader, bindable, planUpdateable);
		return new ServiceOffering(id, name, description, bindable, planUpdateable, instancesRetrievable,
				bindingsRetrievable, CatalogJson.canonical(withoutPlans(service)), plans);
	}

	/** A shallow copy without the plans, which are stored apart. */
	private static ObjectNode withoutPlans(ObjectNode service) {
		ObjectNode copy = service.objectNode();
		service.properties().forEach((field) -> {
			if (!field.getKey().equals("plans")) {
				copy.set(field.getKey(), field.getValue());
			}
		});
		return copy;
	}

	private void dashboardClient(FieldReader service) {
		JsonNode client = service.optionalObject("dashboard_client");
		if (client != null) {
			FieldReader reader = new FieldReader(client, service.path("dashboard_client"), this.problems);
			reader.requiredString("id");
			reader.requiredString("redirect_uri");
			reader.optionalString("secret");
		}
	}

	private List<ServicePlan> plans(FieldReader service, boolean bindable, boolean planUpdateable) {
		JsonNode plans = service.requiredArray("plans");
		if (plans == null) {
			return List.of();
		}
		if (plans.isEmpty()) {
			service.problem("plans", "must contain at least one plan");
		}
		PlanValidation validation = new PlanValidation(this.rules, this.problems);
		UniqueValues names = new UniqueValues("name");
		List<ServicePlan> result = new ArrayList<>();
		for (int i = 0; i < plans.size(); i++) {
			String path = service.path("plans") + "[" + i + "]";
			if (!plans.get(i).isObject()) {
				this.problems.add(path, "must be an object");
				continue;
			}
			ServicePlan plan = validation.validate(plans.get(i), path, bindable, planUpdateable);
			names.add(plan.name(), path, this.problems);
			this.planIds.add(plan.id(), path, this.problems);
			result.add(plan);
		}
		return result;
	}

}
