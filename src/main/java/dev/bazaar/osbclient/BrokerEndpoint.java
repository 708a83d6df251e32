package dev.bazaar.osbclient;

import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * Where and as whom to call one deployment of a broker: its private registration
 * ({@code location} null) or a publication to a location.
 *
 * @param brokerId the broker's id
 * @param brokerIdentifier the broker's identifier
 * @param customerId the customer that owns the broker
 * @param location the publication's location, or null for the private registration
 * @param url the base URL, without a trailing slash ({@code /v2/catalog} is appended)
 * @param username the Basic auth username
 * @param password the Basic auth password, in clear (never logged: see toString)
 * @param developmentMode whether certificate and host-name checks are skipped for this
 * deployment
 */
public record BrokerEndpoint(UUID brokerId, String brokerIdentifier, UUID customerId, @Nullable String location,
		String url, String username, String password, boolean developmentMode) {

	@Override
	public String toString() {
		return "BrokerEndpoint[" + this.brokerIdentifier + ", " + this.url + ", location=" + this.location + "]";
	}

}
