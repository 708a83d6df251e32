package dev.bazaar.broker;

import java.net.URI;

import dev.bazaar.support.BazaarTest;
import dev.bazaar.support.Browser;
import dev.bazaar.support.FakeBroker;
import dev.bazaar.support.Tenants;
import dev.bazaar.support.Tenants.TestCustomer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import com.github.tomakehurst.wiremock.client.WireMock;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;

import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

@BazaarTest
class BrokerBrowserTests {

	@LocalServerPort
	int port;

	Browser browser;

	FakeBroker fake;

	@BeforeEach
	void start() {
		this.browser = Browser.start(this.port);
		this.fake = FakeBroker.start();
	}

	@AfterEach
	void stop() {
		this.browser.close();
		this.fake.close();
	}

	@Test
	void customerAdminRegistersABrokerAndReadsItsCommunicationLog() {
		TestCustomer customer = Tenants.aCustomer(this.port);
		String identifier = "mysql-" + customer.identifier();
		this.browser.signIn(customer.adminUsername(), Tenants.PASSWORD);
		this.browser.click("Service Brokers");
		assertThat(this.browser.text("main")).contains("No service brokers yet");
		this.browser.click("Register Service Broker");
		assertThat(this.browser.path()).isEqualTo("/service-brokers/new");

		fillIn("Bad Id", "broker:user");
		this.browser.click("Register");
		assertThat(this.browser.text()).contains("'Bad Id' is not allowed", "must not contain a colon");
		this.browser.screenshot("broker-register-invalid");

		this.fake.serveCatalog("{\"services\": [{\"name\": \"broken\", \"plans\": []}]}");
		fillIn(identifier, FakeBroker.USERNAME);
		this.browser.click("Register");
		assertThat(this.browser.text(".alert")).contains("nothing was saved", "services[0].plans");
		this.browser.screenshot("broker-register-invalid-catalog");

		this.fake.serveCatalog(this.fake.catalog());
		fillIn(identifier, FakeBroker.USERNAME);
		this.browser.click("Register");
		assertThat(this.browser.path()).isEqualTo("/service-brokers/" + identifier);
		assertThat(this.browser.text(".flash")).contains("Service broker 'MySQL' registered");
		assertThat(this.browser.text("#catalog")).contains("fake-database", "small", "large", "free", "paid",
				this.fake.planId(1));
		assertThat(this.browser.text("#changes")).contains("Added", "fake-database");
		wholePage();
		this.browser.screenshot("broker-page");

		this.browser.click("Communication logs");
		assertThat(this.browser.path()).isEqualTo("/service-brokers/" + identifier + "/logs");
		assertThat(this.browser.text("table")).contains("FETCH_CATALOG", "GET", "200");
		this.browser.screenshot("broker-logs");

		String detail = this.browser.driver().findElement(By.cssSelector("table.logs tbody a")).getAttribute("href");
		this.browser.open(URI.create(detail).getPath());
		assertThat(this.browser.text("#request")).contains("Authorization", "Basic ****")
			.doesNotContain("broker-secret");
		assertThat(this.browser.text("#response")).contains("\"fake-database\"");
		wholePage();
		this.browser.screenshot("broker-log-detail");

		this.browser.open("/service-brokers");
		assertThat(this.browser.text("table")).contains("MySQL", identifier, this.fake.url(), "Active");
		this.browser.screenshot("broker-list");

		this.fake.stub(WireMock.get("/v2/catalog"), 503, "{\"description\": \"maintenance until noon\"}");
		this.browser.click("MySQL").click("Refresh Catalog");
		assertThat(this.browser.text(".flash-error")).contains("the last good catalog stays in use",
				"maintenance until noon");
		assertThat(this.browser.text("#catalog")).contains("fake-database");
		this.browser.screenshot("broker-refresh-failed");
	}

	// Tall enough that a screenshot shows the whole page.
	private void wholePage() {
		this.browser.driver().manage().window().setSize(new Dimension(1280, 2600));
	}

	private void fillIn(String identifier, String username) {
		this.browser.type("name", "MySQL")
			.type("identifier", identifier)
			.type("endpoint", this.fake.url())
			.type("username", username)
			.type("password", "broker-secret");
	}

}
