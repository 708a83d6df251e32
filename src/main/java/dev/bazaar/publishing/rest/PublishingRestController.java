package dev.bazaar.publishing.rest;

import java.net.URI;
import java.time.Instant;
import java.util.List;

import dev.bazaar.broker.BrokerManagement;
import dev.bazaar.broker.ServiceBroker;
import dev.bazaar.catalog.CatalogResponse;
import dev.bazaar.catalog.CatalogView;
import dev.bazaar.publishing.Publication;
import dev.bazaar.publishing.PublicationStatus;
import dev.bazaar.publishing.PublishingCommands.Publish;
import dev.bazaar.publishing.PublishingCommands.Reject;
import dev.bazaar.publishing.PublishingManagement;
import dev.bazaar.shared.InvalidRequest;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Publishing brokers to locations, and the Partner Admin's approval. */
@RestController
@Tag(name = "Publishing", description = "Publish brokers to locations; approve or reject publications")
class PublishingRestController {

	private final PublishingManagement publishing;

	private final BrokerManagement brokers;

	PublishingRestController(PublishingManagement publishing, BrokerManagement brokers) {
		this.publishing = publishing;
		this.brokers = brokers;
	}

	@PostMapping("/api/service-brokers/{broker}/publications")
	@Operation(summary = "Publish to a location: https only, trusted certificate, valid catalog; pending approval")
	ResponseEntity<PublicationResponse> publish(@PathVariable String broker, @RequestBody Publish command) {
		Publication publication = this.publishing.publish(broker, command);
		return ResponseEntity
			.created(URI.create("/api/service-brokers/" + broker + "/publications/" + publication.location()))
			.body(response(publication, broker, null));
	}

	@GetMapping("/api/service-brokers/{broker}/publications")
	List<PublicationResponse> publications(@PathVariable String broker) {
		return this.publishing.publications(broker).stream().map((p) -> response(p, broker, null)).toList();
	}

	@DeleteMapping("/api/service-brokers/{broker}/publications/{location}")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	@Operation(summary = "Revoke a publication that is not approved (409 once it is)")
	void revoke(@PathVariable String broker, @PathVariable String location) {
		this.publishing.revoke(broker, location);
	}

	@PostMapping("/api/service-brokers/{broker}/publications/{location}/catalog/refresh")
	CatalogResponse refresh(@PathVariable String broker, @PathVariable String location) {
		return CatalogResponse.of(this.publishing.refreshCatalog(broker, location));
	}

	@GetMapping("/api/publications")
	@Operation(summary = "Publications of every customer with a status, for partner admins")
	List<PublicationResponse> byStatus(@RequestParam(defaultValue = "PENDING_APPROVAL") String status) {
		if (!PublicationStatus.PENDING_APPROVAL.name().equals(status)) {
			throw InvalidRequest.forField("status", "only PENDING_APPROVAL is supported");
		}
		return this.publishing.pending().stream().map((publication) -> {
			ServiceBroker broker = this.brokers.findById(publication.brokerId()).orElseThrow();
			return response(publication, broker.identifier(), broker);
		}).toList();
	}

	@PostMapping("/api/service-brokers/{broker}/publications/{location}/approve")
	PublicationResponse approve(@PathVariable String broker, @PathVariable String location) {
		return response(this.publishing.approve(broker, location), broker, null);
	}

	@PostMapping("/api/service-brokers/{broker}/publications/{location}/reject")
	@Operation(summary = "Reject a pending publication with a comment the owner reads")
	PublicationResponse reject(@PathVariable String broker, @PathVariable String location,
			@RequestBody Reject command) {
		return response(this.publishing.reject(broker, location, command), broker, null);
	}

	private PublicationResponse response(Publication publication, String brokerIdentifier,
			@Nullable ServiceBroker withOwner) {
		CatalogView catalog = this.publishing.catalog(publication);
		return new PublicationResponse(brokerIdentifier, (withOwner != null) ? withOwner.name() : null,
				(withOwner != null) ? this.brokers.ownerIdentifier(withOwner) : null, publication.location(),
				publication.endpoint(), publication.username(), publication.status(), publication.rejectionComment(),
				publication.createdAt(), publication.decidedAt(), publication.decidedBy(), catalog.fetchedAt(),
				catalog.lastError(), (withOwner != null) ? CatalogResponse.of(catalog) : null);
	}

	/** A publication as the API shows it: never with its password. */
	record PublicationResponse(String broker, @Nullable String brokerName, @Nullable String owner, String location,
			String endpoint, String username, PublicationStatus status, @Nullable String rejectionComment,
			Instant createdAt, @Nullable Instant decidedAt, @Nullable String decidedBy,
			@Nullable Instant catalogFetchedAt, @Nullable String lastCatalogError, @Nullable CatalogResponse catalog) {
	}

}
