package dev.bazaar.examplebroker.internal;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * A plan of the example catalog with its behaviour and the JSON Schemas of its parameters
 * (null when the plan takes none).
 */
public record ExamplePlan(String id, String name, String description, boolean free, PlanMode mode,
		@Nullable Integer maximumPollingDuration, @Nullable JsonNode createSchema, @Nullable JsonNode updateSchema,
		@Nullable JsonNode bindingSchema) {

}
