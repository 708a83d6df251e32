package dev.bazaar.analytics.web;

import java.util.List;

import dev.bazaar.analytics.BrokerFigures;
import dev.bazaar.analytics.BrokerFigures.TimelinePoint;
import tools.jackson.databind.json.JsonMapper;

import org.jspecify.annotations.Nullable;

/**
 * The time series as the charts draw them: one array per series, x in seconds since the
 * epoch (what uPlot expects).
 */
record ChartData(String bucket, List<Long> x, List<Long> calls, List<Long> errors, List<@Nullable Double> p50,
		List<@Nullable Double> p95, List<Long> instancesCreated) {

	static ChartData of(BrokerFigures figures) {
		List<TimelinePoint> points = figures.timeline();
		return new ChartData(figures.bucket().name(), points.stream().map((p) -> p.start().getEpochSecond()).toList(),
				points.stream().map(TimelinePoint::calls).toList(), points.stream().map(TimelinePoint::errors).toList(),
				points.stream().map(TimelinePoint::p50).toList(), points.stream().map(TimelinePoint::p95).toList(),
				points.stream().map(TimelinePoint::instancesCreated).toList());
	}

	/**
	 * The data as JSON that is safe inside a {@code <script>} element: {@code <},
	 * {@code >} and {@code &} are written as JSON escapes, so no text can close the
	 * element.
	 */
	String toScript(JsonMapper json) {
		return json.writeValueAsString(this).replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026");
	}

}
