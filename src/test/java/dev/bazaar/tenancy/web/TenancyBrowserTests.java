package dev.bazaar.tenancy.web;

import dev.bazaar.support.BazaarTest;
import dev.bazaar.support.Browser;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

@BazaarTest
class TenancyBrowserTests {

	@LocalServerPort
	int port;

	Browser browser;

	@BeforeEach
	void startBrowser() {
		this.browser = Browser.start(this.port);
	}

	@AfterEach
	void quitBrowser() {
		this.browser.close();
	}

	@Test
	void customerAdminCreatesAProjectAndAddsTheGlobalMarketplace() {
		this.browser.signIn("admin", "admin-password");
		assertThat(this.browser.path()).isEqualTo("/customers");
		this.browser.type("identifier", "Acme Corp").type("displayName", "Acme Corporation").click("Create customer");
		assertThat(this.browser.text(".field-error")).contains("'Acme Corp' is not allowed");
		this.browser.screenshot("tenancy-customer-invalid");

		this.browser.type("identifier", "acme").click("Create customer");
		assertThat(this.browser.path()).isEqualTo("/customers/acme");
		assertThat(this.browser.text(".flash")).contains("Customer 'Acme Corporation' created.");
		this.browser.type("username", "alice")
			.type("password", "alice-password")
			.select("role", "CUSTOMER_ADMIN")
			.click("Create user");
		assertThat(this.browser.text("table")).contains("alice").contains("Admin");
		this.browser.screenshot("tenancy-customer");
		this.browser.signOut();
		assertThat(this.browser.text()).contains("You have signed out.");

		this.browser.signIn("alice", "alice-password");
		assertThat(this.browser.path()).isEqualTo("/projects");
		assertThat(this.browser.text("nav")).contains("Service Brokers", "Users", "Projects")
			.doesNotContain("Customers");
		this.browser.type("identifier", "web-shop").type("displayName", "Web shop").click("Create project");
		assertThat(this.browser.path()).isEqualTo("/projects/web-shop");
		this.browser.select("marketplace", "global").click("Add marketplace");
		assertThat(this.browser.text(".flash")).contains("Marketplace 'global' added.");
		assertThat(this.browser.text("#marketplaces")).contains("global");
		this.browser.screenshot("tenancy-project");
		this.browser.open("/projects");
		assertThat(this.browser.text("table")).contains("web-shop", "Web shop");
		this.browser.screenshot("tenancy-projects");

		this.browser.open("/projects/unknown");
		assertThat(this.browser.text("main")).contains("404", "Page not found");
		this.browser.open("/no-such-page");
		assertThat(this.browser.text("main")).contains("404", "Page not found");
		assertThat(this.browser.text("nav")).contains("Projects");
		this.browser.screenshot("tenancy-not-found");
	}

	@Test
	void showsWrongCredentialsOnTheSignInPage() {
		this.browser.signIn("admin", "wrong-password");
		assertThat(this.browser.text()).contains("The username or password is wrong.");
		this.browser.screenshot("tenancy-sign-in-failed");
	}

}
