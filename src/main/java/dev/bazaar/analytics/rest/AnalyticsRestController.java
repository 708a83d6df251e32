package dev.bazaar.analytics.rest;

import java.time.Clock;

import dev.bazaar.analytics.AnalyticsQuery;
import dev.bazaar.analytics.BrokerAnalytics;
import dev.bazaar.analytics.BrokerFigures;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.jspecify.annotations.Nullable;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** A broker's usage and error figures as JSON. */
@RestController
@Tag(name = "Analytics", description = "Usage and error figures of a broker, for its owner")
class AnalyticsRestController {

	private final BrokerAnalytics analytics;

	private final Clock clock;

	AnalyticsRestController(BrokerAnalytics analytics, Clock clock) {
		this.analytics = analytics;
		this.clock = clock;
	}

	// Parameters arrive as text so that a malformed one gets a message naming its form.
	@GetMapping("/api/service-brokers/{broker}/analytics")
	@Operation(summary = "Calls, errors, latency and instances of the broker over [from, to) (default: the last "
			+ "7 days, 366 days at most), for one deployment (private or a location) or all")
	BrokerFigures analytics(@PathVariable String broker, @RequestParam(required = false) @Nullable String from,
			@RequestParam(required = false) @Nullable String to,
			@RequestParam(required = false) @Nullable String deployment) {
		return this.analytics.figures(broker, AnalyticsQuery.parse(from, to, deployment, this.clock.instant()));
	}

}
