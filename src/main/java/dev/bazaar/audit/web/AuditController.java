package dev.bazaar.audit.web;

import java.util.List;

import dev.bazaar.audit.AuditEvent;
import dev.bazaar.audit.AuditTrail;
import dev.bazaar.shared.web.PageController;
import org.jspecify.annotations.Nullable;

import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The audit trail: partner admins see every broker's, customer admins their own brokers'.
 */
@PageController
class AuditController {

	private static final int PAGE = 50;

	private final AuditTrail trail;

	AuditController(AuditTrail trail) {
		this.trail = trail;
	}

	@GetMapping("/audit")
	String events(@RequestParam(required = false) @Nullable String broker,
			@RequestParam(required = false) @Nullable Long before, Model model) {
		String filter = (broker != null && !broker.isBlank()) ? broker.strip() : null;
		List<AuditEvent> events = this.trail.events(filter, before, PAGE);
		model.addAttribute("events", events);
		model.addAttribute("broker", filter);
		model.addAttribute("nextBefore", (events.size() == PAGE) ? events.get(events.size() - 1).id() : null);
		return "audit/events";
	}

}
