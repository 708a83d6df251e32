package dev.bazaar.commlog.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import dev.bazaar.commlog.LogQuery;
import dev.bazaar.shared.jdbc.Timestamps;

import org.jspecify.annotations.Nullable;

/**
 * The SQL of a search of one broker's logs, newest first: every criterion narrows it, and
 * each is served by an index of {@code communication_log} that yields the broker's logs
 * in the page's order (see {@code V11__commlog_searches_lead_with_broker.sql}).
 *
 * @param sql the statement, with {@code ?} placeholders
 * @param params the values of the placeholders, in order
 */
public record SearchStatement(String sql, List<Object> params) {

	/** The columns of a {@code LogSummary}, in the order the repository reads them. */
	static final String SUMMARY_COLUMNS = "id, requested_at, operation_type, method, url, response_code, "
			+ "duration_ms, plan_id, instance_id, location";

	/**
	 * The search for up to {@code rows} logs, or for all of them (ignoring the query's
	 * cursor) when {@code rows} is null.
	 */
	public static SearchStatement of(UUID brokerId, LogQuery query, @Nullable Integer rows) {
		StringBuilder sql = new StringBuilder(
				"select " + SUMMARY_COLUMNS + " from communication_log where broker_id = ?");
		List<Object> params = new ArrayList<>(List.of(brokerId));
		if (query.before() != null) {
			sql.append(" and requested_at <= ?");
			params.add(Timestamps.of(query.before()));
		}
		if (query.operationType() != null) {
			sql.append(" and operation_type = ?");
			params.add(query.operationType().name());
		}
		if (query.responseCode() != null && query.responseCode().min() == query.responseCode().max()) {
			sql.append(" and response_code = ?");
			params.add(query.responseCode().min());
		}
		else if (query.responseCode() != null) {
			sql.append(" and response_code between ? and ?");
			params.addAll(List.of(query.responseCode().min(), query.responseCode().max()));
		}
		equal(sql, params, "plan_id", query.planId());
		equal(sql, params, "instance_id", query.instanceId());
		if (query.privateOnly()) {
			sql.append(" and location is null");
		}
		else {
			equal(sql, params, "location", query.location());
		}
		if (rows != null && query.cursor() != null) {
			// Keyset paging: strictly after the cursor's log in the order (requested_at
			// desc, id desc). The first comparison bounds the index range, so that a deep
			// page starts where the cursor points instead of reading every newer log.
			Object at = Timestamps.of(query.cursor().requestedAt());
			sql.append(" and requested_at <= ? and (requested_at < ? or id < ?)");
			params.addAll(List.of(at, at, query.cursor().id()));
		}
		// The columns compared with "=" of the index that leads the search come first in
		// the order, as in that index: they change nothing (each has one value), but tell
		// H2 to read that index in its order instead of sorting every log that matches.
		sql.append(" order by ").append(leadingColumns(query)).append(", requested_at desc, id desc");
		if (rows != null) {
			sql.append(" limit ?");
			params.add(rows);
		}
		return new SearchStatement(sql.toString(), List.copyOf(params));
	}

	/**
	 * The columns compared with {@code =} (or {@code is null}) of the index that serves
	 * the criterion that narrows the search most in the usual case, in the index's order.
	 */
	private static String leadingColumns(LogQuery query) {
		if (query.instanceId() != null) {
			return "broker_id desc, instance_id desc";
		}
		if (query.planId() != null) {
			return "broker_id desc, plan_id desc";
		}
		if (query.operationType() != null) {
			return "broker_id desc, operation_type desc";
		}
		if (query.responseCode() != null && query.responseCode().min() == query.responseCode().max()) {
			return "response_code desc, broker_id desc";
		}
		if (query.location() != null) {
			return "broker_id desc, location desc";
		}
		return "broker_id desc";
	}

	private static void equal(StringBuilder sql, List<Object> params, String column, @Nullable String value) {
		if (value != null) {
			sql.append(" and ").append(column).append(" = ?");
			params.add(value);
		}
	}

}
