package dev.bazaar.broker.internal;

import java.time.Duration;
import java.time.Instant;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * When a broker's catalog is next due for its periodic refresh
 * ({@code bazaar.catalog.refresh-interval}).
 */
@Component
public class RefreshSchedule {

	private final Duration interval;

	RefreshSchedule(@Value("${bazaar.catalog.refresh-interval:10m}") Duration interval) {
		this.interval = interval;
	}

	public Instant nextAfter(Instant now) {
		return now.plus(this.interval);
	}

}
