package dev.bazaar.commlog.web;

import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;

import dev.bazaar.commlog.CommunicationLog;
import dev.bazaar.commlog.CommunicationLogs;
import dev.bazaar.commlog.ExportFormat;
import dev.bazaar.commlog.LogQuery;
import dev.bazaar.commlog.OperationType;
import dev.bazaar.shared.InvalidRequest;
import dev.bazaar.shared.ResourceNotFound;
import dev.bazaar.shared.web.PageController;
import dev.bazaar.tenancy.Location;
import dev.bazaar.tenancy.TenancyManagement;
import org.jspecify.annotations.Nullable;

import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * A broker's communication logs, searched as the viewer types, page after page as they
 * scroll, exported as files; and one log in full.
 */
@PageController
class CommunicationLogController {

	private final CommunicationLogs logs;

	private final LogPlanNames planNames;

	private final TenancyManagement tenancy;

	CommunicationLogController(CommunicationLogs logs, LogPlanNames planNames, TenancyManagement tenancy) {
		this.logs = logs;
		this.planNames = planNames;
		this.tenancy = tenancy;
	}

	// Three answers: the whole page; to the search form (htmx), the results with the
	// fields' messages, or, for a malformed search, the messages alone, leaving the
	// results as they were; to the last row coming into view (htmx), the next rows.
	@GetMapping("/service-brokers/{broker}/logs")
	String logs(@PathVariable String broker, @ModelAttribute("search") LogSearchForm search,
			@RequestParam(required = false) @Nullable String cursor,
			@RequestParam(required = false) @Nullable String limit,
			@RequestHeader(name = "HX-Request", required = false) @Nullable String htmx, Model model,
			HttpServletResponse response) {
		model.addAttribute("broker", broker);
		model.addAttribute("times", search.times());
		model.addAttribute("links", new LogLinks(broker, search, limit));
		try {
			model.addAttribute("page", this.logs.search(broker, search.query(limit, cursor)));
			model.addAttribute("messages", Map.of());
		}
		catch (InvalidRequest ex) {
			model.addAttribute("messages", LogSearchForm.messages(ex));
			if (htmx != null) {
				response.setHeader("HX-Reswap", "none");
				response.setHeader("HX-Push-Url", "false");
				return "commlog/search :: response";
			}
			response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
		}
		if (htmx != null) {
			return (cursor != null && !cursor.isBlank()) ? "commlog/logs :: rows" : "commlog/search :: response";
		}
		model.addAttribute("operationTypes", OperationType.values());
		model.addAttribute("locations", this.tenancy.locations().stream().map(Location::identifier).toList());
		model.addAttribute("fields", LogSearchForm.FIELDS);
		model.addAttribute("continued", cursor != null && !cursor.isBlank());
		return "commlog/logs";
	}

	@GetMapping("/service-brokers/{broker}/logs/export")
	void export(@PathVariable String broker, @ModelAttribute("search") LogSearchForm search,
			@RequestParam(required = false) @Nullable String format, HttpServletResponse response) {
		ExportFormat exportFormat = ExportFormat.parse(format);
		LogQuery query = search.query(null, null);
		this.logs.export(broker, query, exportFormat, () -> exportFormat.startResponse(response, broker));
	}

	@GetMapping("/service-brokers/{broker}/logs/{id}")
	String log(@PathVariable String broker, @PathVariable String id,
			@RequestParam(required = false) @Nullable String zone, Model model) {
		CommunicationLog log = this.logs.detail(broker, parse(broker, id));
		model.addAttribute("broker", broker);
		model.addAttribute("detail", LogDetail.of(log));
		model.addAttribute("planName", this.planNames.of(broker, log).orElse(null));
		model.addAttribute("times", LogTimes.in(zone));
		model.addAttribute("links",
				new LogLinks(broker, new LogSearchForm(null, zone, null, null, null, null, null), null));
		return "commlog/log";
	}

	private static long parse(String broker, String id) {
		try {
			return Long.parseLong(id);
		}
		catch (NumberFormatException ex) {
			throw new ResourceNotFound("Service broker '" + broker + "' has no communication log " + id);
		}
	}

}
