package dev.bazaar.shared;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * Turns on the periodic jobs (catalog refresh); {@code bazaar.scheduling.enabled=false}
 * turns them off.
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
@ConditionalOnProperty(name = "bazaar.scheduling.enabled", matchIfMissing = true)
class SchedulingConfiguration {

}
