package dev.bazaar.commlog.web;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.time.temporal.ChronoUnit;

import dev.bazaar.shared.InvalidRequest;

import org.jspecify.annotations.Nullable;

/**
 * Times of logs in the viewer's time zone: as the pages show them, and as the viewer
 * types them into the search.
 *
 * @param zone the viewer's time zone
 */
record LogTimes(ZoneId zone) {

	static final String PATTERN = "yyyy-MM-dd HH:mm:ss";

	private static final DateTimeFormatter SECONDS = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss")
		.withResolverStyle(ResolverStyle.STRICT);

	private static final DateTimeFormatter PRECISE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS");

	private static final DateTimeFormatter MINUTES = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm")
		.withResolverStyle(ResolverStyle.STRICT);

	/** The zone named, or UTC when the name is missing or unknown. */
	static LogTimes in(@Nullable String zoneName) {
		if (zoneName != null && !zoneName.isBlank()) {
			try {
				return new LogTimes(ZoneId.of(zoneName.strip()));
			}
			catch (DateTimeException ex) {
				// shown in UTC, which the page says
			}
		}
		return new LogTimes(ZoneId.of("UTC"));
	}

	public String format(Instant instant) {
		return SECONDS.format(instant.atZone(this.zone));
	}

	public String precise(Instant instant) {
		return PRECISE.format(instant.atZone(this.zone));
	}

	/**
	 * The latest instant the local time the viewer typed stands for: a time to the second
	 * includes that whole second, so that a log shown at that time is found. Throws
	 * {@link InvalidRequest} for field {@code before} otherwise.
	 */
	Instant upperBound(String text) {
		String value = text.strip().replace('T', ' ');
		try {
			return latest(LocalDateTime.parse(value, SECONDS).plusSeconds(1));
		}
		catch (DateTimeParseException ex) {
			// try the shorter forms
		}
		try {
			return latest(LocalDateTime.parse(value, MINUTES).plusMinutes(1));
		}
		catch (DateTimeParseException ex) {
			// try a date alone
		}
		try {
			return latest(LocalDate.parse(value).plusDays(1).atStartOfDay());
		}
		catch (DateTimeParseException ex) {
			throw InvalidRequest.forField("before", "'" + text + "' is not a date and time; use " + PATTERN
					+ ", for example " + format(Instant.now().truncatedTo(ChronoUnit.HOURS)));
		}
	}

	// Just before the next second, minute or day; in a repeated hour (end of summer
	// time) its later occurrence.
	private Instant latest(LocalDateTime next) {
		return next.atZone(this.zone).withLaterOffsetAtOverlap().toInstant().minusNanos(1000);
	}

}
