package dev.bazaar.instance.rest;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import dev.bazaar.instance.FailedInstance;
import dev.bazaar.instance.InstanceCommands.CreateBinding;
import dev.bazaar.instance.InstanceCommands.CreateInstance;
import dev.bazaar.instance.InstanceCommands.UpdateInstance;
import dev.bazaar.instance.InstanceManagement;
import dev.bazaar.instance.InstanceView;
import dev.bazaar.instance.LastOperation;
import dev.bazaar.instance.OperationState;
import dev.bazaar.instance.ServiceBinding;
import dev.bazaar.instance.ServiceInstance;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Service instances and bindings: 201/200/204 when done at once, 202 while the broker
 * works on it.
 */
@RestController
@Tag(name = "Service instances", description = "Order, change and delete service instances and bindings")
class InstanceRestController {

	private static final JsonMapper json = JsonMapper.builder().build();

	private final InstanceManagement instances;

	InstanceRestController(InstanceManagement instances) {
		this.instances = instances;
	}

	@PostMapping("/api/customers/{customer}/projects/{project}/service-instances")
	@Operation(summary = "Order an instance: 201 when the broker provisioned it at once, 202 while it works on it")
	ResponseEntity<InstanceResponse> create(@PathVariable String customer, @PathVariable String project,
			@RequestBody CreateInstance command) {
		InstanceView view = this.instances.create(customer, project, command);
		ServiceInstance instance = view.instance();
		HttpStatus status = (instance.status() == OperationState.SUCCEEDED) ? HttpStatus.CREATED : HttpStatus.ACCEPTED;
		return ResponseEntity.status(status)
			.location(URI.create("/api/service-instances/" + instance.id()))
			.body(response(view));
	}

	@GetMapping("/api/customers/{customer}/projects/{project}/service-instances")
	List<InstanceResponse> list(@PathVariable String customer, @PathVariable String project) {
		return this.instances.instances(customer, project).stream().map(this::response).toList();
	}

	@GetMapping("/api/service-instances/{id}")
	InstanceResponse get(@PathVariable UUID id) {
		return response(this.instances.instance(id));
	}

	@PatchMapping("/api/service-instances/{id}")
	ResponseEntity<InstanceResponse> update(@PathVariable UUID id, @RequestBody UpdateInstance command) {
		ServiceInstance instance = this.instances.update(id, command);
		HttpStatus status = (instance.status() == OperationState.IN_PROGRESS) ? HttpStatus.ACCEPTED : HttpStatus.OK;
		return ResponseEntity.status(status).body(response(instance));
	}

	@DeleteMapping("/api/service-instances/{id}")
	@Operation(summary = "Delete an instance, unbinding its bindings first: 204 when done at once, 202 otherwise")
	ResponseEntity<InstanceResponse> delete(@PathVariable UUID id) {
		return this.instances.delete(id)
			.map((instance) -> ResponseEntity.status(HttpStatus.ACCEPTED).body(response(instance)))
			.orElseGet(() -> ResponseEntity.noContent().build());
	}

	@PostMapping("/api/service-instances/{id}/refresh")
	@Operation(summary = "Fetch the instance from its broker to update its dashboard URL and parameters; "
			+ "422 when the service does not allow fetching instances")
	InstanceResponse refresh(@PathVariable UUID id) {
		return response(this.instances.refresh(id));
	}

	@PostMapping("/api/service-instances/{id}/bindings")
	ResponseEntity<BindingResponse> bind(@PathVariable UUID id, @RequestBody CreateBinding command) {
		ServiceBinding binding = this.instances.bind(id, command);
		if (binding.status() == OperationState.SUCCEEDED) {
			return ResponseEntity.status(HttpStatus.CREATED)
				.location(URI.create("/api/service-instances/" + id + "/bindings/" + binding.id()))
				.body(BindingResponse.of(this.instances.binding(id, binding.id())));
		}
		return ResponseEntity.status(HttpStatus.ACCEPTED).body(BindingResponse.of(binding));
	}

	@GetMapping("/api/service-instances/{id}/bindings")
	List<BindingResponse> bindings(@PathVariable UUID id) {
		return this.instances.bindings(id).stream().map(BindingResponse::of).toList();
	}

	@GetMapping("/api/service-instances/{id}/bindings/{bindingId}")
	BindingResponse binding(@PathVariable UUID id, @PathVariable UUID bindingId) {
		return BindingResponse.of(this.instances.binding(id, bindingId));
	}

	@DeleteMapping("/api/service-instances/{id}/bindings/{bindingId}")
	ResponseEntity<BindingResponse> unbind(@PathVariable UUID id, @PathVariable UUID bindingId) {
		return this.instances.unbind(id, bindingId)
			.map((binding) -> ResponseEntity.status(HttpStatus.ACCEPTED).body(BindingResponse.of(binding)))
			.orElseGet(() -> ResponseEntity.noContent().build());
	}

	@GetMapping("/api/customers/{customer}/failed-instances")
	@Operation(summary = "Failed instances of the customer's brokers, whoever consumes them")
	List<FailedInstanceResponse> failed(@PathVariable String customer) {
		return this.instances.failedInstances(customer).stream().map(FailedInstanceResponse::of).toList();
	}

	private InstanceResponse response(ServiceInstance instance) {
		return response(this.instances.describe(instance));
	}

	private static InstanceResponse response(InstanceView view) {
		ServiceInstance instance = view.instance();
		return new InstanceResponse(instance.id(), instance.displayName(), view.customer(), view.project(),
				instance.marketplace(), view.brokerIdentifier(), instance.serviceId(), instance.planId(),
				instance.status(), instance.lastOperation(), instance.dashboardUrl(), parse(instance.parameters()),
				instance.createdAt());
	}

	static @Nullable JsonNode parse(@Nullable String text) {
		return (text != null) ? json.readTree(text) : null;
	}

	record InstanceResponse(UUID id, String displayName, String customer, String project, String marketplace,
			String brokerIdentifier, String serviceId, String planId, OperationState status,
			LastOperation lastOperation, @Nullable String dashboardUrl, @Nullable JsonNode parameters,
			Instant createdAt) {
	}

	record BindingResponse(UUID id, String displayName, OperationState status, LastOperation lastOperation,
			@Nullable JsonNode credentials, @Nullable JsonNode parameters, Instant createdAt) {

		static BindingResponse of(ServiceBinding binding) {
			return new BindingResponse(binding.id(), binding.displayName(), binding.status(), binding.lastOperation(),
					parse(binding.credentials()), parse(binding.parameters()), binding.createdAt());
		}

	}

	record FailedInstanceResponse(UUID id, String displayName, String brokerIdentifier, String serviceId, String planId,
			@Nullable String planName, LastOperation lastOperation, String consumerCustomer) {

		static FailedInstanceResponse of(FailedInstance failed) {
			ServiceInstance instance = failed.instance();
			return new FailedInstanceResponse(instance.id(), instance.displayName(), failed.brokerIdentifier(),
					instance.serviceId(), instance.planId(), failed.planName(), instance.lastOperation(),
					failed.consumerCustomer());
		}

	}

}
