package dev.bazaar.commlog.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.bazaar.commlog.LogQuery;
import dev.bazaar.shared.FieldMessage;
import dev.bazaar.shared.InvalidRequest;

import org.jspecify.annotations.Nullable;

import org.springframework.web.util.UriComponentsBuilder;

/**
 * The search form of a broker's logs, as the viewer typed it: the time in the viewer's
 * time zone, which the browser sends along.
 *
 * @param before the latest local time to include, {@code yyyy-MM-dd HH:mm:ss}
 * @param zone the viewer's time zone, such as {@code Europe/Berlin}
 * @param operationType an operation type
 * @param responseCode a response code criterion, such as {@code >=500}
 * @param planId a plan id
 * @param instanceId a service instance id
 * @param location a location, or {@code private}
 */
record LogSearchForm(@Nullable String before, @Nullable String zone, @Nullable String operationType,
		@Nullable String responseCode, @Nullable String planId, @Nullable String instanceId,
		@Nullable String location) {

	/** The fields that show messages beside them. */
	static final List<String> FIELDS = List.of("before", "operationType", "responseCode", "planId", "instanceId",
			"location");

	LogTimes times() {
		return LogTimes.in(this.zone);
	}

	/**
	 * The search these criteria stand for; throws {@link InvalidRequest} naming every
	 * malformed criterion.
	 */
	LogQuery query(@Nullable String limit, @Nullable String cursor) {
		List<FieldMessage> errors = new ArrayList<>();
		String instant = null;
		try {
			instant = (this.before == null || this.before.isBlank()) ? null
					: times().upperBound(this.before).toString();
		}
		catch (InvalidRequest ex) {
			errors.addAll(ex.errors());
		}
		try {
			LogQuery query = LogQuery.parse(instant, this.operationType, this.responseCode, this.planId,
					this.instanceId, this.location, limit, cursor);
			if (errors.isEmpty()) {
				return query;
			}
		}
		catch (InvalidRequest ex) {
			errors.addAll(ex.errors());
		}
		throw new InvalidRequest("The search has malformed criteria", errors);
	}

	/** The message beside each field named, for the fields this search got wrong. */
	static Map<String, String> messages(InvalidRequest ex) {
		Map<String, String> messages = new LinkedHashMap<>();
		ex.errors()
			.forEach((error) -> messages.merge(FIELDS.contains(error.field()) ? error.field() : "search",
					error.message(), (a, b) -> a + " " + b));
		return messages;
	}

	/** Adds the criteria that are set, and the zone, as query parameters. */
	UriComponentsBuilder addTo(UriComponentsBuilder uri) {
		Map<String, @Nullable String> criteria = new LinkedHashMap<>();
		criteria.put("zone", this.zone);
		criteria.put("before", this.before);
		criteria.put("operationType", this.operationType);
		criteria.put("responseCode", this.responseCode);
		criteria.put("planId", this.planId);
		criteria.put("instanceId", this.instanceId);
		criteria.put("location", this.location);
		criteria.forEach((name, value) -> {
			if (value != null && !value.isBlank()) {
				uri.queryParam(name, value);
			}
		});
		return uri;
	}

	/** Whether any criterion narrows the search. */
	public boolean narrowed() {
		return List
			.of(nullToEmpty(this.before), nullToEmpty(this.operationType), nullToEmpty(this.responseCode),
					nullToEmpty(this.planId), nullToEmpty(this.instanceId), nullToEmpty(this.location))
			.stream()
			.anyMatch((value) -> !value.isBlank());
	}

	private static String nullToEmpty(@Nullable String value) {
		return (value != null) ? value : "";
	}

}
