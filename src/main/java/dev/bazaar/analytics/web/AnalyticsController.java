package dev.bazaar.analytics.web;

import java.time.Clock;
import java.util.List;

import dev.bazaar.analytics.AnalyticsQuery;
import dev.bazaar.analytics.BrokerAnalytics;
import dev.bazaar.analytics.BrokerFigures;
import dev.bazaar.shared.FieldMessage;
import dev.bazaar.shared.InvalidRequest;
import dev.bazaar.shared.web.PageController;
import tools.jackson.databind.json.JsonMapper;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpStatus;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;

/** A broker's analytics page: period picker, key figures, charts and tables. */
@PageController
class AnalyticsController {

	private final BrokerAnalytics analytics;

	private final JsonMapper json;

	private final Clock clock;

	AnalyticsController(BrokerAnalytics analytics, JsonMapper json, Clock clock) {
		this.analytics = analytics;
		this.json = json;
		this.clock = clock;
	}

	@GetMapping("/service-brokers/{broker}/analytics")
	ModelAndView analytics(@PathVariable String broker, @RequestParam(required = false) @Nullable String period,
			@RequestParam(required = false) @Nullable String from, @RequestParam(required = false) @Nullable String to,
			@RequestParam(required = false) @Nullable String deployment, Model model) {
		// Who may not read the broker's figures learns that first, whatever the period.
		List<String> deployments = this.analytics.deployments(broker);
		model.addAttribute("broker", broker);
		model.addAttribute("deployments", deployments);
		try {
			AnalyticsQuery query = PeriodChoice.query(period, from, to, deployment, this.clock.instant());
			BrokerFigures figures = this.analytics.figures(broker, query);
			model.addAttribute("choice", PeriodChoice.of(period, from, to, query));
			model.addAttribute("figures", figures);
			model.addAttribute("chartData", ChartData.of(figures).toScript(this.json));
			return new ModelAndView("analytics/analytics", model.asMap());
		}
		catch (InvalidRequest ex) {
			model.addAttribute("choice", PeriodChoice.refused(period, from, to, deployment));
			FieldMessage first = ex.errors().isEmpty() ? null : ex.errors().get(0);
			model.addAttribute("error", (first != null) ? capitalized(first.message()) : ex.getMessage());
			model.addAttribute("errorField", (first != null) ? first.field() : "");
			return new ModelAndView("analytics/analytics", model.asMap(), HttpStatus.BAD_REQUEST);
		}
	}

	private static String capitalized(String text) {
		return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
	}

}
