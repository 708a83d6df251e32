package dev.bazaar.analytics.web;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Map;

import dev.bazaar.analytics.AnalyticsQuery;
import dev.bazaar.shared.InvalidRequest;

import org.jspecify.annotations.Nullable;

/**
 * The period picker's choice: a preset (the last 24 hours, 7 or 30 days) or a custom
 * {@code from} and {@code to}.
 *
 * @param period {@code 24h}, {@code 7d}, {@code 30d} or {@code custom}
 * @param from what the picker's "from" field shows (UTC, to the minute)
 * @param to what the picker's "to" field shows
 * @param deployment the chosen deployment, or null for all
 */
record PeriodChoice(String period, String from, String to, @Nullable String deployment) {

	static final String CUSTOM = "custom";

	static final Map<String, Duration> PRESETS = Map.of("24h", Duration.ofDays(1), "7d", Duration.ofDays(7), "30d",
			Duration.ofDays(30));

	private static final DateTimeFormatter FIELD = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm")
		.withZone(ZoneOffset.UTC);

	/** Reads the picker's parameters; without any, the last 7 days. */
	static AnalyticsQuery query(@Nullable String period, @Nullable String from, @Nullable String to,
			@Nullable String deployment, Instant now) {
		String chosen = chosen(period, from, to);
		if (CUSTOM.equals(chosen)) {
			return AnalyticsQuery.parse(from, to, deployment, now);
		}
		Duration span = PRESETS.get(chosen);
		if (span == null) {
			throw InvalidRequest.forField("period", "'" + period + "' is not a period; use 24h, 7d, 30d or custom");
		}
		// Whole minutes, so that the picker's fields show the period exactly.
		return AnalyticsQuery.last(span, deployment, now.truncatedTo(ChronoUnit.MINUTES).plusSeconds(60));
	}

	/** What the picker shows for a query. */
	static PeriodChoice of(@Nullable String period, @Nullable String from, @Nullable String to, AnalyticsQuery query) {
		return new PeriodChoice(chosen(period, from, to), FIELD.format(query.from()), FIELD.format(query.to()),
				query.deployment());
	}

	/** What the picker shows when its parameters were refused: what was typed. */
	static PeriodChoice refused(@Nullable String period, @Nullable String from, @Nullable String to,
			@Nullable String deployment) {
		return new PeriodChoice(chosen(period, from, to), (from != null) ? from : "", (to != null) ? to : "",
				deployment);
	}

	private static String chosen(@Nullable String period, @Nullable String from, @Nullable String to) {
		if (period != null && !period.isBlank()) {
			return period.strip();
		}
		return (isBlank(from) && isBlank(to)) ? "7d" : CUSTOM;
	}

	private static boolean isBlank(@Nullable String text) {
		return text == null || text.isBlank();
	}

}
