package dev.bazaar.tenancy.internal;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.MediaType;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.context.RequestAttributeSecurityContextRepository;

/**
 * HTTP Basic, stateless and without CSRF, for the JSON API under {@code /api}; form login
 * with CSRF protection for the web UI; health, metrics and the OpenAPI page open. Basic
 * credentials verified on {@code /api} are remembered for
 * {@code bazaar.security.credential-cache-ttl} (ADR 0007).
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

	/**
	 * Observes authentications (their metrics count failed sign-ins), not each filter of
	 * the chain nor each authorization: {@code http.server.requests} already times every
	 * request, and wrapping all fifteen filters in observations cost about a tenth of an
	 * API request's CPU (docs/benchmarks.md).
	 */
	@Bean
	SecurityObservationSettings securityObservationSettings() {
		return SecurityObservationSettings.withDefaults()
			.shouldObserveRequests(false)
			.shouldObserveAuthorizations(false)
			.shouldObserveAuthentications(true)
			.build();
	}

	@Bean
	PasswordEncoder passwordEncoder() {
		return PasswordEncoderFactories.createDelegatingPasswordEncoder();
	}

	@Bean
	@Order(1)
	SecurityFilterChain apiSecurity(HttpSecurity http, UserDetailsService users, PasswordEncoder passwords, Clock clock,
			@Value("${bazaar.security.credential-cache-ttl:60s}") Duration ttl,
			@Value("${bazaar.security.credential-cache-size:10000}") int size) throws Exception {
		return http.securityMatcher("/api/**")
			.authenticationManager(basicAuthentication(users, passwords, new VerifiedCredentials(ttl, size, clock)))
			.authorizeHttpRequests((requests) -> requests.anyRequest().authenticated())
			.httpBasic((basic) -> basic.realmName("Bazaar")
				.authenticationEntryPoint((request, response, ex) -> problem(response, 401, "Unauthorized",
						"Send the HTTP Basic credentials of a Bazaar user")))
			.exceptionHandling((handling) -> handling.accessDeniedHandler(
					(request, response, ex) -> problem(response, 403, "Forbidden", "Your role does not allow this")))
			// Stateless: the authentication lives for the request only; no session to
			// manage or log out of, no request to save for after a sign-in, no anonymous
			// user (a request without credentials is refused), no servlet API wrapper
			// (the code reads the user from the security context).
			.securityContext(
					(context) -> context.securityContextRepository(new RequestAttributeSecurityContextRepository()))
			.sessionManagement((sessions) -> sessions.disable())
			.csrf((csrf) -> csrf.disable())
			.requestCache((cache) -> cache.disable())
			.logout((logout) -> logout.disable())
			.anonymous((anonymous) -> anonymous.disable())
			.servletApi((servletApi) -> servletApi.disable())
			.build();
	}

	@Bean
	@Order(2)
	SecurityFilterChain webSecurity(HttpSecurity http) throws Exception {
		return http
			.authorizeHttpRequests(
					(requests) -> requests
						.requestMatchers("/actuator/health/**", "/actuator/prometheus", "/actuator/info",
								"/v3/api-docs/**", "/swagger-ui/**", "/swagger-ui.html", "/webjars/**", "/css/**",
								"/js/**", "/favicon.ico", "/error", "/login")
						.permitAll()
						.anyRequest()
						.authenticated())
			.formLogin((form) -> form.loginPage("/login").defaultSuccessUrl("/", false).permitAll())
			.logout((logout) -> logout.logoutSuccessUrl("/login?logout"))
			.httpBasic(Customizer.withDefaults())
			.build();
	}

	// Not a bean: an AuthenticationProvider bean would replace form login's provider too.
	private static ProviderManager basicAuthentication(UserDetailsService users, PasswordEncoder passwords,
			VerifiedCredentials verified) {
		DaoAuthenticationProvider verifier = new DaoAuthenticationProvider(users);
		verifier.setPasswordEncoder(passwords);
		return new ProviderManager(new CachingBasicAuthenticationProvider(verifier, verified));
	}

	private static void problem(HttpServletResponse response, int status, String title, String detail)
			throws IOException {
		response.setStatus(status);
		response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
		if (status == 401) {
			response.setHeader("WWW-Authenticate", "Basic realm=\"Bazaar\"");
		}
		response.getWriter()
			.write("{\"type\":\"about:blank\",\"title\":\"" + title + "\",\"status\":" + status + ",\"detail\":\""
					+ detail + "\"}");
	}

}
