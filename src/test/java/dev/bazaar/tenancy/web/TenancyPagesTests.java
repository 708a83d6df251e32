package dev.bazaar.tenancy.web;

import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import dev.bazaar.support.Api;
import dev.bazaar.support.BazaarTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@BazaarTest
@AutoConfigureMockMvc
class TenancyPagesTests {

	private static final AtomicInteger counter = new AtomicInteger();

	@Autowired
	MockMvc mvc;

	@LocalServerPort
	int port;

	@Test
	void rendersTheSignInPage() throws Exception {
		this.mvc.perform(get("/login").accept(MediaType.TEXT_HTML))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Sign in to Bazaar")))
			.andExpect(content().string(containsString("name=\"_csrf\"")))
			.andExpect(content().string(matchesPattern("(?s).*src=\"/webjars/htmx.org/[0-9.]+/dist/htmx.min.js\".*")));
	}

	@Test
	void sendsAnonymousVisitorsToTheSignInPage() throws Exception {
		this.mvc.perform(get("/projects").accept(MediaType.TEXT_HTML))
			.andExpect(status().is3xxRedirection())
			.andExpect(redirectedUrl("/login"));
	}

	@Test
	void sendsEachRoleHome() throws Exception {
		this.mvc.perform(page(get("/"), "admin", "admin-password")).andExpect(redirectedUrl("/customers"));
		Tenant tenant = aCustomerWithUsers();
		this.mvc.perform(page(get("/"), tenant.employee(), "password-1")).andExpect(redirectedUrl("/projects"));
	}

	@Test
	void showsABadIdentifierBesideItsFieldAndStoresNothing() throws Exception {
		int before = admin().get("/api/customers").json().size();
		this.mvc
			.perform(page(post("/customers"), "admin", "admin-password").param("identifier", "Bad Id")
				.param("displayName", "Bad Inc."))
			.andExpect(status().isOk())
			.andExpect(content().string(matchesPattern(
					"(?s).*<input[^>]*id=\"identifier\"[^>]*class=\"invalid\"[^>]*>\\s*<p class=\"field-error\">&#39;Bad Id&#39; is not allowed; use 1 to 63 characters.*")))
			.andExpect(content().string(containsString("value=\"Bad Inc.\"")));
		assertThat(admin().get("/api/customers").json().size()).isEqualTo(before);
	}

	@Test
	void createsACustomerAndShowsItsPage() throws Exception {
		String identifier = "pages-" + counter.incrementAndGet();
		this.mvc
			.perform(page(post("/customers"), "admin", "admin-password").param("identifier", identifier)
				.param("displayName", "Pages Inc."))
			.andExpect(redirectedUrl("/customers/" + identifier));
		this.mvc.perform(page(get("/customers/" + identifier), "admin", "admin-password"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Pages Inc.")));
	}

	@Test
	void forbidsEmployeesTheCustomersPageWithoutExceptionText() throws Exception {
		Tenant tenant = aCustomerWithUsers();
		this.mvc.perform(page(get("/customers"), tenant.employee(), "password-1"))
			.andExpect(status().isForbidden())
			.andExpect(content().string(containsString("Not allowed")))
			.andExpect(content().string(not(containsString("Only partner administrators"))))
			.andExpect(content().string(not(containsString("Exception"))));
	}

	@Test
	void answersAnotherCustomersProjectWithNotFound() throws Exception {
		Tenant mine = aCustomerWithUsers();
		Tenant theirs = aCustomerWithUsers();
		Api.as(this.port, theirs.admin(), "password-1")
			.post("/api/customers/" + theirs.customer() + "/projects",
					Map.of("identifier", "secret", "displayName", "Secret"));
		for (String path : new String[] { "/projects/secret",
				"/customers/" + theirs.customer() + "/projects/secret" }) {
			this.mvc.perform(page(get(path), mine.admin(), "password-1"))
				.andExpect(status().isNotFound())
				.andExpect(content().string(containsString("Page not found")))
				.andExpect(content().string(not(containsString("Secret"))))
				.andExpect(content().string(not(containsString("has no project"))));
		}
		this.mvc.perform(page(get("/projects/secret"), theirs.employee(), "password-1"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Secret")));
	}

	@Test
	void customerAdminAddsAMarketplaceToAProject() throws Exception {
		Tenant tenant = aCustomerWithUsers();
		this.mvc
			.perform(page(post("/projects"), tenant.admin(), "password-1").param("identifier", "shop")
				.param("displayName", "Shop"))
			.andExpect(redirectedUrl("/projects/shop"));
		this.mvc
			.perform(page(post("/projects/shop/marketplaces"), tenant.admin(), "password-1").param("marketplace",
					"private"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Choose one of the marketplaces offered here")));
		this.mvc.perform(
				page(post("/projects/shop/marketplaces"), tenant.admin(), "password-1").param("marketplace", "global"))
			.andExpect(redirectedUrl("/projects/shop"));
		this.mvc.perform(page(get("/projects/shop"), tenant.employee(), "password-1"))
			.andExpect(content().string(containsString("<span class=\"code\">global</span>")))
			.andExpect(content().string(not(containsString("Add marketplace"))));
	}

	@Test
	void answersUnknownAddressesWithThePageOrAProblem() throws Exception {
		this.mvc.perform(page(get("/no-such-page"), "admin", "admin-password"))
			.andExpect(status().isNotFound())
			.andExpect(content().string(containsString("Page not found")));
		this.mvc.perform(page(get("/projects/shop/marketplaces"), "admin", "admin-password"))
			.andExpect(status().isMethodNotAllowed())
			.andExpect(content().string(containsString("<h1>Method Not Allowed</h1>")));
		this.mvc.perform(get("/api/no-such-thing").with(httpBasic("admin", "admin-password")))
			.andExpect(status().isNotFound())
			.andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON));
	}

	private MockHttpServletRequestBuilder page(MockHttpServletRequestBuilder request, String username,
			String password) {
		return request.accept(MediaType.TEXT_HTML).with(httpBasic(username, password)).with(csrf());
	}

	private Api admin() {
		return Api.as(this.port, "admin", "admin-password");
	}

	private Tenant aCustomerWithUsers() {
		String customer = "tenant-" + counter.incrementAndGet();
		admin().post("/api/customers", Map.of("identifier", customer, "displayName", "Tenant " + customer));
		admin().post("/api/customers/" + customer + "/users",
				Map.of("username", customer + "-admin", "password", "password-1", "role", "CUSTOMER_ADMIN"));
		admin().post("/api/customers/" + customer + "/users",
				Map.of("username", customer + "-employee", "password", "password-1", "role", "CUSTOMER_EMPLOYEE"));
		return new Tenant(customer, customer + "-admin", customer + "-employee");
	}

	private record Tenant(String customer, String admin, String employee) {
	}

}
