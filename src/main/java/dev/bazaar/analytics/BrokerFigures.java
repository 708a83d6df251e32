package dev.bazaar.analytics;

import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * A broker's usage and error figures over a period, as its owner sees them.
 *
 * @param broker the broker's identifier
 * @param brokerName the broker's name
 * @param deployment the deployment the figures are limited to, or null for all
 * @param deployments the broker's deployments: {@code private} and its publications'
 * locations
 * @param from the start of the period (inclusive)
 * @param to the end of the period (exclusive)
 * @param bucket the width of the points of {@code timeline}
 * @param calls all calls to the broker in the period
 * @param operations the calls per operation type, most frequent first
 * @param timeline calls, errors, latency and instances created per bucket, oldest first,
 * empty buckets included
 * @param instances the broker's instances that exist and were created before the period's
 * end
 * @param topCustomers the customers holding most of those instances
 * @param topProjects the projects holding most of those instances
 */
public record BrokerFigures(String broker, String brokerName, @Nullable String deployment, List<String> deployments,
		Instant from, Instant to, Bucket bucket, CallFigures calls, List<OperationFigures> operations,
		List<TimelinePoint> timeline, InstanceFigures instances, List<TopCustomer> topCustomers,
		List<TopProject> topProjects) {

	/**
	 * Calls and their errors: answers with status 400 or more, or no answer at all.
	 *
	 * @param calls how many calls
	 * @param errors how many of them failed
	 * @param errorRate errors divided by calls, 0 without calls
	 * @param latency their duration in milliseconds
	 */
	public record CallFigures(long calls, long errors, double errorRate, Latency latency) {
	}

	/**
	 * Percentiles of call durations in milliseconds (interpolated); null without calls.
	 */
	public record Latency(@Nullable Double p50, @Nullable Double p95, @Nullable Double p99) {
	}

	/** The calls of one operation type. */
	public record OperationFigures(String operationType, long calls, long errors, double errorRate, Latency latency) {
	}

	/**
	 * One bucket of the time series.
	 *
	 * @param start when the bucket starts (UTC hours or days)
	 * @param calls the calls in it
	 * @param errors the failed calls in it
	 * @param p50 the median duration, or null without calls
	 * @param p95 the 95th percentile of durations, or null without calls
	 * @param instancesCreated the instances created in it that still exist
	 */
	public record TimelinePoint(Instant start, long calls, long errors, @Nullable Double p50, @Nullable Double p95,
			long instancesCreated) {
	}

	/**
	 * Instances counted by plan and by status.
	 *
	 * @param total how many instances
	 * @param byPlan per plan, most instances first
	 * @param byStatus per status, most instances first
	 */
	public record InstanceFigures(long total, List<PlanCount> byPlan, List<StatusCount> byStatus) {
	}

	/** Instances of one plan; the plan's name from the catalog, or its id once gone. */
	public record PlanCount(String planId, String planName, long instances) {
	}

	/**
	 * Instances in one status ({@code IN_PROGRESS}, {@code SUCCEEDED}, {@code FAILED}).
	 */
	public record StatusCount(String status, long instances) {
	}

	/** A consuming customer and its instances of the broker. */
	public record TopCustomer(String customer, String displayName, long instances) {
	}

	/** A consuming project, its customer and its instances of the broker. */
	public record TopProject(String customer, String project, String displayName, long instances) {
	}

}
