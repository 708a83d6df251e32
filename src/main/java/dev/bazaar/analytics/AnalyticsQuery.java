package dev.bazaar.analytics;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

import dev.bazaar.shared.Identifiers;
import dev.bazaar.shared.InvalidRequest;

import org.jspecify.annotations.Nullable;

/**
 * What to compute figures for: the period {@code [from, to)} and optionally one
 * deployment of the broker.
 *
 * @param from the start of the period (inclusive)
 * @param to the end of the period (exclusive)
 * @param deployment {@code private}, a location identifier, or null for all deployments
 */
public record AnalyticsQuery(Instant from, Instant to, @Nullable String deployment) {

	/** The period when none is asked for. */
	public static final Duration DEFAULT_SPAN = Duration.ofDays(7);

	/** The longest period, so that a query stays cheap and a chart readable. */
	public static final Duration MAX_SPAN = Duration.ofDays(366);

	public AnalyticsQuery {
		if (!from.isBefore(to)) {
			throw InvalidRequest.forField("from",
					"the period must start before it ends; '" + from + "' is not before '" + to + "'");
		}
		if (Duration.between(from, to).compareTo(MAX_SPAN) > 0) {
			throw InvalidRequest.forField("to", "the period may span " + MAX_SPAN.toDays()
					+ " days at most; choose a later 'from' or an earlier 'to'");
		}
	}

	/**
	 * Reads a query from request parameters (blank means absent): {@code to} defaults to
	 * now, {@code from} to seven days before {@code to}. Instants are ISO-8601, with a
	 * zone or else in UTC.
	 */
	public static AnalyticsQuery parse(@Nullable String from, @Nullable String to, @Nullable String deployment,
			Instant now) {
		Instant end = isBlank(to) ? now : instant("to", to);
		Instant start = isBlank(from) ? end.minus(DEFAULT_SPAN) : instant("from", from);
		return new AnalyticsQuery(start, end, deployment(deployment));
	}

	/** The {@code span} before {@code end}, for a deployment parameter (blank: all). */
	public static AnalyticsQuery last(Duration span, @Nullable String deployment, Instant end) {
		return new AnalyticsQuery(end.minus(span), end, deployment(deployment));
	}

	/** The width of the points of the time series. */
	public Bucket bucket() {
		return Bucket.forSpan(Duration.between(this.from, this.to));
	}

	private static @Nullable String deployment(@Nullable String text) {
		return isBlank(text) ? null : Identifiers.require("deployment", text.strip());
	}

	private static boolean isBlank(@Nullable String text) {
		return text == null || text.isBlank();
	}

	private static Instant instant(String field, String text) {
		String value = text.strip();
		try {
			return Instant.parse(value);
		}
		catch (DateTimeParseException ex) {
			try {
				// What an HTML datetime-local field sends: read as UTC.
				return LocalDateTime.parse(value).toInstant(ZoneOffset.UTC);
			}
			catch (DateTimeParseException again) {
				throw InvalidRequest.forField(field,
						"'" + text + "' is not an instant; use ISO-8601, for example 2026-11-27T10:00:00Z");
			}
		}
	}

}
