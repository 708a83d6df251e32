package dev.bazaar.commlog.rest;

import jakarta.servlet.http.HttpServletResponse;

import dev.bazaar.commlog.CommunicationLog;
import dev.bazaar.commlog.CommunicationLogs;
import dev.bazaar.commlog.ExportFormat;
import dev.bazaar.commlog.LogPage;
import dev.bazaar.commlog.LogQuery;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.jspecify.annotations.Nullable;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Search, export and detail of a broker's communication logs. */
@RestController
@RequestMapping("/api/service-brokers/{broker}/communication-logs")
@Tag(name = "Communication logs", description = "Every HTTP call from Bazaar to a broker, newest first")
class CommunicationLogRestController {

	private final CommunicationLogs logs;

	CommunicationLogRestController(CommunicationLogs logs) {
		this.logs = logs;
	}

	// Parameters arrive as text so that a malformed one gets a message naming its
	// accepted forms.
	@GetMapping
	@Operation(summary = "Search the broker's logs, newest first; page on with nextCursor")
	LogPage search(@PathVariable String broker, @RequestParam(required = false) @Nullable String before,
			@RequestParam(required = false) @Nullable String operationType,
			@RequestParam(required = false) @Nullable String responseCode,
			@RequestParam(required = false) @Nullable String planId,
			@RequestParam(required = false) @Nullable String instanceId,
			@RequestParam(required = false) @Nullable String location,
			@RequestParam(required = false) @Nullable String limit,
			@RequestParam(required = false) @Nullable String cursor) {
		return this.logs.search(broker,
				LogQuery.parse(before, operationType, responseCode, planId, instanceId, location, limit, cursor));
	}

	@GetMapping("/export")
	@Operation(summary = "Every log that matches the criteria, newest first, streamed as CSV or JSON lines")
	void export(@PathVariable String broker, @RequestParam(required = false) @Nullable String format,
			@RequestParam(required = false) @Nullable String before,
			@RequestParam(required = false) @Nullable String operationType,
			@RequestParam(required = false) @Nullable String responseCode,
			@RequestParam(required = false) @Nullable String planId,
			@RequestParam(required = false) @Nullable String instanceId,
			@RequestParam(required = false) @Nullable String location, HttpServletResponse response) {
		ExportFormat exportFormat = ExportFormat.parse(format);
		LogQuery query = LogQuery.parse(before, operationType, responseCode, planId, instanceId, location, null, null);
		this.logs.export(broker, query, exportFormat, () -> exportFormat.startResponse(response, broker));
	}

	@GetMapping("/{id}")
	@Operation(summary = "One log in full, with headers (credentials masked) and bodies")
	CommunicationLog detail(@PathVariable String broker, @PathVariable long id) {
		return this.logs.detail(broker, id);
	}

}
