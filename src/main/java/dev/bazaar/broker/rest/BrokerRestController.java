package dev.bazaar.broker.rest;

import java.net.URI;
import java.time.Instant;
import java.util.List;

import dev.bazaar.broker.BrokerCommands.RegisterBroker;
import dev.bazaar.broker.BrokerCommands.UpdateBroker;
import dev.bazaar.broker.BrokerDeployments.PublishedDeployment;
import dev.bazaar.broker.BrokerManagement;
import dev.bazaar.broker.BrokerStatus;
import dev.bazaar.broker.ServiceBroker;
import dev.bazaar.catalog.CatalogResponse;
import dev.bazaar.catalog.CatalogView;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Service broker registrations, for their owners. */
@RestController
@RequestMapping("/api")
@Tag(name = "Service brokers", description = "Register, edit, refresh and delete service brokers")
class BrokerRestController {

	private final BrokerManagement brokers;

	BrokerRestController(BrokerManagement brokers) {
		this.brokers = brokers;
	}

	@PostMapping("/customers/{customer}/service-brokers")
	@Operation(summary = "Register a broker; its catalog is fetched and validated first, nothing is stored on failure")
	ResponseEntity<BrokerResponse> register(@PathVariable String customer, @RequestBody RegisterBroker command) {
		ServiceBroker broker = this.brokers.register(customer, command);
		return ResponseEntity.created(URI.create("/api/service-brokers/" + broker.identifier())).body(response(broker));
	}

	@GetMapping("/customers/{customer}/service-brokers")
	List<BrokerResponse> brokers(@PathVariable String customer) {
		return this.brokers.brokers(customer).stream().map(this::response).toList();
	}

	@GetMapping("/service-brokers/{broker}")
	BrokerResponse broker(@PathVariable String broker) {
		return response(this.brokers.broker(broker));
	}

	@PatchMapping("/service-brokers/{broker}")
	@Operation(summary = "Change a registration; a new endpoint or credentials are tried before they are saved")
	BrokerResponse update(@PathVariable String broker, @RequestBody UpdateBroker command) {
		return response(this.brokers.update(broker, command));
	}

	@DeleteMapping("/service-brokers/{broker}")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	@Operation(summary = "Delete a broker; confirm with its name. Nothing is sent to the broker")
	void delete(@PathVariable String broker, @RequestParam(defaultValue = "") String confirm) {
		this.brokers.delete(broker, confirm);
	}

	@PostMapping("/service-brokers/{broker}/deactivate")
	@Operation(summary = "Deactivate a broker for good (only after an approval); confirm with its name")
	BrokerResponse deactivate(@PathVariable String broker, @RequestParam(defaultValue = "") String confirm) {
		return response(this.brokers.deactivate(broker, confirm));
	}

	@GetMapping("/service-brokers/{broker}/catalog")
	CatalogResponse catalog(@PathVariable String broker) {
		return CatalogResponse.of(this.brokers.catalog(this.brokers.broker(broker)));
	}

	@PostMapping("/service-brokers/{broker}/catalog/refresh")
	@Operation(summary = "Fetch the catalog now; on failure the last good catalog stays")
	CatalogResponse refresh(@PathVariable String broker) {
		return CatalogResponse.of(this.brokers.refreshCatalog(broker));
	}

	private BrokerResponse response(ServiceBroker broker) {
		CatalogView catalog = this.brokers.catalogIfAny(broker);
		return new BrokerResponse(broker.identifier(), broker.name(), broker.endpoint(), broker.username(),
				broker.developmentMode(), this.brokers.ownerIdentifier(broker), broker.status(),
				(catalog != null) ? catalog.fetchedAt() : null, (catalog != null) ? catalog.lastError() : null,
				this.brokers.publications(broker), broker.createdAt(), broker.updatedAt());
	}

	/** A broker as the API shows it: never with its password. */
	record BrokerResponse(String identifier, String name, String endpoint, String username, boolean developmentMode,
			String customer, BrokerStatus status, @Nullable Instant catalogFetchedAt, @Nullable String lastCatalogError,
			List<PublishedDeployment> publications, Instant createdAt, Instant updatedAt) {
	}

}
