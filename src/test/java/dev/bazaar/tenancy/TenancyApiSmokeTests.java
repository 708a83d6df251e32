package dev.bazaar.tenancy;

import java.util.Map;

import dev.bazaar.support.Api;
import dev.bazaar.support.BazaarTest;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

@BazaarTest
class TenancyApiSmokeTests {

	@LocalServerPort
	int port;

	@Test
	void partnerAdminCreatesACustomer() {
		Api admin = Api.as(this.port, "admin", "admin-password");
		Api.Reply reply = admin.post("/api/customers", Map.of("identifier", "smoke", "displayName", "Smoke Inc."));
		assertThat(reply.status()).as(reply.toString()).isEqualTo(201);
		assertThat(admin.get("/api/customers/smoke").json().get("displayName").asString()).isEqualTo("Smoke Inc.");
	}

}
