package dev.bazaar.analytics.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import dev.bazaar.analytics.AnalyticsQuery;
import dev.bazaar.shared.jdbc.Timestamps;

import org.jspecify.annotations.Nullable;

/**
 * The rows a figure counts, as an SQL condition with its parameters: one broker, a time
 * range and perhaps one deployment.
 *
 * @param where the condition, without {@code where}
 * @param params its parameters in order
 */
record Scope(String where, List<Object> params) {

	private static final String PRIVATE = "private";

	/**
	 * Calls to the broker in the period; a private deployment's calls have no location.
	 */
	static Scope calls(UUID brokerId, AnalyticsQuery query) {
		Scope scope = between(brokerId, "requested_at", query.from(), query.to());
		if (query.deployment() == null) {
			return scope;
		}
		return PRIVATE.equals(query.deployment()) ? scope.and("location is null", null)
				: scope.and("location = ?", query.deployment());
	}

	/** The broker's instances created in the period. */
	static Scope instancesCreated(UUID brokerId, AnalyticsQuery query) {
		return ofDeployment(between(brokerId, "created_at", query.from(), query.to()), query);
	}

	/** The broker's instances that exist at the end of the period. */
	static Scope instancesAtEnd(UUID brokerId, AnalyticsQuery query) {
		Scope scope = new Scope("broker_id = ? and created_at < ?", List.of(brokerId, Timestamps.of(query.to())));
		return ofDeployment(scope, query);
	}

	/** The parameters with others before them. */
	List<Object> paramsAfter(Object... first) {
		List<Object> all = new ArrayList<>(List.of(first));
		all.addAll(this.params);
		return all;
	}

	private static Scope between(UUID brokerId, String column, Instant from, Instant to) {
		// Matches the (broker_id, <time>, ...) indexes.
		return new Scope("broker_id = ? and " + column + " >= ? and " + column + " < ?",
				List.of(brokerId, Timestamps.of(from), Timestamps.of(to)));
	}

	private static Scope ofDeployment(Scope scope, AnalyticsQuery query) {
		return (query.deployment() != null) ? scope.and("deployment = ?", query.deployment()) : scope;
	}

	private Scope and(String condition, @Nullable Object param) {
		List<Object> all = new ArrayList<>(this.params);
		if (param != null) {
			all.add(param);
		}
		return new Scope(this.where + " and " + condition, List.copyOf(all));
	}

}
