package dev.bazaar.examplebroker.internal;

import dev.bazaar.examplebroker.internal.ExampleBrokerCommands.Update;

/**
 * The plan an update asks for, refused when the offering does not allow plan changes or
 * the target plan cannot be changed to.
 */
record PlanChange(ExampleCatalog catalog, ExampleInstance instance, Update command) {

	ExamplePlan target() {
		if (!this.command.serviceId().equals(this.instance.serviceId())) {
			throw BrokerRefusal.badRequest("service_id '" + this.command.serviceId()
					+ "' is not the service of instance " + this.instance.id());
		}
		String planId = (this.command.planId() != null) ? this.command.planId() : this.instance.planId();
		ExampleService service = this.catalog.service(this.instance.serviceId());
		ExamplePlan plan = this.catalog.plan(service.id(), planId);
		if (planId.equals(this.instance.planId())) {
			return plan;
		}
		if (!service.planUpdateable()) {
			throw BrokerRefusal.unprocessable("The service " + service.name() + " does not support changing the plan");
		}
		if (plan.mode() == PlanMode.FAILING) {
			throw BrokerRefusal.unprocessable("An instance cannot change to the plan 'failing'; provision a new one");
		}
		return plan;
	}

}
