package dev.bazaar.examplebroker;

import java.util.Map;
import java.util.UUID;

import dev.bazaar.support.Api.Reply;
import dev.bazaar.support.BazaarTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

import static dev.bazaar.examplebroker.OsbCalls.FAILING;
import static dev.bazaar.examplebroker.OsbCalls.LARGE;
import static dev.bazaar.examplebroker.OsbCalls.POSTGRES;
import static dev.bazaar.examplebroker.OsbCalls.SMALL;
import static dev.bazaar.examplebroker.OsbCalls.body;
import static org.assertj.core.api.Assertions.assertThat;

@BazaarTest
@TestPropertySource(properties = "bazaar.example-broker.async-seconds=1")
class ExampleBrokerInstanceTests {

	static final Map<String, Object> PARAMETERS = Map.of("version", "16", "storage_gb", 20);

	@LocalServerPort
	int port;

	OsbCalls osb;

	String path;

	@BeforeEach
	void setUp() {
		this.osb = OsbCalls.platform(this.port);
		this.path = "/v2/service_instances/" + UUID.randomUUID();
	}

	@Test
	void provisionsTheSmallPlanSynchronouslyAndFetchesIt() {
		Reply created = this.osb.put(this.path, body(POSTGRES, SMALL, PARAMETERS));
		Reply again = this.osb.put(this.path, body(POSTGRES, SMALL, PARAMETERS));
		Reply different = this.osb.put(this.path, body(POSTGRES, SMALL, Map.of("version", "15")));
		Reply fetched = this.osb.get(this.path);

		assertThat(created.status()).as(created.toString()).isEqualTo(201);
		assertThat(created.json().get("dashboard_url").asString()).contains("/example-broker/dashboard/");
		assertThat(created.json().has("operation")).isFalse();
		assertThat(again.status()).isEqualTo(200);
		assertThat(different.status()).as(different.toString()).isEqualTo(409);
		assertThat(fetched.status()).as(fetched.toString()).isEqualTo(200);
		assertThat(fetched.json().get("service_id").asString()).isEqualTo(POSTGRES);
		assertThat(fetched.json().get("plan_id").asString()).isEqualTo(SMALL);
		assertThat(fetched.json().at("/parameters/storage_gb").asInt()).isEqualTo(20);
		assertThat(fetched.json().get("dashboard_url").asString()).isNotBlank();
	}

	@Test
	void provisionsTheLargePlanAsynchronously() {
		Reply accepted = this.osb.put(this.path + "?accepts_incomplete=true", body(POSTGRES, LARGE, PARAMETERS));
		Reply polled = this.osb.get(this.path + "/last_operation");
		Reply resent = this.osb.put(this.path + "?accepts_incomplete=true", body(POSTGRES, LARGE, PARAMETERS));
		Reply fetchedEarly = this.osb.get(this.path);
		Reply done = this.osb.awaitLastOperation(this.path + "/last_operation");

		assertThat(accepted.status()).as(accepted.toString()).isEqualTo(202);
		assertThat(accepted.json().get("operation").asString()).isNotBlank();
		assertThat(accepted.json().get("dashboard_url").asString()).isNotBlank();
		assertThat(polled.json().get("state").asString()).isEqualTo("in progress");
		assertThat(polled.json().get("description").asString()).startsWith("Creating (");
		assertThat(polled.header("Retry-After")).isEqualTo("1");
		assertThat(resent.status()).isEqualTo(202);
		assertThat(resent.json().get("operation")).isEqualTo(accepted.json().get("operation"));
		assertThat(fetchedEarly.status()).isEqualTo(404);
		assertThat(done.json().get("state").asString()).as(done.toString()).isEqualTo("succeeded");
		assertThat(done.header("Retry-After")).isNull();
		assertThat(this.osb.get(this.path).status()).isEqualTo(200);
	}

	@Test
	void refusesTheAsynchronousPlanWithoutAcceptsIncomplete() {
		Reply refused = this.osb.put(this.path, body(POSTGRES, LARGE, PARAMETERS));

		assertThat(refused.status()).as(refused.toString()).isEqualTo(422);
		assertThat(refused.json().get("error").asString()).isEqualTo("AsyncRequired");
		assertThat(this.osb.get(this.path + "/last_operation").status()).isEqualTo(410);
	}

