package dev.bazaar.examplebroker.internal;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;

/**
 * When the example broker is switched off, lets requests to its paths through to a plain
 * 404 instead of Bazaar's login page, so that nothing there seems to exist.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "bazaar.example-broker.enabled", havingValue = "false", matchIfMissing = true)
class AbsentExampleBrokerSecurity {

	@Bean
	@Order(0)
	SecurityFilterChain exampleBrokerPathsOpen(HttpSecurity http) throws Exception {
		return http.securityMatcher(ExampleBrokerConfiguration.PATHS)
			.authorizeHttpRequests((requests) -> requests.anyRequest().permitAll())
			.csrf((csrf) -> csrf.disable())
			.build();
	}

}
