package dev.bazaar.analytics;

import java.time.Duration;
import java.time.Instant;

/**
 * The width of one point of a time series: hours for short periods, days for long ones.
 */
public enum Bucket {

	HOUR(Duration.ofHours(1)), DAY(Duration.ofDays(1));

	/** The longest period still shown hour by hour (168 points at most). */
	static final Duration HOURLY_UP_TO = Duration.ofDays(7);

	private final Duration width;

	Bucket(Duration width) {
		this.width = width;
	}

	public long seconds() {
		return this.width.toSeconds();
	}

	/** The bucket that suits a period of this length. */
	static Bucket forSpan(Duration span) {
		return (span.compareTo(HOURLY_UP_TO) <= 0) ? HOUR : DAY;
	}

	/** The number of the bucket that holds the instant, counted from the epoch in UTC. */
	long number(Instant instant) {
		return Math.floorDiv(instant.getEpochSecond(), seconds());
	}

	Instant start(long number) {
		return Instant.ofEpochSecond(number * seconds());
	}

}
