package dev.bazaar.instance;

import java.time.Duration;
import java.util.function.BooleanSupplier;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import dev.bazaar.support.BazaarTest;
import dev.bazaar.support.Browser;
import dev.bazaar.support.Tenants;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/** A customer employee orders, watches, binds and deletes an instance in Chromium. */
@BazaarTest
class InstanceBrowserTests {

	private static final String OPERATION = "provisioning";

	@LocalServerPort
	int port;

	InstanceFixture fixture;

	Browser browser;

	@BeforeEach
	void start() {
		this.fixture = InstanceFixture.start(this.port);
		InstancePagesTests.withSchemaPlan(this.fixture);
		this.browser = Browser.start(this.port);
	}

	@AfterEach
	void stop() {
		this.browser.close();
		this.fixture.close();
	}

	@Test
	void employeeOrdersWatchesBindsAndDeletesAnInstance() {
		brokerProvisionsSlowly();
		this.browser.signIn(this.fixture.customer.identifier() + "-employee", Tenants.PASSWORD);
		this.browser.open("/projects/shop").click("Marketplace");
		assertThat(this.browser.text("main")).contains("fake-database", "configurable", "Free", "Paid");
		this.browser.screenshot("instance-marketplace");

		this.browser.click("fake-database");
		clickAndWait(By.xpath("//tr[contains(., 'configurable')]//a[normalize-space()='Create Instance']"));
		assertThat(this.browser.text("#create-instance")).contains("Storage (GB)", "Owner", "Daily backups", "Labels");
		this.browser.type("displayName", "orders-db")
			.type("parameters.owner", "team-a")
			.type("parameters.storage_gb", "20")
			.select("parameters.engine", "mysql");
		this.browser.screenshot("instance-create-form");
		this.browser.click("Create Instance");

		assertThat(this.browser.path()).startsWith("/projects/shop/instances/");
		assertThat(this.browser.text("#status")).contains("In progress");
		this.browser.screenshot("instance-in-progress");
		WebElement page = this.browser.driver().findElement(By.tagName("html"));
		this.fixture.broker.server().setScenarioState(OPERATION, "done");
		waitFor(() -> this.browser.text("#status").contains("Succeeded"));
		assertThat(ExpectedConditions.stalenessOf(page).apply(this.browser.driver())).as("page reloaded").isFalse();
		assertThat(this.browser.text("#status")).contains("Create", "Succeeded");
		this.browser.screenshot("instance-succeeded");

		this.fixture.stub(InstanceFixture.bind(), 201,
				"{\"credentials\":{\"username\":\"app-user\",\"password\":\"s3cr3t-pw\"}}");
		WebElement bindName = this.browser.driver().findElement(By.id("bind-displayName"));
		bindName.sendKeys("web-app");
		this.browser.click("Create binding");
		assertThat(this.browser.text("h1")).isEqualTo("web-app");
		assertThat(this.browser.driver().getPageSource()).doesNotContain("s3cr3t-pw");
		this.browser.click("Show credentials");
		waitFor(() -> this.browser.text("#credentials").contains("s3cr3t-pw"));
		this.browser.screenshot("instance-binding-credentials");

		this.fixture.stub(InstanceFixture.unbind(), 200, "{}");
		this.fixture.stub(InstanceFixture.deprovision(), 200, "{}");
		this.browser.click("orders-db");
		assertThat(this.browser.text("#bindings")).contains("web-app", "Succeeded");
		this.browser.click("Delete instance");
		assertThat(this.browser.text("#confirm")).contains("Delete orders-db?", "Its binding is deleted first");
		this.browser.screenshot("instance-delete-confirm");
		this.browser.click("Delete");
		assertThat(this.browser.path()).isEqualTo("/projects/shop/instances");
		assertThat(this.browser.text(".flash")).contains("Instance 'orders-db' deleted.");
		assertThat(this.browser.text("main")).doesNotContain("orders-db ").contains("No instances yet");
		this.browser.screenshot("instance-deleted");
	}

	/**
	 * Provision answers 202; last_operation says in progress until the test says done.
	 */
	private void brokerProvisionsSlowly() {
		this.fixture.stub(InstanceFixture.provision(), 202, "{\"operation\":\"op-1\"}");
		var server = this.fixture.broker.server();
		server.stubFor(InstanceFixture.lastOperation()
			.inScenario(OPERATION)
			.whenScenarioStateIs(Scenario.STARTED)
			.willReturn(json("{\"state\":\"in progress\",\"description\":\"creating disks\"}"))
			.willSetStateTo("polled"));
		server.stubFor(InstanceFixture.lastOperation()
			.inScenario(OPERATION)
			.whenScenarioStateIs("polled")
			.willReturn(json("{\"state\":\"in progress\",\"description\":\"installing\"}")));
		server.stubFor(InstanceFixture.lastOperation()
			.inScenario(OPERATION)
			.whenScenarioStateIs("done")
			.willReturn(json("{\"state\":\"succeeded\",\"description\":\"done\"}")));
	}

	private static ResponseDefinitionBuilder json(String body) {
		return WireMock.aResponse().withStatus(200).withHeader("Content-Type", "application/json").withBody(body);
	}

	private void clickAndWait(By target) {
		WebElement page = this.browser.driver().findElement(By.tagName("html"));
		this.browser.driver().findElement(target).click();
		new WebDriverWait(this.browser.driver(), Duration.ofSeconds(10)).until(ExpectedConditions.stalenessOf(page));
	}

	private void waitFor(BooleanSupplier condition) {
		// htmx replaces the live status while it is read: try again with the new element.
		new WebDriverWait(this.browser.driver(), Duration.ofSeconds(20)).ignoring(StaleElementReferenceException.class)
			.until((driver) -> condition.getAsBoolean());
	}

}
