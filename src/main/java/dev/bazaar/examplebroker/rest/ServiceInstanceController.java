package dev.bazaar.examplebroker.rest;

import dev.bazaar.examplebroker.internal.ExampleBrokerCommands.Deprovision;
import dev.bazaar.examplebroker.internal.ExampleBrokerCommands.Provision;
import dev.bazaar.examplebroker.internal.ExampleBrokerCommands.Update;
import dev.bazaar.examplebroker.internal.ExampleInstance;
import dev.bazaar.examplebroker.internal.ExampleInstances;
import dev.bazaar.examplebroker.internal.Outcome;
import dev.bazaar.examplebroker.rest.OsbWire.DeleteResponse;
import dev.bazaar.examplebroker.rest.OsbWire.GetServiceInstanceResponse;
import dev.bazaar.examplebroker.rest.OsbWire.LastOperationResponse;
import dev.bazaar.examplebroker.rest.OsbWire.ProvisionServiceInstanceRequest;
import dev.bazaar.examplebroker.rest.OsbWire.ServiceInstanceResponse;
import dev.bazaar.examplebroker.rest.OsbWire.UpdateServiceInstanceRequest;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The example broker's service instance endpoints: provision, fetch, update, deprovision,
 * poll.
 */
@RestController
@RequestMapping("/example-broker/v2/service_instances/{instanceId}")
@ConditionalOnProperty(name = "bazaar.example-broker.enabled", havingValue = "true")
class ServiceInstanceController {

	private final ExampleInstances instances;

	ServiceInstanceController(ExampleInstances instances) {
		this.instances = instances;
	}

	@PutMapping
	ResponseEntity<ServiceInstanceResponse> provision(@PathVariable String instanceId,
			@RequestParam(name = "accepts_incomplete", defaultValue = "false") boolean acceptsIncomplete,
			@RequestBody ProvisionServiceInstanceRequest request) {
		Provision command = new Provision(instanceId, RequestParts.required("service_id", request.serviceId()),
				RequestParts.required("plan_id", request.planId()), RequestParts.parameters(request.parameters()),
				acceptsIncomplete);
		return answer(this.instances.provision(command));
	}

	@GetMapping
	GetServiceInstanceResponse fetch(@PathVariable String instanceId) {
		ExampleInstance instance = this.instances.fetch(instanceId);
		return new GetServiceInstanceResponse(instance.serviceId(), instance.planId(), DashboardUrls.of(instanceId),
				instance.parameters());
	}

	@PatchMapping
	ResponseEntity<ServiceInstanceResponse> update(@PathVariable String instanceId,
			@RequestParam(name = "accepts_incomplete", defaultValue = "false") boolean acceptsIncomplete,
			@RequestBody UpdateServiceInstanceRequest request) {
		Update command = new Update(instanceId, RequestParts.required("service_id", request.serviceId()),
				request.planId(), RequestParts.optionalParameters(request.parameters()), acceptsIncomplete);
		return answer(this.instances.update(command));
	}

	@DeleteMapping
	ResponseEntity<DeleteResponse> deprovision(@PathVariable String instanceId,
			@RequestParam(name = "service_id", required = false) @Nullable String serviceId,
			@RequestParam(name = "plan_id", required = false) @Nullable String planId,
			@RequestParam(name = "accepts_incomplete", defaultValue = "false") boolean acceptsIncomplete) {
		Deprovision command = new Deprovision(instanceId, RequestParts.required("service_id", serviceId),
				RequestParts.required("plan_id", planId), acceptsIncomplete);
		Outcome<ExampleInstance> outcome = this.instances.deprovision(command);
		return Answers.status(outcome)
			.body(new DeleteResponse(Answers.operationOf(outcome, outcome.subject().operation())));
	}

	@GetMapping("/last_operation")
	ResponseEntity<LastOperationResponse> lastOperation(@PathVariable String instanceId) {
		return Answers.lastOperation(this.instances.lastOperation(instanceId));
	}

	private static ResponseEntity<ServiceInstanceResponse> answer(Outcome<ExampleInstance> outcome) {
		ExampleInstance instance = outcome.subject();
		return Answers.status(outcome)
			.body(new ServiceInstanceResponse(DashboardUrls.of(instance.id()),
					Answers.operationOf(outcome, instance.operation())));
	}

}
