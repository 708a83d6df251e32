package dev.bazaar.examplebroker.internal;

import java.io.IOException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;

import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses OSB requests without {@code X-Broker-API-Version} 2.13 or later with 412, as
 * the spec allows, because this broker relies on fetching instances and bindings and on
 * asynchronous bindings.
 */
final class ApiVersionFilter extends OncePerRequestFilter {

	static final String HEADER = "X-Broker-API-Version";

	private static final Pattern VERSION = Pattern.compile("(\\d{1,4})\\.(\\d{1,4})");

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String version = request.getHeader(HEADER);
		if (!supported(version)) {
			OsbErrorResponses.write(response, 412, "PreconditionFailed",
					"This broker supports Open Service Broker API 2.13 to 2.17; send the header " + HEADER
							+ ": 2.17 (received: " + ((version != null) ? version : "none") + ")");
			return;
		}
		chain.doFilter(request, response);
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		return !request.getRequestURI().startsWith(request.getContextPath() + "/example-broker/v2/");
	}

	static boolean supported(@Nullable String version) {
		if (version == null) {
			return false;
		}
		Matcher matcher = VERSION.matcher(version.trim());
		return matcher.matches() && Integer.parseInt(matcher.group(1)) == 2 && Integer.parseInt(matcher.group(2)) >= 13;
	}

}
