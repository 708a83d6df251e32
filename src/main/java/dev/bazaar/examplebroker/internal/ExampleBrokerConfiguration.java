package dev.bazaar.examplebroker.internal;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.core.annotation.Order;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;

/**
 * The example broker when {@code bazaar.example-broker.enabled} is true: its beans and a
 * filter chain of its own for {@code /example-broker/**}, checked before Bazaar's chains.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "bazaar.example-broker.enabled", havingValue = "true")
@EnableConfigurationProperties(ExampleBrokerProperties.class)
// Imported rather than scanned, so that this one condition switches all of them off.
@Import({ ExampleCatalog.class, ParameterValidator.class, InstanceRepository.class, BindingRepository.class,
		OperationTimes.class, ExampleInstances.class, ExampleBindings.class })
class ExampleBrokerConfiguration {

	static final String PATHS = "/example-broker/**";

	@Bean
	@Order(0)
	SecurityFilterChain exampleBrokerSecurity(HttpSecurity http, ExampleBrokerProperties properties) throws Exception {
		// A manager of its own: the broker's credentials are no Bazaar user, and Bazaar's
		// users are no platform of this broker.
		ProviderManager manager = new ProviderManager(
				new BrokerCredentials(properties.username(), properties.password()));
		manager.setEraseCredentialsAfterAuthentication(false);
		return http.securityMatcher(PATHS)
			.authenticationManager(manager)
			.authorizeHttpRequests((requests) -> requests.requestMatchers("/example-broker/dashboard/**")
				.permitAll()
				.anyRequest()
				.authenticated())
			.httpBasic(
					(basic) -> basic.realmName("Example broker").authenticationEntryPoint((request, response, ex) -> {
						response.setHeader("WWW-Authenticate", "Basic realm=\"Example broker\"");
						OsbErrorResponses.write(response, 401, "Unauthorized",
								"Send the example broker's HTTP Basic credentials (bazaar.example-broker.username and password)");
					}))
			.sessionManagement((sessions) -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.csrf((csrf) -> csrf.disable())
			.addFilterAfter(new ApiVersionFilter(), AuthorizationFilter.class)
			.build();
	}

}
