package dev.bazaar.analytics.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.UUID;

import dev.bazaar.analytics.AnalyticsQuery;
import dev.bazaar.analytics.BrokerFigures.CallFigures;
import dev.bazaar.analytics.BrokerFigures.Latency;
import dev.bazaar.analytics.BrokerFigures.OperationFigures;

import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Counts and latency percentiles of a broker's calls, computed by the database from
 * {@code communication_log} (the communication logs' table, read only). The SQL runs on
 * H2 and PostgreSQL alike: both know {@code percentile_cont ... within group}.
 */
@Repository
public class CallStatistics {

	private static final String FAILED = "case when response_code is null or response_code >= 400 then 1 else 0 end";

	private static final String FIGURES = "count(*) as calls, coalesce(sum(failed), 0) as errors, "
			+ "percentile_cont(0.5) within group (order by duration_ms) as p50, "
			+ "percentile_cont(0.95) within group (order by duration_ms) as p95, "
			+ "percentile_cont(0.99) within group (order by duration_ms) as p99";

	private final JdbcClient jdbc;

	CallStatistics(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** All calls to the broker in the period. */
	public CallFigures overall(UUID brokerId, AnalyticsQuery query) {
		Scope scope = Scope.calls(brokerId, query);
		return this.jdbc.sql("select " + FIGURES + " from (" + calls(scope, "") + ") calls")
			.params(scope.params())
			.query((rs, row) -> new CallFigures(rs.getLong("calls"), rs.getLong("errors"),
					rate(rs.getLong("errors"), rs.getLong("calls")), latency(rs)))
			.single();
	}

	/** The calls per operation type, most frequent first. */
	public List<OperationFigures> perOperation(UUID brokerId, AnalyticsQuery query) {
		Scope scope = Scope.calls(brokerId, query);
		return this.jdbc
			.sql("select operation_type, " + FIGURES + " from (" + calls(scope, "operation_type, ")
					+ ") calls group by operation_type order by calls desc, operation_type")
			.params(scope.params())
			.query((rs, row) -> new OperationFigures(rs.getString("operation_type"), rs.getLong("calls"),
					rs.getLong("errors"), rate(rs.getLong("errors"), rs.getLong("calls")), latency(rs)))
			.list();
	}

	/** The calls per bucket of the period's width; buckets without calls are left out. */
	public List<BucketCalls> perBucket(UUID brokerId, AnalyticsQuery query) {
		Scope scope = Scope.calls(brokerId, query);
		// The bucket is computed in a subquery so that GROUP BY names a column, not an
		// expression with its own parameter (which PostgreSQL would not match).
		return this.jdbc
			.sql("select bucket, " + FIGURES + " from ("
					+ calls(scope, "cast(floor(extract(epoch from requested_at) / ?) as bigint) as bucket, ")
					+ ") calls group by bucket order by bucket")
			.params(scope.paramsAfter(query.bucket().seconds()))
			.query((rs, row) -> new BucketCalls(rs.getLong("bucket"), rs.getLong("calls"), rs.getLong("errors"),
					millis(rs, "p50"), millis(rs, "p95")))
			.list();
	}

	private static String calls(Scope scope, String columns) {
		return "select " + columns + FAILED + " as failed, duration_ms from communication_log where " + scope.where();
	}

	private static Latency latency(ResultSet rs) throws SQLException {
		return new Latency(millis(rs, "p50"), millis(rs, "p95"), millis(rs, "p99"));
	}

	private static double rate(long part, long whole) {
		return (whole == 0) ? 0.0
				: BigDecimal.valueOf(part).divide(BigDecimal.valueOf(whole), 4, RoundingMode.HALF_UP).doubleValue();
	}

	// H2 answers NUMERIC and PostgreSQL double precision; both read as a decimal.
	private static @Nullable Double millis(ResultSet rs, String column) throws SQLException {
		BigDecimal value = rs.getBigDecimal(column);
		return (value != null) ? value.setScale(2, RoundingMode.HALF_UP).doubleValue() : null;
	}

	/**
	 * The calls of one bucket.
	 *
	 * @param bucket the bucket's number, counted from the epoch
	 * @param calls how many calls
	 * @param errors how many failed
	 * @param p50 the median duration
	 * @param p95 the 95th percentile of durations
	 */
	public record BucketCalls(long bucket, long calls, long errors, @Nullable Double p50, @Nullable Double p95) {
	}

}
