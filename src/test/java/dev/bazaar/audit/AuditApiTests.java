package dev.bazaar.audit;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.github.tomakehurst.wiremock.client.WireMock;
import dev.bazaar.support.Api;
import dev.bazaar.support.BazaarTest;
import dev.bazaar.support.FakeBroker;
import dev.bazaar.support.Tenants;
import dev.bazaar.support.Tenants.TestCustomer;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

@BazaarTest
class AuditApiTests {

	@LocalServerPort
	int port;

	@Test
	void recordsWhoDidWhatToABrokerWhenAndFromWhere() {
		TestCustomer owner = Tenants.aCustomer(this.port);
		String broker = "audited-" + owner.identifier();
		try (FakeBroker fake = FakeBroker.start()) {
			owner.registerBroker("Audited", broker, fake.url());
			owner.admin().patch("/api/service-brokers/" + broker, Map.of("name", "Renamed"));
			owner.admin().post("/api/service-brokers/" + broker + "/catalog/refresh", null);
			fake.stub(WireMock.get("/v2/catalog"), 500, "{}");
			owner.admin().post("/api/service-brokers/" + broker + "/catalog/refresh", null);
			owner.admin().delete("/api/service-brokers/" + broker + "?confirm=Renamed");
		}

		JsonNode events = owner.admin().get("/api/audit-events?broker=" + broker).json().get("items");

		assertThat(actions(events)).containsExactly("DELETED", "CATALOG_REFRESHED", "CATALOG_REFRESHED", "EDITED",
				"REGISTERED");
		JsonNode registered = events.get(4);
		assertThat(registered.get("actor").asString()).isEqualTo(owner.adminUsername());
		assertThat(registered.get("remoteAddress").asString()).isIn("127.0.0.1", "0:0:0:0:0:0:0:1");
		assertThat(registered.get("occurredAt").isNull()).isFalse();
		assertThat(events.get(3).get("detail").asString()).isEqualTo("name");
		assertThat(events.get(1).get("detail").asString()).isEqualTo("failed");
		assertThat(events.get(2).get("detail").asString()).isEqualTo("succeeded");
	}

	@Test
	void showsEachCustomerOnlyItsOwnBrokersAndPartnerAdminsEverything() {
		TestCustomer owner = Tenants.aCustomer(this.port);
		TestCustomer other = Tenants.aCustomer(this.port);
		String broker = "mine-" + owner.identifier();
		try (FakeBroker fake = FakeBroker.start()) {
			owner.registerBroker("Mine", broker, fake.url());
		}

		assertThat(other.admin().get("/api/audit-events?broker=" + broker).json().get("items")).isEmpty();
		assertThat(other.employee().get("/api/audit-events").status()).isEqualTo(403);
		assertThat(owner.employee().get("/api/audit-events").status()).isEqualTo(403);
		assertThat(Tenants.partnerAdmin(this.port).get("/api/audit-events?broker=" + broker).json().get("items"))
			.hasSize(1);
	}

	@Test
	void pagesOlderEventsWithNextBefore() {
		TestCustomer owner = Tenants.aCustomer(this.port);
		String broker = "paged-" + owner.identifier();
		try (FakeBroker fake = FakeBroker.start()) {
			owner.registerBroker("Paged", broker, fake.url());
			for (int i = 0; i < 3; i++) {
				owner.admin().patch("/api/service-brokers/" + broker, Map.of("name", "Paged " + i));
			}
		}
		Api admin = owner.admin();

		JsonNode first = admin.get("/api/audit-events?broker=" + broker + "&limit=2").json();
		JsonNode second = admin
			.get("/api/audit-events?broker=" + broker + "&limit=2&before=" + first.get("nextBefore").asLong())
			.json();

		assertThat(actions(first.get("items"))).containsExactly("EDITED", "EDITED");
		assertThat(actions(second.get("items"))).containsExactly("EDITED", "REGISTERED");
	}

	private static List<String> actions(JsonNode events) {
		List<String> actions = new ArrayList<>();
		events.forEach((event) -> actions.add(event.get("action").asString()));
		return actions;
	}

}
