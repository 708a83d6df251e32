package dev.bazaar.audit;

import java.util.Map;

import dev.bazaar.support.Api;
import dev.bazaar.support.BazaarTest;
import dev.bazaar.support.FakeBroker;
import dev.bazaar.support.Tenants;
import dev.bazaar.support.Tenants.TestCustomer;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@BazaarTest
@AutoConfigureMockMvc
class AuditPagesTests {

	@Autowired
	MockMvc mvc;

	@LocalServerPort
	int port;

	@Test
	void showsTheOwnersActionsToItsAdminsOnlyAndRefusesEmployees() throws Exception {
		TestCustomer owner = Tenants.aCustomer(this.port);
		TestCustomer other = Tenants.aCustomer(this.port);
		String broker = "page-" + owner.identifier();
		try (FakeBroker fake = FakeBroker.start()) {
			Api.Reply registered = owner.admin()
				.post("/api/customers/" + owner.identifier() + "/service-brokers", Map.of("name", "Paged", "identifier",
						broker, "endpoint", fake.url(), "username", "u", "password", "p", "developmentMode", false));
			assertThat(registered.status()).as(registered.toString()).isEqualTo(201);
		}

		this.mvc
			.perform(get("/audit").accept(MediaType.TEXT_HTML).with(httpBasic(owner.adminUsername(), Tenants.PASSWORD)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString(broker)))
			.andExpect(content().string(containsString("REGISTERED")));
		this.mvc
			.perform(get("/audit").accept(MediaType.TEXT_HTML).with(httpBasic(other.adminUsername(), Tenants.PASSWORD)))
			.andExpect(status().isOk())
			.andExpect(content().string(not(containsString(broker))));
		this.mvc
			.perform(get("/audit").accept(MediaType.TEXT_HTML)
				.with(httpBasic(owner.identifier() + "-employee", Tenants.PASSWORD)))
			.andExpect(status().isForbidden());
	}

}
