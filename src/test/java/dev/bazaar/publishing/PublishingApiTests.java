package dev.bazaar.publishing;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.Map;

import dev.bazaar.publishing.internal.PublicationRefreshScheduler;
import dev.bazaar.shared.jdbc.Timestamps;
import dev.bazaar.support.Api;
import dev.bazaar.support.BazaarTest;
import dev.bazaar.support.TestCertificates;
import dev.bazaar.support.Tenants;
import dev.bazaar.support.Tenants.TestCustomer;
import dev.bazaar.support.TlsBroker;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Publishing to locations against real TLS servers with certificates made by a test CA.
 */
@BazaarTest
class PublishingApiTests extends PublishingFixture {

	@Autowired
	PublicationRefreshScheduler refreshes;

	@Autowired
	JdbcClient jdbc;

	String broker;

	@BeforeEach
	void registerABroker() {
		this.broker = registerTheFakeBroker();
	}

	@Test
	void publishesToALocationPendingApproval() {
		Api.Reply reply = publish("global", this.published.url());

		assertThat(reply.status()).as(reply.toString()).isEqualTo(201);
		assertThat(reply.json().get("status").asString()).isEqualTo("PENDING_APPROVAL");
		assertThat(reply.body()).doesNotContain("tls-password");
		JsonNode broker = this.owner.admin().get("/api/service-brokers/" + this.broker).json();
		assertThat(broker.get("publications").get(0).get("location").asString()).isEqualTo("global");
		assertThat(this.owner.admin().get("/api/service-brokers/" + this.broker + "/publications").json()).hasSize(1);
	}

	@Test
	void refusesAnEndpointThatIsNotHttps() {
		Api.Reply reply = publish("global", this.fake.url());

		assertThat(reply.status()).isEqualTo(422);
		assertThat(reply.json().get("errors").get(0).get("message").asString()).isEqualTo("must start with https://");
	}

	@Test
	void refusesAnUntrustedCertificate() {
		try (TlsBroker untrusted = TlsBroker.presenting(TestCertificates.selfSigned("localhost"),
				this.fake.catalog())) {
			Api.Reply reply = publish("global", untrusted.url());

			assertThat(reply.status()).isEqualTo(422);
			assertThat(reply.json().get("detail").asString()).contains("not trusted");
		}
	}

	@Test
	void refusesACertificateForAnotherHost() {
		try (TlsBroker wrongHost = TlsBroker.presenting(TestCertificates.server(CA, "broker.example.org"),
				this.fake.catalog())) {
			Api.Reply reply = publish("global", wrongHost.url());

			assertThat(reply.status()).isEqualTo(422);
			assertThat(reply.json().get("detail").asString()).containsIgnoringCase("host");
		}
	}

	@Test
	void refusesAnExpiredCertificate() {
		Instant now = Instant.now();
		try (TlsBroker expired = TlsBroker.presenting(
				TestCertificates.server(CA, "localhost", now.minus(30, ChronoUnit.DAYS), now.minus(1, ChronoUnit.DAYS)),
				this.fake.catalog())) {
			Api.Reply reply = publish("global", expired.url());

			assertThat(reply.status()).isEqualTo(422);
			assertThat(reply.json().get("detail").asString()).containsIgnoringCase("expired");
		}
	}

	@Test
	void refusesAnUnreachableEndpointAndAnInvalidCatalog() {
		assertThat(publish("global", "https://localhost:1").status()).isEqualTo(422);
		try (TlsBroker invalid = TlsBroker.presenting(TestCertificates.server(CA, "localhost"),
				"{\"services\":[{}]}")) {
			Api.Reply reply = publish("global", invalid.url());
			assertThat(reply.status()).isEqualTo(422);
			assertThat(reply.json().get("errors").get(0).get("field").asString()).startsWith("services[0]");
		}
		assertThat(this.owner.admin().get("/api/service-brokers/" + this.broker + "/publications").json()).isEmpty();
	}

