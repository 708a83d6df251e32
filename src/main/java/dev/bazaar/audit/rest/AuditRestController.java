package dev.bazaar.audit.rest;

import java.util.List;

import dev.bazaar.audit.AuditEvent;
import dev.bazaar.audit.AuditTrail;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.jspecify.annotations.Nullable;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The audit trail of broker actions. */
@RestController
@Tag(name = "Audit", description = "Who did what to which broker, when and from where")
class AuditRestController {

	private final AuditTrail trail;

	AuditRestController(AuditTrail trail) {
		this.trail = trail;
	}

	@GetMapping("/api/audit-events")
	@Operation(summary = "Audit events, newest first: all for partner admins, their own brokers' for customer admins")
	AuditPage events(@RequestParam(required = false) @Nullable String broker,
			@RequestParam(required = false) @Nullable Long before, @RequestParam(defaultValue = "50") int limit) {
		List<AuditEvent> events = this.trail.events(broker, before, limit);
		Long next = (events.size() == Math.max(1, Math.min(limit, 500))) ? events.get(events.size() - 1).id() : null;
		return new AuditPage(events, next);
	}

	/** A page of events; {@code nextBefore} fetches the next, older page. */
	record AuditPage(List<AuditEvent> items, @Nullable Long nextBefore) {
	}

}
