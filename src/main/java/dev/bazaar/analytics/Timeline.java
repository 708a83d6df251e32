package dev.bazaar.analytics;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import dev.bazaar.analytics.BrokerFigures.TimelinePoint;
import dev.bazaar.analytics.internal.CallStatistics.BucketCalls;

/** Joins the per-bucket figures into one series with a point for every bucket. */
final class Timeline {

	private Timeline() {
	}

	static List<TimelinePoint> of(AnalyticsQuery query, List<BucketCalls> calls, Map<Long, Long> created) {
		Bucket bucket = query.bucket();
		Map<Long, BucketCalls> callsByBucket = calls.stream()
			.collect(Collectors.toMap(BucketCalls::bucket, Function.identity()));
		long first = bucket.number(query.from());
		// The period's end is exclusive: an end on a bucket's start adds no bucket.
		long last = bucket.number(query.to().minusNanos(1));
		List<TimelinePoint> points = new ArrayList<>();
		for (long number = first; number <= last; number++) {
			BucketCalls found = callsByBucket.get(number);
			long instances = created.getOrDefault(number, 0L);
			points
				.add((found != null)
						? new TimelinePoint(bucket.start(number), found.calls(), found.errors(), found.p50(),
								found.p95(), instances)
						: new TimelinePoint(bucket.start(number), 0, 0, null, null, instances));
		}
		return List.copyOf(points);
	}

}
