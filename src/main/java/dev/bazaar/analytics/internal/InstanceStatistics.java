package dev.bazaar.analytics.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import dev.bazaar.analytics.AnalyticsQuery;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Counts of a broker's service instances, computed by the database from
 * {@code service_instance} (the instance module's table, read only). Deleted instances
 * are gone from it, so the counts are of instances that still exist.
 */
@Repository
public class InstanceStatistics {

	private final JdbcClient jdbc;

	InstanceStatistics(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Instances per plan id at the end of the period, most first. */
	public List<Count<String>> byPlan(UUID brokerId, AnalyticsQuery query) {
		return countBy("plan_id", brokerId, query);
	}

	/** Instances per status at the end of the period, most first. */
	public List<Count<String>> byStatus(UUID brokerId, AnalyticsQuery query) {
		return countBy("status", brokerId, query);
	}

	/** The customers holding most instances at the end of the period. */
	public List<Count<UUID>> topCustomers(UUID brokerId, AnalyticsQuery query, int limit) {
		return top("customer_id", brokerId, query, limit);
	}

	/** The projects holding most instances at the end of the period. */
	public List<Count<UUID>> topProjects(UUID brokerId, AnalyticsQuery query, int limit) {
		return top("project_id", brokerId, query, limit);
	}

	/** Instances created per bucket of the period's width, by bucket number. */
	public Map<Long, Long> createdPerBucket(UUID brokerId, AnalyticsQuery query) {
		Scope scope = Scope.instancesCreated(brokerId, query);
		return this.jdbc
			.sql("select bucket, count(*) as instances from (select cast(floor(extract(epoch from created_at) / ?) "
					+ "as bigint) as bucket from service_instance where " + scope.where() + ") created group by bucket")
			.params(scope.paramsAfter(query.bucket().seconds()))
			.query((rs, row) -> Map.entry(rs.getLong("bucket"), rs.getLong("instances")))
			.stream()
			.collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
	}

	// The column is one of this class's constants, never a request's text.
	private List<Count<String>> countBy(String column, UUID brokerId, AnalyticsQuery query) {
		Scope scope = Scope.instancesAtEnd(brokerId, query);
		return this.jdbc
			.sql("select " + column + " as item, count(*) as instances from service_instance where " + scope.where()
					+ " group by " + column + " order by instances desc, item")
			.params(scope.params())
			.query((rs, row) -> new Count<>(rs.getString("item"), rs.getLong("instances")))
			.list();
	}

	private List<Count<UUID>> top(String column, UUID brokerId, AnalyticsQuery query, int limit) {
		Scope scope = Scope.instancesAtEnd(brokerId, query);
		List<Object> params = new ArrayList<>(scope.params());
		params.add(limit);
		return this.jdbc
			.sql("select " + column + " as item, count(*) as instances from service_instance where " + scope.where()
					+ " group by " + column + " order by instances desc, item limit ?")
			.params(params)
			.query((rs, row) -> new Count<>(rs.getObject("item", UUID.class), rs.getLong("instances")))
			.list();
	}

	/**
	 * How many instances share one value.
	 *
	 * @param <T> the value's type
	 * @param item the value
	 * @param instances how many
	 */
	public record Count<T>(T item, long instances) {
	}

}
