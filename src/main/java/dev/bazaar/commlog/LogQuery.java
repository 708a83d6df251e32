package dev.bazaar.commlog;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.function.Function;

import dev.bazaar.shared.InvalidRequest;

import org.jspecify.annotations.Nullable;

/**
 * A search of one broker's logs; every criterion is optional and they combine with "and".
 *
 * @param before the latest time to include (inclusive), or null for now
 * @param operationType only calls of this type
 * @param responseCode only calls whose answer's status is in this range
 * @param planId only calls concerning this plan
 * @param instanceId only calls concerning this service instance
 * @param limit how many logs per page at most
 * @param cursor where the page starts, or null for the newest
 */
public record LogQuery(@Nullable Instant before, @Nullable OperationType operationType,
		@Nullable ResponseCodeFilter responseCode, @Nullable String planId, @Nullable String instanceId, int limit,
		@Nullable LogCursor cursor) {

	public static final int DEFAULT_LIMIT = 50;

	public static final int MAX_LIMIT = 500;

	/** The newest logs, without criteria. */
	public static LogQuery newest(int limit) {
		return new LogQuery(null, null, null, null, null, limit, null);
	}

	/**
	 * Reads a search from request parameters (blank means absent); throws
	 * {@link InvalidRequest} naming the parameter and its accepted forms.
	 */
	public static LogQuery parse(@Nullable String before, @Nullable String operationType, @Nullable String responseCode,
			@Nullable String planId, @Nullable String instanceId, @Nullable String limit, @Nullable String cursor) {
		return new LogQuery(read(before, LogQuery::instant), read(operationType, LogQuery::operationType),
				read(responseCode, ResponseCodeFilter::parse), read(planId, String::strip),
				read(instanceId, String::strip), readLimit(limit), read(cursor, LogCursor::decode));
	}

	/** The same search, continued after the given log. */
	public LogQuery after(LogCursor next) {
		return new LogQuery(this.before, this.operationType, this.responseCode, this.planId, this.instanceId,
				this.limit, next);
	}

	private static <T> @Nullable T read(@Nullable String text, Function<String, T> parser) {
		return (text == null || text.isBlank()) ? null : parser.apply(text);
	}

	private static Instant instant(String text) {
		try {
			return Instant.parse(text.strip());
		}
		catch (DateTimeParseException ex) {
			throw InvalidRequest.forField("before",
					"'" + text + "' is not an instant; use ISO-8601 in UTC, for example 2026-11-27T10:00:00Z");
		}
	}

	private static OperationType operationType(String text) {
		try {
			return OperationType.valueOf(text.strip());
		}
		catch (IllegalArgumentException ex) {
			throw InvalidRequest.forField("operationType",
					"'" + text + "' is not an operation type; use one of " + Arrays.toString(OperationType.values()));
		}
	}

	private static int readLimit(@Nullable String text) {
		if (text == null || text.isBlank()) {
			return DEFAULT_LIMIT;
		}
		try {
			int limit = Integer.parseInt(text.strip());
			if (limit >= 1) {
				// More than the maximum is served as the maximum, as paging continues
				// anyway.
				return Math.min(limit, MAX_LIMIT);
			}
		}
		catch (NumberFormatException ex) {
			// reported below
		}
		throw InvalidRequest.forField("limit", "'" + text + "' is not allowed; use a number from 1 to " + MAX_LIMIT);
	}

}
