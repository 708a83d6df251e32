package dev.bazaar.catalog.internal;

import dev.bazaar.catalog.ValidatedCatalog.ServicePlan;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/** Checks one plan object of a catalog. */
final class PlanValidation {

	private final CatalogRules rules;

	private final Problems problems;

	PlanValidation(CatalogRules rules, Problems problems) {
		this.rules = rules;
		this.problems = problems;
	}

	ServicePlan validate(JsonNode plan, String path, boolean serviceBindable, boolean servicePlanUpdateable) {
		FieldReader reader = new FieldReader(plan, path, this.problems);
		String id = reader.requiredIdentifier("id");
		String name = reader.requiredIdentifier("name");
		this.rules.checkName(reader, name);
		String description = reader.requiredString("description");
		boolean free = reader.optionalBoolean("free", true);
		boolean bindable = reader.optionalBoolean("bindable", serviceBindable);
		boolean planUpdateable = reader.optionalBoolean("plan_updateable", servicePlanUpdateable);
		reader.optionalBoolean("binding_rotatable");
		reader.optionalObject("metadata");
		String schemas = new SchemaValidation(this.problems).validate(reader);
		Integer maximumPollingDuration = reader.optionalNonNegativeInteger("maximum_polling_duration");
		String maintenanceInfoVersion = maintenanceInfoVersion(reader);
		return new ServicePlan(id, name, description, free, bindable, planUpdateable, schemas, maximumPollingDuration,
				maintenanceInfoVersion, CatalogJson.canonical(plan));
	}

	private @Nullable String maintenanceInfoVersion(FieldReader plan) {
		JsonNode maintenanceInfo = plan.optionalObject("maintenance_info");
		if (maintenanceInfo == null) {
			return null;
		}
		FieldReader reader = new FieldReader(maintenanceInfo, plan.path("maintenance_info"), this.problems);
		String version = reader.requiredString("version");
		this.rules.checkMaintenanceVersion(reader, version);
		return version.isEmpty() ? null : version;
	}

}