	@Test
	void refusesAnUnknownLocationAndASecondPublicationToTheSameLocation() {
		assertThat(publish("nowhere", this.published.url()).status()).isEqualTo(422);
		assertThat(publish("global", this.published.url()).status()).isEqualTo(201);
		assertThat(publish("global", this.published.url()).status()).isEqualTo(409);
	}

	@Test
	void approvalPutsTheServicesInTheLocationsMarketplaceOfOtherCustomers() {
		TestCustomer consumer = Tenants.aCustomer(this.port);
		String marketplace = "/api/customers/" + consumer.identifier() + "/projects/app/marketplace/services";
		consumer.admin()
			.post("/api/customers/" + consumer.identifier() + "/projects",
					Map.of("identifier", "app", "displayName", "App"));
		consumer.admin().put("/api/customers/" + consumer.identifier() + "/projects/app/marketplaces/global", null);
		publish("global", this.published.url());
		assertThat(consumer.employee().get(marketplace).json()).isEmpty();

		Api admin = Tenants.partnerAdmin(this.port);
		JsonNode pending = admin.get("/api/publications?status=PENDING_APPROVAL").json();
		assertThat(pending.toString()).contains(this.broker).contains("fake-database");
		assertThat(this.owner.admin().post(approvePath(), null).status()).isEqualTo(403);
		Api.Reply approved = admin.post(approvePath(), null);

		assertThat(approved.status()).as(approved.toString()).isEqualTo(200);
		assertThat(approved.json().get("status").asString()).isEqualTo("APPROVED");
		JsonNode services = consumer.employee().get(marketplace).json();
		assertThat(services).hasSize(1);
		assertThat(services.get(0).get("marketplace").asString()).isEqualTo("global");
		assertThat(services.get(0).get("brokerIdentifier").asString()).isEqualTo(this.broker);
	}

	@Test
	void aRejectedPublicationCarriesTheCommentAndCanBePublishedAgain() {
		publish("global", this.published.url());
		Api admin = Tenants.partnerAdmin(this.port);

		Api.Reply rejected = admin.post(publicationPath() + "/reject", Map.of("comment", "Use the production URL"));

		assertThat(rejected.status()).isEqualTo(200);
		JsonNode publication = this.owner.admin()
			.get("/api/service-brokers/" + this.broker + "/publications")
			.json()
			.get(0);
		assertThat(publication.get("status").asString()).isEqualTo("REJECTED");
		assertThat(publication.get("rejectionComment").asString()).isEqualTo("Use the production URL");
		assertThat(publish("global", this.published.url()).status()).isEqualTo(201);
	}

	@Test
	void revokesOnlyWhileNotApproved() {
		publish("global", this.published.url());
		assertThat(this.owner.admin().delete(publicationPath()).status()).isEqualTo(204);
		publish("global", this.published.url());
		Tenants.partnerAdmin(this.port).post(approvePath(), null);

		assertThat(this.owner.admin().delete(publicationPath()).status()).isEqualTo(409);
	}

