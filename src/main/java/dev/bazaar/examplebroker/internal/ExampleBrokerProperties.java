package dev.bazaar.examplebroker.internal;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the example broker: its switch, the credentials platforms register it with,
 * and how long its asynchronous operations take.
 */
@ConfigurationProperties("bazaar.example-broker")
public record ExampleBrokerProperties(@DefaultValue("false") boolean enabled, @DefaultValue("example") String username,
		@DefaultValue("example-password") String password, @DefaultValue("5") int asyncSeconds) {

	/** How long asynchronous operations stay in progress. */
	public Duration asyncDuration() {
		return Duration.ofSeconds(Math.max(0, this.asyncSeconds));
	}

}
