package dev.bazaar.tenancy;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.UUID;

import dev.bazaar.support.Api;
import dev.bazaar.support.PostgresTest;
import dev.bazaar.tenancy.internal.TenancyRepository;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/** The tenancy module stores and reads back its data on PostgreSQL. */
@PostgresTest
class TenancyPersistencePostgresTests {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	TenancyRepository repository;

	@Autowired
	TenancyManagement tenancy;

	@Test
	void runsOnPostgres() {
		String product = this.jdbc.sql("select version()").query(String.class).single();
		assertThat(product).startsWith("PostgreSQL");
	}

	@Test
	void storesAndReadsBackCustomersUsersProjectsLocationsAndMarketplaces() {
		Api admin = partnerAdmin();
		String customer = unique("acme");
		assertCreated(admin.post("/api/customers", Map.of("identifier", customer, "displayName", "ACME Ltd.")));
		assertCreated(admin.post("/api/customers/" + customer + "/users",
				Map.of("username", customer + "-boss", "password", "boss-password", "role", "CUSTOMER_ADMIN")));
		String location = unique("eu");
		assertCreated(admin.post("/api/locations", Map.of("identifier", location, "displayName", "Europe")));

		Api boss = Api.as(this.port, customer + "-boss", "boss-password");
		assertCreated(boss.post("/api/customers/" + customer + "/projects",
				Map.of("identifier", "shop", "displayName", "Web shop")));
		String marketplaces = "/api/customers/" + customer + "/projects/shop/marketplaces";
		assertThat(boss.put(marketplaces + "/" + location, null).status()).isEqualTo(204);
		assertThat(boss.put(marketplaces + "/global", null).status()).isEqualTo(204);

		assertThat(boss.get("/api/customers/" + customer).json().get("displayName").asString()).isEqualTo("ACME Ltd.");
		assertThat(boss.get("/api/customers/" + customer + "/projects/shop").json().get("displayName").asString())
			.isEqualTo("Web shop");
		assertThat(boss.get(marketplaces).json().findValuesAsString("identifier")).containsExactly(location, "global");
		assertThat(boss.get("/api/locations").json().findValuesAsString("identifier")).contains("global", location);
	}

	@Test
	void readsBackInstantsUuidsAndFlagsAsWritten() {
		Instant createdAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
		Customer customer = new Customer(UUID.randomUUID(), unique("exact"), "Exact", false, createdAt);
		this.repository.insertCustomer(customer);
		assertThat(this.repository.customerById(customer.id())).contains(customer);

		this.tenancy.enablePrivateMarketplace(customer.id());
		assertThat(this.repository.customerByIdentifier(customer.identifier()).orElseThrow().privateMarketplace())
			.isTrue();
	}

	@Test
	void uniqueConstraintsHoldInTheDatabase() {
		String identifier = unique("twice");
		this.repository.insertCustomer(new Customer(UUID.randomUUID(), identifier, "Once", false, Instant.now()));
		assertThatExceptionOfType(DuplicateKeyException.class).isThrownBy(() -> this.repository
			.insertCustomer(new Customer(UUID.randomUUID(), identifier, "Twice", false, Instant.now())));
	}

	@Test
	void duplicateIdentifiersAndUsernamesAnswerConflict() {
		Api admin = partnerAdmin();
		String customer = unique("dup");
		Map<String, String> newCustomer = Map.of("identifier", customer, "displayName", "Dup");
		assertCreated(admin.post("/api/customers", newCustomer));
		assertConflict(admin.post("/api/customers", newCustomer));

		Map<String, String> newUser = Map.of("username", customer + "-admin", "password", "password-1", "role",
				"CUSTOMER_ADMIN");
		assertCreated(admin.post("/api/customers/" + customer + "/users", newUser));
		assertConflict(admin.post("/api/customers/" + customer + "/users", newUser));

		Api customerAdmin = Api.as(this.port, customer + "-admin", "password-1");
		Map<String, String> newProject = Map.of("identifier", "p", "displayName", "P");
		assertCreated(customerAdmin.post("/api/customers/" + customer + "/projects", newProject));
		assertConflict(customerAdmin.post("/api/customers/" + customer + "/projects", newProject));

		assertConflict(admin.post("/api/locations", Map.of("identifier", "global", "displayName", "Again")));
	}

	private Api partnerAdmin() {
		return Api.as(this.port, "admin", "admin-password");
	}

	private static void assertCreated(Api.Reply reply) {
		assertThat(reply.status()).as(reply.toString()).isEqualTo(201);
	}

	private static void assertConflict(Api.Reply reply) {
		assertThat(reply.status()).as(reply.toString()).isEqualTo(409);
		assertThat(reply.contentType()).startsWith("application/problem+json");
	}

	private static String unique(String prefix) {
		return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
	}

}
