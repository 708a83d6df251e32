package dev.bazaar.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.WireMock;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

/**
 * A broker on a real socket (WireMock) serving a catalog whose service and plan ids are
 * unique to this broker, so that many brokers can be registered in one database.
 */
public final class FakeBroker implements AutoCloseable {

	public static final String USERNAME = "broker-user";

	private final WireMockServer server;

	private final String suffix = UUID.randomUUID().toString().substring(0, 8);

	private FakeBroker() {
		this.server = new WireMockServer(options().dynamicPort());
		this.server.start();
	}

	/** A started broker that serves the test catalog to any credentials. */
	public static FakeBroker start() {
		FakeBroker broker = new FakeBroker();
		broker.serveCatalog(broker.catalog());
		return broker;
	}

	public String url() {
		return "http://localhost:" + this.server.port();
	}

	public WireMockServer server() {
		return this.server;
	}

	/** The test catalog, with ids unique to this broker. */
	public String catalog() {
		return resource("/broker/catalog.json").replace("XXXX", this.suffix);
	}

	/** The id of the catalog's first service. */
	public String serviceId() {
		return "acb56d7c-" + this.suffix + "-11e4-a4cf-d0a1a4c1e7a1";
	}

	/** The id of the n-th plan (1 or 2) of the first service. */
	public String planId(int n) {
		return "d3031751-" + this.suffix + "-000" + n;
	}

	public void serveCatalog(String body) {
		stub(WireMock.get("/v2/catalog"), 200, body);
	}

	public void stub(MappingBuilder request, int status, String body) {
		this.server.stubFor(request.willReturn(
				WireMock.aResponse().withStatus(status).withHeader("Content-Type", "application/json").withBody(body)));
	}

	public int catalogRequests() {
		return this.server.countRequestsMatching(WireMock.getRequestedFor(WireMock.urlEqualTo("/v2/catalog")).build())
			.getCount();
	}

	@Override
	public void close() {
		this.server.stop();
	}

	public static String resource(String path) {
		try (var in = FakeBroker.class.getResourceAsStream(path)) {
			if (in == null) {
				throw new IllegalArgumentException("No test resource " + path);
			}
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
