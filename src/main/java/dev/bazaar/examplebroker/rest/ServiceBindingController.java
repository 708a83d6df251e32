package dev.bazaar.examplebroker.rest;

import dev.bazaar.examplebroker.internal.ExampleBinding;
import dev.bazaar.examplebroker.internal.ExampleBindings;
import dev.bazaar.examplebroker.internal.ExampleBrokerCommands.Bind;
import dev.bazaar.examplebroker.internal.ExampleBrokerCommands.Unbind;
import dev.bazaar.examplebroker.internal.Outcome;
import dev.bazaar.examplebroker.internal.Outcome.Completion;
import dev.bazaar.examplebroker.rest.OsbWire.CreateServiceBindingRequest;
import dev.bazaar.examplebroker.rest.OsbWire.DeleteResponse;
import dev.bazaar.examplebroker.rest.OsbWire.LastOperationResponse;
import dev.bazaar.examplebroker.rest.OsbWire.ServiceBindingResponse;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The example broker's service binding endpoints: bind, fetch, unbind, poll. */
@RestController
@RequestMapping("/example-broker/v2/service_instances/{instanceId}/service_bindings/{bindingId}")
@ConditionalOnProperty(name = "bazaar.example-broker.enabled", havingValue = "true")
class ServiceBindingController {

	private final ExampleBindings bindings;

	ServiceBindingController(ExampleBindings bindings) {
		this.bindings = bindings;
	}

	@PutMapping
	ResponseEntity<ServiceBindingResponse> bind(@PathVariable String instanceId, @PathVariable String bindingId,
			@RequestParam(name = "accepts_incomplete", defaultValue = "false") boolean acceptsIncomplete,
			@RequestBody CreateServiceBindingRequest request) {
		Bind command = new Bind(instanceId, bindingId, RequestParts.required("service_id", request.serviceId()),
				RequestParts.required("plan_id", request.planId()), RequestParts.parameters(request.parameters()),
				acceptsIncomplete);
		Outcome<ExampleBinding> outcome = this.bindings.bind(command);
		ExampleBinding binding = outcome.subject();
		// The spec forbids credentials in a 202: they exist once the binding has
		// completed.
		ServiceBindingResponse body = (outcome.completion() == Completion.ACCEPTED)
				? new ServiceBindingResponse(null, null, binding.operation().id())
				: new ServiceBindingResponse(binding.credentials(), null, null);
		return Answers.status(outcome).body(body);
	}

	@GetMapping
	ServiceBindingResponse fetch(@PathVariable String instanceId, @PathVariable String bindingId) {
		ExampleBinding binding = this.bindings.fetch(instanceId, bindingId);
		return new ServiceBindingResponse(binding.credentials(), binding.parameters(), null);
	}

	@DeleteMapping
	ResponseEntity<DeleteResponse> unbind(@PathVariable String instanceId, @PathVariable String bindingId,
			@RequestParam(name = "service_id", required = false) @Nullable String serviceId,
			@RequestParam(name = "plan_id", required = false) @Nullable String planId,
			@RequestParam(name = "accepts_incomplete", defaultValue = "false") boolean acceptsIncomplete) {
		Unbind command = new Unbind(instanceId, bindingId, RequestParts.required("service_id", serviceId),
				RequestParts.required("plan_id", planId), acceptsIncomplete);
		Outcome<ExampleBinding> outcome = this.bindings.unbind(command);
		return Answers.status(outcome)
			.body(new DeleteResponse(Answers.operationOf(outcome, outcome.subject().operation())));
	}

	@GetMapping("/last_operation")
	ResponseEntity<LastOperationResponse> lastOperation(@PathVariable String instanceId,
			@PathVariable String bindingId) {
		return Answers.lastOperation(this.bindings.lastOperation(instanceId, bindingId));
	}

}
