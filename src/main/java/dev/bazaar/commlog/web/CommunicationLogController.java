package dev.bazaar.commlog.web;

import dev.bazaar.commlog.CommunicationLogs;
import dev.bazaar.commlog.LogQuery;
import dev.bazaar.shared.ResourceNotFound;
import dev.bazaar.shared.web.PageController;
import org.jspecify.annotations.Nullable;

import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * A broker's communication logs, newest first, page by page; and one log in full.
 */
@PageController
class CommunicationLogController {

	private final CommunicationLogs logs;

	CommunicationLogController(CommunicationLogs logs) {
		this.logs = logs;
	}

	// htmx's "Load more" asks for the next rows only and appends them to the table.
	@GetMapping("/service-brokers/{broker}/logs")
	String logs(@PathVariable String broker, @RequestParam(required = false) @Nullable String cursor,
			@RequestParam(required = false) @Nullable String limit,
			@RequestHeader(name = "HX-Request", required = false) @Nullable String htmx, Model model) {
		LogQuery query = LogQuery.parse(null, null, null, null, null, limit, cursor);
		model.addAttribute("broker", broker);
		model.addAttribute("page", this.logs.search(broker, query));
		model.addAttribute("limit", limit);
		model.addAttribute("continued", cursor != null && !cursor.isBlank());
		return (htmx != null) ? "commlog/logs :: rows" : "commlog/logs";
	}

	@GetMapping("/service-brokers/{broker}/logs/{id}")
	String log(@PathVariable String broker, @PathVariable String id, Model model) {
		model.addAttribute("broker", broker);
		model.addAttribute("detail", LogDetail.of(this.logs.detail(broker, parse(broker, id))));
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
