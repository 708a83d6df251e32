package dev.bazaar.instance.internal;

import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/** Reads a {@code Retry-After} header: seconds, or an HTTP date. */
final class RetryAfter {

	private RetryAfter() {
	}

	static @Nullable Duration parse(Map<String, List<String>> headers) {
		return parse(headers, Instant.now());
	}

	static @Nullable Duration parse(Map<String, List<String>> headers, Instant now) {
		// Answers' header names are in lower case (OsbResponse.Answered).
		List<String> values = headers.get("retry-after");
		if (values == null) {
			values = headers.entrySet()
				.stream()
				.filter((entry) -> entry.getKey().equalsIgnoreCase("Retry-After"))
				.map(Map.Entry::getValue)
				.findFirst()
				.orElse(List.of());
		}
		return values.isEmpty() ? null : parse(values.get(0).strip(), now);
	}

	static @Nullable Duration parse(String value, Instant now) {
		try {
			long seconds = Long.parseLong(value);
			return (seconds >= 0) ? Duration.ofSeconds(seconds) : null;
		}
		catch (NumberFormatException ex) {
			try {
				Instant at = ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
				Duration wait = Duration.between(now, at);
				return wait.isNegative() ? Duration.ZERO : wait;
			}
			catch (DateTimeParseException notADate) {
				return null;
			}
		}
	}

}
