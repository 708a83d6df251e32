package dev.bazaar.examplebroker.rest;

import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/** The {@code dashboard_url} of an instance: the broker's dashboard page on this host. */
final class DashboardUrls {

	private DashboardUrls() {
	}

	static String of(String instanceId) {
		return ServletUriComponentsBuilder.fromCurrentContextPath()
			.path("/example-broker/dashboard/{id}")
			.buildAndExpand(instanceId)
			.encode()
			.toUriString();
	}

}
