package dev.bazaar.examplebroker.internal;

import java.util.List;
import java.util.Optional;

/** A service offering of the example catalog. */
public record ExampleService(String id, String name, String description, boolean bindable, boolean planUpdateable,
		List<String> tags, List<ExamplePlan> plans) {

	public Optional<ExamplePlan> plan(String planId) {
		return this.plans.stream().filter((plan) -> plan.id().equals(planId)).findFirst();
	}

}
