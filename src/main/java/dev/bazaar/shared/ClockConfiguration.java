package dev.bazaar.shared;

import java.time.Clock;
import java.time.Duration;

import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The clock every module reads time from, so that tests can set it. */
@Configuration(proxyBeanMethods = false)
class ClockConfiguration {

	@Bean
	@ConditionalOnMissingBean
	Clock clock() {
		// Microseconds: what both databases store, so values read back equal those
		// written.
		return Clock.tick(Clock.systemUTC(), Duration.ofNanos(1000));
	}

}
