package dev.bazaar.examplebroker;

import dev.bazaar.support.Api.Reply;
import dev.bazaar.support.BazaarTest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

@BazaarTest
@TestPropertySource(properties = "bazaar.example-broker.async-seconds=1")
class ExampleBrokerCatalogTests {

	@LocalServerPort
	int port;

	@Test
	void catalogRequiresTheBrokersOwnCredentials() {
		Reply anonymous = OsbCalls.platform(this.port).anonymous().get("/v2/catalog");
		Reply wrong = OsbCalls.as(this.port, "example", "wrong").get("/v2/catalog");
		Reply bazaarAdmin = OsbCalls.as(this.port, "admin", "admin-password").get("/v2/catalog");

		assertThat(anonymous.status()).as(anonymous.toString()).isEqualTo(401);
		assertThat(anonymous.json().get("error").asString()).isEqualTo("Unauthorized");
		assertThat(anonymous.header("WWW-Authenticate")).startsWith("Basic");
		assertThat(wrong.status()).isEqualTo(401);
		assertThat(bazaarAdmin.status()).isEqualTo(401);
	}

	@Test
	void catalogRequiresApiVersion213OrLater() {
		Reply missing = OsbCalls.platform(this.port).withVersion("").get("/v2/catalog");
		Reply old = OsbCalls.platform(this.port).withVersion("2.12").get("/v2/catalog");
		Reply current = OsbCalls.platform(this.port).withVersion("2.13").get("/v2/catalog");

		assertThat(missing.status()).as(missing.toString()).isEqualTo(412);
		assertThat(missing.json().get("description").asString()).contains("X-Broker-API-Version");
		assertThat(old.status()).isEqualTo(412);
		assertThat(current.status()).isEqualTo(200);
	}

	@Test
	void catalogOffersPostgresWithSchemasAndANonBindableQueue() {
		Reply reply = OsbCalls.platform(this.port).get("/v2/catalog");

		assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
		JsonNode postgres = reply.json().get("services").get(0);
		assertThat(postgres.get("id").asString()).isEqualTo(OsbCalls.POSTGRES);
		assertThat(postgres.get("name").asString()).isEqualTo("example-postgres");
		assertThat(postgres.get("bindable").asBoolean()).isTrue();
		assertThat(postgres.get("plan_updateable").asBoolean()).isTrue();
		assertThat(postgres.get("instances_retrievable").asBoolean()).isTrue();
		assertThat(postgres.get("bindings_retrievable").asBoolean()).isTrue();
		JsonNode large = postgres.get("plans").get(1);
		assertThat(large.get("id").asString()).isEqualTo(OsbCalls.LARGE);
		assertThat(large.get("free").asBoolean()).isFalse();
		assertThat(large.get("maximum_polling_duration").asInt()).isEqualTo(600);
		JsonNode create = large.at("/schemas/service_instance/create/parameters");
		assertThat(create.at("/properties/version/enum").size()).isEqualTo(3);
		assertThat(create.at("/required/0").asString()).isEqualTo("version");
		assertThat(large.at("/schemas/service_binding/create/parameters/properties/read_only/type").asString())
			.isEqualTo("boolean");
		JsonNode queue = reply.json().get("services").get(1);
		assertThat(queue.get("id").asString()).isEqualTo(OsbCalls.QUEUE);
		assertThat(queue.get("bindable").asBoolean()).isFalse();
		assertThat(queue.at("/plans/0/schemas").isMissingNode()).isTrue();
	}

}
