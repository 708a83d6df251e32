package dev.bazaar.commlog.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import dev.bazaar.commlog.LogQuery;
import dev.bazaar.shared.jdbc.Timestamps;

import org.jspecify.annotations.Nullable;

/**
 * The SQL of a search of one broker's logs, newest first: every criterion narrows it, and
 * each is served by an index of {@code communication_log} that starts with
 * {@code broker_id}.
 *
 * @param sql the statement, with {@code ?} placeholders
 * @param params the values of the placeholders, in order
 */
public record SearchStatement(String sql, List<Object> params) {

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
		if (query.responseCode() != null) {
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
			// desc, id desc).
			sql.append(" and (requested_at < ? or (requested_at = ? and id < ?))");
			params.addAll(List.of(Timestamps.of(query.cursor().requestedAt()),
					Timestamps.of(query.cursor().requestedAt()), query.cursor().id()));
		}
		sql.append(" order by requested_at desc, id desc");
		if (rows != null) {
			sql.append(" limit ?");
			params.add(rows);
		}
		return new SearchStatement(sql.toString(), List.copyOf(params));
	}

	private static void equal(StringBuilder sql, List<Object> params, String column, @Nullable String value) {
		if (value != null) {
			sql.append(" and ").append(column).append(" = ?");
			params.add(value);
		}
	}

}
