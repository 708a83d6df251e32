package dev.bazaar.commlog;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Collectors;

import dev.bazaar.shared.DomainException;
import dev.bazaar.shared.FieldMessage;
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
 * @param location only calls to the publication in this location, or to the private
 * registration when it is {@link #PRIVATE}
 * @param limit how many logs per page at most
 * @param cursor where the page starts, or null for the newest
 */
public record LogQuery(@Nullable Instant before, @Nullable OperationType operationType,
		@Nullable ResponseCodeFilter responseCode, @Nullable String planId, @Nullable String instanceId,
		@Nullable String location, int limit, @Nullable LogCursor cursor) {

	public static final int DEFAULT_LIMIT = 50;

	public static final int MAX_LIMIT = 500;

	/** The {@code location} that selects calls to the broker's private registration. */
	public static final String PRIVATE = "private";

	/** The newest logs, without criteria. */
	public static LogQuery newest(int limit) {
		return new LogQuery(null, null, null, null, null, null, limit, null);
	}

	/**
	 * Reads a search from request parameters (blank means absent); throws
	 * {@link InvalidRequest} naming every malformed parameter and its accepted forms.
	 */
	public static LogQuery parse(@Nullable String before, @Nullable String operationType, @Nullable String responseCode,
			@Nullable String planId, @Nullable String instanceId, @Nullable String location, @Nullable String limit,
			@Nullable String cursor) {
		Reader reader = new Reader();
		LogQuery query = new LogQuery(reader.read(before, LogQuery::instant),
				reader.read(operationType, LogQuery::operationType),
				reader.read(responseCode, ResponseCodeFilter::parse), reader.read(planId, String::strip),
				reader.read(instanceId, String::strip), reader.read(location, String::strip), reader.readLimit(limit),
				reader.read(cursor, LogCursor::decode));
		reader.throwIfInvalid();
		return query;
	}

	/** Whether the search selects calls to the private registration only. */
	public boolean privateOnly() {
		return PRIVATE.equals(this.location);
	}

	/** The same search, continued after the given log. */
	public LogQuery after(LogCursor next) {
		return new LogQuery(this.before, this.operationType, this.responseCode, this.planId, this.instanceId,
				this.location, this.limit, next);
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

	private static int limit(String text) {
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

	/** Reads parameters one by one and collects what is wrong with all of them. */
	private static final class Reader {

		private final List<FieldMessage> errors = new ArrayList<>();

		<T> @Nullable T read(@Nullable String text, Function<String, T> parser) {
			if (text == null || text.isBlank()) {
				return null;
			}
			try {
				return parser.apply(text);
			}
			catch (DomainException ex) {
				this.errors.addAll(ex.errors());
				return null;
			}
		}

		int readLimit(@Nullable String text) {
			Integer limit = read(text, LogQuery::limit);
			return (limit != null) ? limit : DEFAULT_LIMIT;
		}

		void throwIfInvalid() {
			if (!this.errors.isEmpty()) {
				String message = this.errors.stream()
					.map((error) -> error.field() + ": " + error.message())
					.collect(Collectors.joining("; "));
				throw new InvalidRequest(message, this.errors);
			}
		}

	}

}
