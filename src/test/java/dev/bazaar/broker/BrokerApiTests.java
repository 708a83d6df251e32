package dev.bazaar.broker;

import java.util.Map;

import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.http.Fault;
import dev.bazaar.shared.crypto.SecretCipher;
import dev.bazaar.support.Api;
import dev.bazaar.support.BazaarTest;
import dev.bazaar.support.FakeBroker;
import dev.bazaar.support.Tenants;
import dev.bazaar.support.Tenants.TestCustomer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

@BazaarTest
@ExtendWith(OutputCaptureExtension.class)
class BrokerApiTests extends BrokerFixture {

	static final String PASSWORD = "p:ss wörd ✓ with spaces";

	@Autowired
	JdbcClient jdbc;

	@Autowired
	SecretCipher cipher;

	@Test
	void registersABrokerAfterFetchingItsCatalog() {
		Api.Reply reply = register("mysql-" + this.customer.identifier(), this.fake.url());

		assertThat(reply.status()).as(reply.toString()).isEqualTo(201);
		assertThat(reply.json().get("name").asString()).isEqualTo("MySQL");
		assertThat(reply.json().get("customer").asString()).isEqualTo(this.customer.identifier());
		assertThat(reply.json().get("status").asString()).isEqualTo("ACTIVE");
		assertThat(reply.json().get("catalogFetchedAt").isNull()).isFalse();
		assertThat(reply.json().has("password")).isFalse();
		assertThat(reply.body()).doesNotContain(PASSWORD);
		this.fake.server()
			.verify(WireMock.getRequestedFor(WireMock.urlEqualTo("/v2/catalog"))
				.withBasicAuth(
						new com.github.tomakehurst.wiremock.client.BasicCredentials(FakeBroker.USERNAME, PASSWORD))
				.withHeader("X-Broker-API-Version", WireMock.equalTo("2.14"))
				.withHeader("X-Broker-API-Request-Identity", WireMock.matching("[0-9a-f-]{36}")));
	}

	@Test
	void keepsThePasswordEncryptedAtRest() {
		String identifier = "enc-" + this.customer.identifier();
		assertThat(register(identifier, this.fake.url()).status()).isEqualTo(201);

		String stored = this.jdbc.sql("select password_encrypted from service_broker where identifier = ?")
			.param(identifier)
			.query(String.class)
			.single();
		assertThat(stored).doesNotContain(PASSWORD).startsWith("v1:");
		assertThat(this.cipher.decrypt(stored)).isEqualTo(PASSWORD);
	}

	@Test
	void neverWritesThePasswordToTheApplicationLog(CapturedOutput output) {
		String identifier = "quiet-" + this.customer.identifier();
		assertThat(register(identifier, this.fake.url()).status()).isEqualTo(201);
		this.fake.stub(WireMock.get("/v2/catalog"), 401, "{}");
		this.customer.admin().post("/api/service-brokers/" + identifier + "/catalog/refresh", null);
		register("quiet-2-" + this.customer.identifier(), "http://localhost:1");

		assertThat(output.getAll()).doesNotContain(PASSWORD)
			.doesNotContain(java.util.Base64.getEncoder()
				.encodeToString(
						(FakeBroker.USERNAME + ":" + PASSWORD).getBytes(java.nio.charset.StandardCharsets.UTF_8)));
	}

	@Test
	void firstBrokerCreatesThePrivateMarketplace() {
		Api admin = this.customer.admin();
		admin.post("/api/customers/" + this.customer.identifier() + "/projects",
				Map.of("identifier", "web", "displayName", "Web"));
		String marketplace = "/api/customers/" + this.customer.identifier() + "/projects/web/marketplaces/private";
		assertThat(admin.put(marketplace, null).status()).isEqualTo(404);

		assertThat(register("pm-" + this.customer.identifier(), this.fake.url()).status()).isEqualTo(201);

		assertThat(admin.put(marketplace, null).status()).isEqualTo(204);
	}

	@Test
	void refusesAUsernameWithAColonWithThatReason() {
		Map<String, Object> body = registration("colon-" + this.customer.identifier(), this.fake.url(), PASSWORD);
		body.put("username", "user:name");

		Api.Reply reply = this.customer.admin().post(brokersPath(), body);

		assertThat(reply.status()).isEqualTo(400);
		assertThat(reply.json().get("errors").get(0).get("field").asString()).isEqualTo("username");
		assertThat(reply.json().get("detail").asString()).contains("colon");
		assertThat(this.fake.catalogRequests()).isZero();
	}

	@Test
	void refusesAnIdentifierOfTheWrongFormSayingWhichCharactersAreAllowed() {
		Api.Reply reply = register("My_Broker", this.fake.url());

		assertThat(reply.status()).isEqualTo(400);
		assertThat(reply.json().get("detail").asString()).contains("lowercase letters a-z, digits 0-9 and hyphens");
	}

	@Test
	void refusesAnEndpointThatIsNotHttp() {
		Api.Reply reply = register("ftp-" + this.customer.identifier(), "ftp://localhost/broker");

		assertThat(reply.status()).isEqualTo(400);
		assertThat(reply.json().get("errors").get(0).get("message").asString())
			.isEqualTo("must start with http:// or https://");
	}

