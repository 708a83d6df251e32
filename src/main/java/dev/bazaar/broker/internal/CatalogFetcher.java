package dev.bazaar.broker.internal;

import java.util.List;
import java.util.Optional;

import dev.bazaar.broker.CatalogUnavailable;
import dev.bazaar.catalog.CatalogError;
import dev.bazaar.catalog.CatalogManagement;
import dev.bazaar.catalog.CatalogValidationResult;
import dev.bazaar.catalog.Deployment;
import dev.bazaar.catalog.ValidatedCatalog;
import dev.bazaar.commlog.CommunicationLogs;
import dev.bazaar.osbclient.BrokerEndpoint;
import dev.bazaar.osbclient.OsbClient;
import dev.bazaar.osbclient.OsbRequest;
import dev.bazaar.osbclient.OsbResponse;
import dev.bazaar.shared.FieldMessage;
import dev.bazaar.shared.WorkerPool;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.stereotype.Component;

/**
 * Fetches {@code /v2/catalog} from one broker deployment and validates it; anything short
 * of a valid catalog ends in {@link CatalogUnavailable} saying what happened and what to
 * fix.
 */
@Component
public class CatalogFetcher {

	private static final int ERRORS_IN_DETAIL = 5;

	private final OsbClient client;

	private final CatalogManagement catalogs;

	private final CommunicationLogs logs;

	private final JsonMapper json = JsonMapper.builder().build();

	CatalogFetcher(OsbClient client, CatalogManagement catalogs, CommunicationLogs logs) {
		this.client = client;
		this.catalogs = catalogs;
		this.logs = logs;
	}

	public ValidatedCatalog fetch(BrokerEndpoint endpoint) {
		return validate(endpoint, body(endpoint));
	}

	/**
	 * Fetches the catalog for a refresh: empty when the broker sent exactly the body its
	 * deployment's catalog was last stored from, which then needs neither validation nor
	 * storing.
	 */
	public Optional<ValidatedCatalog> fetchIfChanged(BrokerEndpoint endpoint) {
		String body = body(endpoint);
		Deployment deployment = (endpoint.location() != null) ? new Deployment(endpoint.brokerId(), endpoint.location())
				: Deployment.privateOf(endpoint.brokerId());
		if (this.catalogs.isUnchanged(deployment, body, OsbClient.API_VERSION)) {
			return Optional.empty();
		}
		return Optional.of(validate(endpoint, body));
	}

	private String body(BrokerEndpoint endpoint) {
		// Only the exchange holds a call slot (ADR 0012): the log is stored after it,
		// while another worker's call proceeds.
		OsbClient.Exchanged exchanged = WorkerPool
			.callBroker(() -> this.client.exchangeRecordingLater(endpoint, OsbRequest.fetchCatalog()));
		this.logs.record(exchanged.log());
		OsbResponse response = exchanged.response();
		String where = "GET " + endpoint.url() + "/v2/catalog";
		if (response instanceof OsbResponse.Failed failed) {
			throw new CatalogUnavailable("Bazaar could not fetch the catalog (" + where + "): " + failed.explanation());
		}
		OsbResponse.Answered answered = (OsbResponse.Answered) response;
		if (answered.status() == 401 || answered.status() == 403) {
			throw new CatalogUnavailable("The broker refused the credentials (HTTP " + answered.status() + " to "
					+ where + "): check the username and password");
		}
		if (answered.status() != 200) {
			throw new CatalogUnavailable("The broker answered HTTP " + answered.status() + " to " + where
					+ " instead of 200" + brokerDescription(answered.body()));
		}
		return answered.body();
	}

	private ValidatedCatalog validate(BrokerEndpoint endpoint, String body) {
		CatalogValidationResult result = this.catalogs.validate(body, OsbClient.API_VERSION, endpoint.brokerId());
		if (result instanceof CatalogValidationResult.Invalid invalid) {
			throw invalid(invalid.errors());
		}
		return ((CatalogValidationResult.Valid) result).catalog();
	}

	private static CatalogUnavailable invalid(List<CatalogError> errors) {
		List<String> shown = errors.stream().limit(ERRORS_IN_DETAIL).map(CatalogError::toString).toList();
		String more = (errors.size() > ERRORS_IN_DETAIL) ? " (and " + (errors.size() - ERRORS_IN_DETAIL) + " more)"
				: "";
		return new CatalogUnavailable(
				"The broker's catalog is invalid, with " + errors.size() + ((errors.size() == 1) ? " error" : " errors")
						+ "; fix it at the broker: " + String.join("; ", shown) + more,
				errors.stream().map((error) -> new FieldMessage(error.path(), error.message())).toList());
	}

	private String brokerDescription(String body) {
		try {
			JsonNode node = this.json.readTree(body);
			JsonNode description = node.path("description");
			return description.isString() ? ": " + description.asString() : "";
		}
		catch (RuntimeException ex) {
			return "";
		}
	}

}
