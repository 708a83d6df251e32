package dev.bazaar.examplebroker;

import java.util.Map;
import java.util.UUID;

import dev.bazaar.support.Api.Reply;
import dev.bazaar.support.BazaarTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

import static dev.bazaar.examplebroker.OsbCalls.LARGE;
import static dev.bazaar.examplebroker.OsbCalls.POSTGRES;
import static dev.bazaar.examplebroker.OsbCalls.QUEUE;
import static dev.bazaar.examplebroker.OsbCalls.SMALL;
import static dev.bazaar.examplebroker.OsbCalls.STANDARD;
import static dev.bazaar.examplebroker.OsbCalls.body;
import static org.assertj.core.api.Assertions.assertThat;

@BazaarTest
@TestPropertySource(properties = "bazaar.example-broker.async-seconds=1")
class ExampleBrokerBindingTests {

	@LocalServerPort
	int port;

	OsbCalls osb;

	String instance;

	String binding;

	@BeforeEach
	void setUp() {
		this.osb = OsbCalls.platform(this.port);
		this.instance = "/v2/service_instances/" + UUID.randomUUID();
		this.binding = this.instance + "/service_bindings/" + UUID.randomUUID();
	}

	@Test
	void bindReturnsCredentialsAndUnbindDeletesThem() {
		this.osb.put(this.instance, body(POSTGRES, SMALL, Map.of("version", "16")));

		Reply created = this.osb.put(this.binding, body(POSTGRES, SMALL, Map.of("read_only", true)));
		Reply again = this.osb.put(this.binding, body(POSTGRES, SMALL, Map.of("read_only", true)));
		Reply different = this.osb.put(this.binding, body(POSTGRES, SMALL, Map.of()));
		Reply fetched = this.osb.get(this.binding);
		String query = "?service_id=" + POSTGRES + "&plan_id=" + SMALL;
		Reply unbound = this.osb.delete(this.binding + query);

		assertThat(created.status()).as(created.toString()).isEqualTo(201);
		JsonNode credentials = created.json().get("credentials");
		assertThat(credentials.get("uri").asString()).startsWith("postgresql://ro_");
		assertThat(credentials.get("port").asInt()).isEqualTo(5432);
		for (String field : new String[] { "username", "password", "host", "database" }) {
			assertThat(credentials.get(field).asString()).as(field).isNotBlank();
		}
		assertThat(again.status()).isEqualTo(200);
		assertThat(again.json().get("credentials")).isEqualTo(credentials);
		assertThat(different.status()).isEqualTo(409);
		assertThat(fetched.status()).isEqualTo(200);
		assertThat(fetched.json().get("credentials")).isEqualTo(credentials);
		assertThat(fetched.json().at("/parameters/read_only").asBoolean()).isTrue();
		assertThat(unbound.status()).as(unbound.toString()).isEqualTo(200);
		assertThat(this.osb.delete(this.binding + query).status()).isEqualTo(410);
		assertThat(this.osb.get(this.binding).status()).isEqualTo(404);
	}

	@Test
	void bindsTheLargePlanAsynchronouslyWhenThePlatformAcceptsIt() {
		this.osb.put(this.instance + "?accepts_incomplete=true", body(POSTGRES, LARGE, Map.of("version", "16")));
		this.osb.awaitLastOperation(this.instance + "/last_operation");

		Reply accepted = this.osb.put(this.binding + "?accepts_incomplete=true", body(POSTGRES, LARGE, Map.of()));
		Reply fetchedEarly = this.osb.get(this.binding);
		Reply polled = this.osb.get(this.binding + "/last_operation");
		Reply done = this.osb.awaitLastOperation(this.binding + "/last_operation");
		Reply fetched = this.osb.get(this.binding);
		String query = "?service_id=" + POSTGRES + "&plan_id=" + LARGE + "&accepts_incomplete=true";
		Reply unbinding = this.osb.delete(this.binding + query);
		Reply gone = this.osb.awaitLastOperation(this.binding + "/last_operation");

		assertThat(accepted.status()).as(accepted.toString()).isEqualTo(202);
		assertThat(accepted.json().has("credentials")).isFalse();
		assertThat(fetchedEarly.status()).isEqualTo(404);
		assertThat(polled.json().get("state").asString()).isEqualTo("in progress");
		assertThat(polled.header("Retry-After")).isEqualTo("1");
		assertThat(done.json().get("state").asString()).isEqualTo("succeeded");
		assertThat(fetched.json().at("/credentials/password").asString()).as(fetched.toString()).isNotBlank();
		assertThat(unbinding.status()).isEqualTo(202);
		assertThat(gone.status()).isEqualTo(410);
	}

	@Test
	void refusesToBindTheQueueOrAMissingInstance() {
		this.osb.put(this.instance, body(QUEUE, STANDARD, Map.of()));

		Reply queue = this.osb.put(this.binding, body(QUEUE, STANDARD, Map.of()));
		Reply missing = this.osb.put("/v2/service_instances/nope/service_bindings/b", body(POSTGRES, SMALL, Map.of()));

		assertThat(queue.status()).as(queue.toString()).isEqualTo(400);
		assertThat(missing.status()).isEqualTo(404);
	}

}