	@Test
	void refusesATakenIdentifierEvenOfAnotherCustomer() {
		String identifier = "taken-" + this.customer.identifier();
		assertThat(register(identifier, this.fake.url()).status()).isEqualTo(201);
		TestCustomer other = Tenants.aCustomer(this.port);

		Api.Reply reply = other.admin()
			.post("/api/customers/" + other.identifier() + "/service-brokers",
					registration(identifier, this.fake.url(), PASSWORD));

		assertThat(reply.status()).isEqualTo(409);
		assertThat(reply.json().get("detail").asString()).contains("taken");
	}

	@Test
	void refusesAnUnreachableBrokerAndStoresNothing() {
		String identifier = "down-" + this.customer.identifier();
		Api.Reply reply = register(identifier, "http://localhost:1");

		assertThat(reply.status()).isEqualTo(422);
		assertThat(reply.json().get("detail").asString()).contains("could not fetch the catalog");
		assertThat(this.customer.admin().get("/api/service-brokers/" + identifier).status()).isEqualTo(404);
	}

	@Test
	void saysTheBrokerRefusedTheCredentialsOn401() {
		this.fake.stub(WireMock.get("/v2/catalog"), 401, "{}");

		Api.Reply reply = register("unauth-" + this.customer.identifier(), this.fake.url());

		assertThat(reply.status()).isEqualTo(422);
		assertThat(reply.json().get("detail").asString()).contains("refused the credentials");
	}

	@Test
	void refusesAnotherStatusThan200() {
		this.fake.stub(WireMock.get("/v2/catalog"), 500, "{\"description\":\"database down\"}");

		Api.Reply reply = register("err-" + this.customer.identifier(), this.fake.url());

		assertThat(reply.status()).isEqualTo(422);
		assertThat(reply.json().get("detail").asString()).contains("HTTP 500").contains("database down");
	}

	@Test
	void refusesABrokerThatTimesOut() {
		this.fake.server()
			.stubFor(WireMock.get("/v2/catalog").willReturn(WireMock.okJson(this.fake.catalog()).withFixedDelay(8000)));

		Api.Reply reply = register("slow-" + this.customer.identifier(), this.fake.url());

		assertThat(reply.status()).isEqualTo(422);
		assertThat(reply.json().get("detail").asString()).contains("did not answer");
	}

	@Test
	void refusesAGarbledAnswer() {
		this.fake.server()
			.stubFor(WireMock.get("/v2/catalog")
				.willReturn(WireMock.aResponse().withFault(Fault.RANDOM_DATA_THEN_CLOSE)));

		Api.Reply reply = register("garbled-" + this.customer.identifier(), this.fake.url());

		assertThat(reply.status()).isEqualTo(422);
	}

	@Test
	void listsEveryErrorOfAnInvalidCatalogWithItsPath() {
		this.fake.serveCatalog("""
				{"services": [
				  {"name": "a", "id": "s-%1$s-1", "description": "d", "bindable": true,
				   "plans": [{"id": "p-%1$s-1", "name": "small", "description": "d"}]},
				  {"name": "b", "id": "s-%1$s-2", "description": "d", "bindable": true,
				   "plans": [{"name": "small", "description": "d"}]}
				]}""".formatted(this.customer.identifier()));

		Api.Reply reply = register("invalid-" + this.customer.identifier(), this.fake.url());

		assertThat(reply.status()).isEqualTo(422);
		assertThat(reply.json().get("detail").asString()).contains("services[1].plans[0].id");
		assertThat(reply.json().get("errors").get(0).get("field").asString()).isEqualTo("services[1].plans[0].id");
	}

	@Test
	void showsBrokersOnlyToTheirOwnersAdminsAndPartnerAdmins() {
		String identifier = "own-" + this.customer.identifier();
		register(identifier, this.fake.url());
		TestCustomer other = Tenants.aCustomer(this.port);

		assertThat(this.customer.admin().get("/api/service-brokers/" + identifier).status()).isEqualTo(200);
		assertThat(Tenants.partnerAdmin(this.port).get("/api/service-brokers/" + identifier).status()).isEqualTo(200);
		assertThat(this.customer.employee().get("/api/service-brokers/" + identifier).status()).isEqualTo(403);
		assertThat(other.admin().get("/api/service-brokers/" + identifier).status()).isEqualTo(404);
		assertThat(other.admin().get("/api/service-brokers/" + identifier + "/catalog").status()).isEqualTo(404);
		assertThat(other.admin().get("/api/customers/" + this.customer.identifier() + "/service-brokers").status())
			.isEqualTo(404);
		assertThat(
				this.customer.admin().get("/api/customers/" + this.customer.identifier() + "/service-brokers").json())
			.hasSize(1);
	}