	@Test
	void anApprovedBrokerCanOnlyBeDeactivatedAndThenOffersNoNewInstances() {
		assertThat(this.owner.admin().post(deactivatePath("Published"), null).status()).isEqualTo(409);
		TestCustomer consumer = Tenants.aCustomer(this.port);
		consumer.admin()
			.post("/api/customers/" + consumer.identifier() + "/projects",
					Map.of("identifier", "app", "displayName", "App"));
		consumer.admin().put("/api/customers/" + consumer.identifier() + "/projects/app/marketplaces/global", null);
		publish("global", this.published.url());
		Tenants.partnerAdmin(this.port).post(approvePath(), null);
		Api.Reply instance = consumer.employee()
			.post("/api/customers/" + consumer.identifier() + "/projects/app/service-instances", order());
		assertThat(instance.status()).as(instance.toString()).isEqualTo(201);

		assertThat(this.owner.admin().delete("/api/service-brokers/" + this.broker + "?confirm=Published").status())
			.isEqualTo(409);
		assertThat(this.owner.admin().post(deactivatePath("wrong"), null).status()).isEqualTo(422);
		Api.Reply deactivated = this.owner.admin().post(deactivatePath("Published"), null);

		assertThat(deactivated.json().get("status").asString()).isEqualTo("DEACTIVATED");
		assertThat(consumer.employee()
			.get("/api/customers/" + consumer.identifier() + "/projects/app/marketplace/services")
			.json()).isEmpty();
		Api.Reply refused = consumer.employee()
			.post("/api/customers/" + consumer.identifier() + "/projects/app/service-instances", order());
		assertThat(refused.status()).isEqualTo(409);
		assertThat(refused.json().get("detail").asString()).contains("deactivated");
		String id = instance.json().get("id").asString();
		assertThat(consumer.employee().get("/api/service-instances/" + id).status()).isEqualTo(200);
		assertThat(consumer.employee().delete("/api/service-instances/" + id).status()).isEqualTo(204);
		JsonNode events = Tenants.partnerAdmin(this.port).get("/api/audit-events?broker=" + this.broker).json();
		assertThat(events.get("items").toString()).contains("DEACTIVATED", "APPROVED", "PUBLISHED", "REGISTERED")
			.contains("\"actor\":\"admin\"");
	}

	@Test
	void refreshesAPublicationsCatalogOnDemand() {
		publish("global", this.published.url());

		Api.Reply reply = this.owner.admin().post(publicationPath() + "/catalog/refresh", null);

		assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
		assertThat(reply.json().get("services").get(0).get("name").asString()).isEqualTo("fake-database");
	}

	@Test
	void refreshesDuePublicationsPeriodicallyAndShowsWhenThoughAnUnchangedCatalogWritesNothing() {
		publish("global", this.published.url());
		Instant published = catalogFetchedAt();
		this.jdbc
			.sql("update publication set next_refresh_at = ? where location = 'global' and broker_id = "
					+ "(select id from service_broker where identifier = ?)")
			.params(Timestamps.of(Instant.now().minusSeconds(1)), this.broker)
			.update();

		assertThat(this.refreshes.refreshDue()).isEqualTo(1);

		assertThat(catalogFetchedAt()).isAfter(published);
		Instant refreshed = catalogFetchedAt();
		assertThat(this.owner.admin().post(publicationPath() + "/catalog/refresh", null).status()).isEqualTo(200);
		assertThat(catalogFetchedAt()).as("on demand").isAfter(refreshed);
		assertThat(this.jdbc
			.sql("select fetched_at from catalog where deployment = 'global' and broker_id = "
					+ "(select id from service_broker where identifier = ?)")
			.param(this.broker)
			.query((rs, row) -> Timestamps.read(rs, "fetched_at"))
			.single()).as("the catalog row is as the publication left it").isEqualTo(published);
	}

	private Instant catalogFetchedAt() {
		Api.Reply reply = this.owner.admin().get("/api/service-brokers/" + this.broker + "/publications");
		return Instant.parse(reply.json().get(0).get("catalogFetchedAt").asString());
	}

	private Map<String, Object> order() {
		Map<String, Object> body = new HashMap<>();
		body.put("marketplace", "global");
		body.put("serviceId", this.fake.serviceId());
		body.put("planId", this.fake.planId(1));
		body.put("displayName", "db");
		return body;
	}

	private Api.Reply publish(String location, String endpoint) {
		return this.owner.admin()
			.post("/api/service-brokers/" + this.broker + "/publications", Map.of("location", location, "endpoint",
					endpoint, "username", "tls-user", "password", "tls-password"));
	}

	private String publicationPath() {
		return "/api/service-brokers/" + this.broker + "/publications/global";
	}

	private String approvePath() {
		return publicationPath() + "/approve";
	}

	private String deactivatePath(String confirm) {
		return "/api/service-brokers/" + this.broker + "/deactivate?confirm=" + confirm;
	}

}
