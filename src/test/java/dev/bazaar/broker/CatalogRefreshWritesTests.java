package dev.bazaar.broker;

import java.time.Instant;
import java.util.Map;

import com.github.tomakehurst.wiremock.client.WireMock;
import dev.bazaar.broker.internal.CatalogRefreshScheduler;
import dev.bazaar.shared.jdbc.Timestamps;
import dev.bazaar.support.Api;
import dev.bazaar.support.BazaarTest;
import dev.bazaar.support.FakeBroker;
import dev.bazaar.support.Tenants;
import dev.bazaar.support.Tenants.TestCustomer;
import dev.bazaar.support.WrittenTables;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a periodic refresh writes (ADR 0009): nothing to the catalog tables when the
 * catalog is unchanged, only the claim; and yet the broker shows when it was last
 * fetched.
 */
@BazaarTest
@Import(WrittenTables.class)
@TestPropertySource(properties = "bazaar.catalog.refresh-check=1h")
class CatalogRefreshWritesTests {

	@LocalServerPort
	int port;

	@Autowired
	CatalogRefreshScheduler scheduler;

	@Autowired
	WrittenTables written;

	@Autowired
	JdbcClient jdbc;

	private TestCustomer customer;

	private FakeBroker fake;

	private String identifier;

	@BeforeEach
	void registerABroker() {
		this.customer = Tenants.aCustomer(this.port);
		this.fake = FakeBroker.start();
		this.identifier = "writes-" + this.customer.identifier();
		this.customer.registerBroker("Writes", this.identifier, this.fake.url());
	}

	@AfterEach
	void stopTheBroker() {
		this.fake.close();
	}

	@Test
	void writesNoCatalogRowWhenTheCatalogIsUnchanged() {
		Instant registered = catalogFetchedAt();

		Map<String, Integer> writes = refresh();

		assertThat(writes).as("only the claim and the communication log")
			.containsOnlyKeys("service_broker", "communication_log")
			.containsEntry("service_broker", 1)
			.containsEntry("communication_log", 1);
		assertThat(this.written.statements()).as("the same body needs no validation, which reads other brokers' ids")
			.noneMatch((sql) -> sql.contains("catalog_plan"));
		assertThat(this.fake.catalogRequests()).isEqualTo(2);
		assertThat(catalogFetchedAt()).as("the refresh fetched it, though it wrote no catalog row").isAfter(registered);
		assertThat(broker().get("lastCatalogError").isNull()).isTrue();
	}

	@Test
	void writesTheCatalogWhenItChanged() {
		this.fake.serveCatalog(this.fake.catalog().replace("A small database", "A tiny database"));

		Map<String, Integer> writes = refresh();

		assertThat(writes).containsKeys("catalog", "catalog_plan").doesNotContainKey("catalog_service");
		assertThat(this.customer.admin().get("/api/service-brokers/" + this.identifier + "/catalog").body())
			.contains("A tiny database");
		assertThat(refresh()).as("the same catalog again").doesNotContainKeys("catalog", "catalog_plan");
	}

	@Test
	void keepsWhenTheCatalogWasLastFetchedWhenARefreshFails() {
		refresh();
		Instant confirmed = catalogFetchedAt();
		this.fake.stub(WireMock.get("/v2/catalog"), 500, "{\"description\":\"Down for maintenance\"}");

		Map<String, Integer> writes = refresh();

		assertThat(writes).containsEntry("catalog", 1);
		assertThat(catalogFetchedAt()).isEqualTo(confirmed);
		assertThat(broker().get("lastCatalogError").asString()).contains("HTTP 500", "Down for maintenance");
		this.fake.serveCatalog(this.fake.catalog());
		assertThat(refresh()).as("the recovery is written, though the catalog is unchanged")
			.containsEntry("catalog", 1)
			.doesNotContainKeys("catalog_service", "catalog_plan");
		assertThat(broker().get("lastCatalogError").isNull()).isTrue();
		assertThat(catalogFetchedAt()).isAfter(confirmed);
	}

	@Test
	void showsTheTimeOfARefreshOnDemandThatWroteNoCatalogRow() {
		Instant registered = catalogFetchedAt();
		this.written.reset();

		Api.Reply reply = this.customer.admin()
			.post("/api/service-brokers/" + this.identifier + "/catalog/refresh", null);

		assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
		assertThat(Instant.parse(reply.json().get("fetchedAt").asString())).isAfter(registered);
		assertThat(catalogFetchedAt()).isAfter(registered);
		assertThat(this.written.since()).doesNotContainKeys("catalog", "catalog_service", "catalog_plan");
	}

	/** Makes the broker due and runs the periodic refresh; answers what it wrote. */
	private Map<String, Integer> refresh() {
		this.jdbc.sql("update service_broker set next_refresh_at = ? where identifier = ?")
			.params(Timestamps.of(Instant.now().minusSeconds(1)), this.identifier)
			.update();
		this.written.reset();
		assertThat(this.scheduler.refreshDue()).isEqualTo(1);
		return this.written.since();
	}

	private Instant catalogFetchedAt() {
		return Instant.parse(broker().get("catalogFetchedAt").asString());
	}

	private tools.jackson.databind.JsonNode broker() {
		return this.customer.admin().get("/api/service-brokers/" + this.identifier).json();
	}

}