	@Test
	void renamesWithoutCallingTheBroker() {
		String identifier = "rename-" + this.customer.identifier();
		register(identifier, this.fake.url());

		Api.Reply reply = this.customer.admin().patch("/api/service-brokers/" + identifier, Map.of("name", "Renamed"));

		assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
		assertThat(reply.json().get("name").asString()).isEqualTo("Renamed");
		assertThat(this.fake.catalogRequests()).isEqualTo(1);
	}

	@Test
	void triesANewEndpointBeforeSavingIt() {
		String identifier = "move-" + this.customer.identifier();
		register(identifier, this.fake.url());

		Api.Reply refused = this.customer.admin()
			.patch("/api/service-brokers/" + identifier, Map.of("endpoint", "http://localhost:1"));
		assertThat(refused.status()).isEqualTo(422);
		assertThat(this.customer.admin().get("/api/service-brokers/" + identifier).json().get("endpoint").asString())
			.isEqualTo(this.fake.url());

		try (FakeBroker moved = FakeBroker.start()) {
			moved.serveCatalog(this.fake.catalog());
			Api.Reply reply = this.customer.admin()
				.patch("/api/service-brokers/" + identifier, Map.of("endpoint", moved.url(), "password", "new"));
			assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
			assertThat(reply.json().get("endpoint").asString()).isEqualTo(moved.url());
			assertThat(moved.catalogRequests()).isEqualTo(1);
		}
	}

	@Test
	void refusesToChangeTheIdentifier() {
		String identifier = "fixed-" + this.customer.identifier();
		register(identifier, this.fake.url());

		Api.Reply reply = this.customer.admin()
			.patch("/api/service-brokers/" + identifier, Map.of("identifier", "other-" + identifier));

		assertThat(reply.status()).isEqualTo(422);
		assertThat(reply.json().get("detail").asString()).contains("cannot change");
	}

	@Test
	void deletesOnlyWithTheNameConfirmedAndSendsNothingToTheBroker() {
		String identifier = "gone-" + this.customer.identifier();
		register(identifier, this.fake.url());
		int requestsBefore = this.fake.server().getAllServeEvents().size();

		assertThat(this.customer.admin().delete("/api/service-brokers/" + identifier + "?confirm=wrong").status())
			.isEqualTo(422);
		assertThat(this.customer.admin().delete("/api/service-brokers/" + identifier + "?confirm=MySQL").status())
			.isEqualTo(204);

		assertThat(this.customer.admin().get("/api/service-brokers/" + identifier).status()).isEqualTo(404);
		assertThat(this.fake.server().getAllServeEvents()).hasSize(requestsBefore);
		String logs = "/api/service-brokers/" + identifier + "/communication-logs";
		assertThat(this.customer.admin().get(logs).status()).isEqualTo(404);
		Api.Reply kept = Tenants.partnerAdmin(this.port).get(logs);
		assertThat(kept.status()).as(kept.toString()).isEqualTo(200);
		assertThat(kept.json().get("items").get(0).get("operationType").asString()).isEqualTo("FETCH_CATALOG");
		assertThat(register(identifier, this.fake.url()).status()).isEqualTo(201);
	}

	@Test
	void servesTheCatalogAndRefreshesItOnDemand() {
		String identifier = "cat-" + this.customer.identifier();
		register(identifier, this.fake.url());

		Api.Reply catalog = this.customer.admin().get("/api/service-brokers/" + identifier + "/catalog");
		assertThat(catalog.status()).isEqualTo(200);
		assertThat(catalog.json().get("services").get(0).get("name").asString()).isEqualTo("fake-database");
		assertThat(catalog.json().get("services").get(0).get("plans")).hasSize(2);

		this.fake.serveCatalog(this.fake.catalog().replace("A large database", "A larger database"));
		Api.Reply refreshed = this.customer.admin()
			.post("/api/service-brokers/" + identifier + "/catalog/refresh", null);
		assertThat(refreshed.status()).as(refreshed.toString()).isEqualTo(200);
		assertThat(refreshed.body()).contains("A larger database");
	}

	@Test
	void keepsTheLastGoodCatalogWhenARefreshFails() {
		String identifier = "keep-" + this.customer.identifier();
		register(identifier, this.fake.url());
		this.fake.stub(WireMock.get("/v2/catalog"), 503, "{}");

		Api.Reply refresh = this.customer.admin().post("/api/service-brokers/" + identifier + "/catalog/refresh", null);

		assertThat(refresh.status()).isEqualTo(422);
		Api.Reply catalog = this.customer.admin().get("/api/service-brokers/" + identifier + "/catalog");
		assertThat(catalog.json().get("services")).hasSize(1);
		assertThat(this.customer.admin()
			.get("/api/service-brokers/" + identifier)
			.json()
			.get("lastCatalogError")
			.asString()).contains("HTTP 503");
	}

	@Test
	void onlyCustomerAdminsRegister() {
		Api.Reply reply = this.customer.employee()
			.post(brokersPath(), registration("emp-x", this.fake.url(), PASSWORD));

		assertThat(reply.status()).isEqualTo(403);
	}

	private Api.Reply register(String identifier, String endpoint) {
		return this.customer.admin().post(brokersPath(), registration(identifier, endpoint, PASSWORD));
	}

}
