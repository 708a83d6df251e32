package dev.bazaar.instance;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import dev.bazaar.support.Api;
import dev.bazaar.support.Eventually;
import dev.bazaar.support.PostgresTest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Instances and bindings go through their lifecycle on PostgreSQL: provision at once and
 * asynchronously, update, bind with encrypted credentials, unbind and delete.
 */
@PostgresTest
class InstancePersistencePostgresTests {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Test
	void runsOnPostgres() {
		assertThat(this.jdbc.sql("select version()").query(String.class).single()).startsWith("PostgreSQL");
	}

	@Test
	void provisionsBindsAndDeletesAnInstanceAtOnce() {
		try (InstanceFixture fixture = InstanceFixture.start(this.port)) {
			fixture.stub(InstanceFixture.provision(), 201, "{\"dashboard_url\":\"https://dash/1\"}");
			assertThat(fixture.create("db", Map.of("size", 2)).status()).isEqualTo(201);
			String id = fixture.createdId("db");
			JsonNode instance = fixture.instance(id);
			assertThat(instance.get("status").asString()).isEqualTo("SUCCEEDED");
			assertThat(instance.get("dashboardUrl").asString()).isEqualTo("https://dash/1");
			assertThat(instance.get("parameters").get("size").asInt()).isEqualTo(2);

			fixture.stub(InstanceFixture.update(), 200, "{}");
			assertThat(fixture.user()
				.patch("/api/service-instances/" + id,
						Map.of("planId", fixture.broker.planId(2), "parameters", Map.of("size", 3)))
				.status()).isEqualTo(200);
			assertThat(fixture.instance(id).get("planId").asString()).isEqualTo(fixture.broker.planId(2));

			fixture.stub(InstanceFixture.bind(), 201, "{\"credentials\":{\"password\":\"pg-secret\"}}");
			Api.Reply bind = fixture.bind(id, "app");
			assertThat(bind.status()).as(bind.toString()).isEqualTo(201);
			String bindingId = bind.json().get("id").asString();
			assertThat(fixture.user()
				.get("/api/service-instances/" + id + "/bindings/" + bindingId)
				.json()
				.get("credentials")
				.get("password")
				.asString()).isEqualTo("pg-secret");
			assertThat(this.jdbc.sql("select credentials_encrypted from service_binding where id = ?")
				.param(UUID.fromString(bindingId))
				.query(String.class)
				.single()).doesNotContain("pg-secret");

			fixture.stub(InstanceFixture.unbind(), 200, "{}");
			fixture.stub(InstanceFixture.deprovision(), 200, "{}");
			assertThat(fixture.user().delete("/api/service-instances/" + id).status()).isEqualTo(204);
			assertThat(fixture.user().get("/api/service-instances/" + id).status()).isEqualTo(404);
			assertThat(this.jdbc.sql("select count(*) from service_binding where instance_id = ?")
				.param(UUID.fromString(id))
				.query(Long.class)
				.single()).isZero();
		}
	}

	@Test
	void provisionsBindsAndDeletesAsynchronously() {
		try (InstanceFixture fixture = InstanceFixture.start(this.port, InstanceFixture::retrievable)) {
			fixture.stub(InstanceFixture.provision(), 202, "{\"operation\":\"create 1\"}");
			fixture.stubInTurn(InstanceFixture::lastOperation, "200 {\"state\":\"in progress\"}",
					"200 {\"state\":\"succeeded\"}");
			assertThat(fixture.create("db").status()).isEqualTo(202);
			String id = fixture.createdId("db");
			assertThat(fixture.settled(id).get("status").asString()).isEqualTo("SUCCEEDED");

			fixture.stub(InstanceFixture.bind(), 202, "{}");
			fixture.stub(InstanceFixture.bindingLastOperation(), 200, "{\"state\":\"succeeded\"}");
			fixture.stub(BindingTableTests.fetchBinding(), 200, "{\"credentials\":{\"password\":\"later\"}}");
			assertThat(fixture.bind(id, "app").status()).isEqualTo(202);
			String bindingId = fixture.onlyBindingId(id);
			JsonNode binding = fixture.settledBinding(id, bindingId);
			assertThat(binding.get("status").asString()).isEqualTo("SUCCEEDED");
			assertThat(binding.get("credentials").get("password").asString()).isEqualTo("later");

			fixture.stub(InstanceFixture.unbind(), 202, "{}");
			fixture.stub(InstanceFixture.deprovision(), 202, "{}");
			fixture.stub(InstanceFixture.lastOperation(), 410, "{}");
			assertThat(fixture.user().delete("/api/service-instances/" + id).status()).isEqualTo(202);
			fixture.settled(id);
			assertThat(fixture.user().get("/api/service-instances/" + id).status()).isEqualTo(404);
			assertThat(this.jdbc.sql("select count(*) from instance_task where instance_id = ?")
				.param(UUID.fromString(id))
				.query(Long.class)
				.single()).isZero();
		}
	}

	@Test
	void mitigatesAFailedProvision() {
		try (InstanceFixture fixture = InstanceFixture.start(this.port)) {
			fixture.stub(InstanceFixture.provision(), 500, "{}");
			fixture.stub(InstanceFixture.deprovision(), 200, "{}");
			assertThat(fixture.create("db").status()).isEqualTo(502);
			String id = fixture.createdId("db");

			JsonNode after = Eventually.until(() -> fixture.instance(id),
					(node) -> node.get("lastOperation").get("description").asString().contains("confirmed"),
					Duration.ofSeconds(10));
			assertThat(after.get("status").asString()).isEqualTo("FAILED");
			assertThat(fixture.deprovisionsOf(id)).isEqualTo(1);
		}
	}

}