	@Test
	void refusesParametersThatViolateThePlansSchema() {
		Reply tooLarge = this.osb.put(this.path, body(POSTGRES, SMALL, Map.of("version", "16", "storage_gb", 500)));
		Reply noVersion = this.osb.put(this.path, body(POSTGRES, SMALL, Map.of("backups", true)));
		Reply unknownPlan = this.osb.put(this.path, body(POSTGRES, "no-such-plan", PARAMETERS));
		Reply noService = this.osb.put(this.path, Map.of("plan_id", SMALL));

		assertThat(tooLarge.status()).as(tooLarge.toString()).isEqualTo(400);
		assertThat(tooLarge.json().get("description").asString()).contains("storage_gb");
		assertThat(noVersion.status()).isEqualTo(400);
		assertThat(noVersion.json().get("description").asString()).contains("version");
		assertThat(unknownPlan.status()).isEqualTo(400);
		assertThat(noService.status()).isEqualTo(400);
		assertThat(noService.json().get("description").asString()).contains("service_id");
	}

	@Test
	void updatesThePlanAndMergesParameters() {
		this.osb.put(this.path, body(POSTGRES, SMALL, PARAMETERS));

		Reply toLarge = this.osb.patch(this.path + "?accepts_incomplete=true",
				Map.of("service_id", POSTGRES, "plan_id", LARGE, "parameters", Map.of("backups", true)));
		Reply updating = this.osb.get(this.path);
		Reply done = this.osb.awaitLastOperation(this.path + "/last_operation");
		Reply fetched = this.osb.get(this.path);
		Reply toSmall = this.osb.patch(this.path, Map.of("service_id", POSTGRES, "plan_id", SMALL));
		Reply badChange = this.osb.patch(this.path,
				Map.of("service_id", POSTGRES, "parameters", Map.of("version", "14")));

		assertThat(toLarge.status()).as(toLarge.toString()).isEqualTo(202);
		assertThat(updating.status()).isEqualTo(422);
		assertThat(updating.json().get("error").asString()).isEqualTo("ConcurrencyError");
		assertThat(done.json().get("state").asString()).isEqualTo("succeeded");
		assertThat(fetched.json().get("plan_id").asString()).isEqualTo(LARGE);
		assertThat(fetched.json().get("parameters").toString()).contains("\"storage_gb\":20", "\"backups\":true");
		assertThat(toSmall.status()).as(toSmall.toString()).isEqualTo(200);
		assertThat(this.osb.get(this.path).json().get("plan_id").asString()).isEqualTo(SMALL);
		assertThat(badChange.status()).isEqualTo(400);
	}

	@Test
	void theFailingPlanEndsFailedWithADescription() {
		this.osb.put(this.path + "?accepts_incomplete=true", body(POSTGRES, FAILING, Map.of()));

		Reply failed = this.osb.awaitLastOperation(this.path + "/last_operation");

		assertThat(failed.json().get("state").asString()).as(failed.toString()).isEqualTo("failed");
		assertThat(failed.json().get("description").asString()).contains("always fails");
		assertThat(this.osb.get(this.path).status()).isEqualTo(404);
	}

	@Test
	void deprovisionsSynchronouslyThenAnswersGone() {
		this.osb.put(this.path, body(POSTGRES, SMALL, PARAMETERS));
		String query = "?service_id=" + POSTGRES + "&plan_id=" + SMALL;

		Reply withoutIds = this.osb.delete(this.path);
		Reply deleted = this.osb.delete(this.path + query);
		Reply again = this.osb.delete(this.path + query);

		assertThat(withoutIds.status()).isEqualTo(400);
		assertThat(deleted.status()).as(deleted.toString()).isEqualTo(200);
		assertThat(deleted.body()).isEqualTo("{}");
		assertThat(again.status()).isEqualTo(410);
		assertThat(this.osb.get(this.path).status()).isEqualTo(404);
	}

	@Test
	void deprovisionsTheLargePlanAsynchronouslyThenAnswersGone() {
		this.osb.put(this.path + "?accepts_incomplete=true", body(POSTGRES, LARGE, PARAMETERS));
		this.osb.awaitLastOperation(this.path + "/last_operation");
		String query = "?service_id=" + POSTGRES + "&plan_id=" + LARGE;

		Reply refused = this.osb.delete(this.path + query);
		Reply accepted = this.osb.delete(this.path + query + "&accepts_incomplete=true");
		Reply polled = this.osb.get(this.path + "/last_operation");
		Reply gone = this.osb.awaitLastOperation(this.path + "/last_operation");

		assertThat(refused.status()).isEqualTo(422);
		assertThat(accepted.status()).as(accepted.toString()).isEqualTo(202);
		assertThat(accepted.json().get("operation").asString()).startsWith("deprovision-");
		assertThat(polled.json().get("description").asString()).startsWith("Deleting (");
		assertThat(gone.status()).as(gone.toString()).isEqualTo(410);
		assertThat(this.osb.delete(this.path + query).status()).isEqualTo(410);
	}

}
