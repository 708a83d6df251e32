package dev.bazaar.publishing;

import java.util.Map;

import dev.bazaar.support.Api;
import dev.bazaar.support.BazaarTest;
import dev.bazaar.support.Browser;
import dev.bazaar.support.FakeBroker;
import dev.bazaar.support.Tenants;
import dev.bazaar.support.Tenants.TestCustomer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A broker's journey to other customers' marketplaces in headless Chromium: published to
 * a location over trusted TLS, approved by a partner admin, deactivated by its owner.
 */
@BazaarTest
class PublishingBrowserTests extends PublishingFixture {

	Browser browser;

	@BeforeEach
	void startTheBrowser() {
		this.browser = Browser.start(this.port);
	}

	@AfterEach
	void closeTheBrowser() {
		this.browser.close();
	}

	@Test
	void aPublishedBrokerReachesOtherCustomersOnceApprovedAndLeavesWhenDeactivated() {
		TestCustomer consumer = Tenants.aCustomer(this.port);
		String marketplace = consumerWithGlobalMarketplace(consumer);
		String broker = "pub-" + this.owner.identifier();

		this.browser.signIn(this.owner.adminUsername(), Tenants.PASSWORD);
		register(broker);
		assertThat(this.browser.text("#publications")).contains("Not published to any location yet");

		this.browser.click("Publish to a location");
		fillIn(this.fake.url());
		this.browser.click("Publish");
		assertThat(this.browser.text("main form")).contains("must start with https://");
		wholePage();
		this.browser.screenshot("publishing-publish-http-refused");

		fillIn(this.published.url());
		this.browser.click("Publish");
		assertThat(this.browser.path()).isEqualTo("/service-brokers/" + broker);
		assertThat(this.browser.text(".flash")).contains("Published to location 'global'");
		assertThat(this.browser.text("#publications")).contains("global", this.published.url(), "tls-user",
				"Pending approval");
		this.browser.driver().findElement(By.cssSelector("#publications details.confirm summary")).click();
		assertThat(this.browser.text(".confirm-popover")).contains("Revoke the publication to global?");
		this.browser.screenshot("publishing-broker-pending-revoke");
		this.browser.click("Revoke");
		assertThat(this.browser.text(".flash")).contains("revoked");
		assertThat(this.browser.text("#publications")).contains("Not published to any location yet");

		this.browser.click("Publish to a location");
		fillIn(this.published.url());
		this.browser.click("Publish");
		this.browser.signOut();

		this.browser.signIn("admin", "admin-password");
		this.browser.click("Approvals");
		String card = "#approval-" + broker + "-global";
		assertThat(this.browser.text(card)).contains("MySQL", broker, this.owner.identifier(), this.published.url(),
				"fake-database", "small");
		this.browser.screenshot("publishing-approvals");
		this.browser.driver().findElement(By.cssSelector(card + " .decision button.button-primary")).click();
		assertThat(this.browser.text(".flash")).contains("now in the marketplace of location 'global'");
		this.browser.screenshot("publishing-approved");
		this.browser.signOut();

		// The project marketplace page is another branch's; the consumer's view is
		// checked
		// through the JSON API it will use.
		this.browser.signIn(consumer.identifier() + "-employee", Tenants.PASSWORD);
		assertThat(consumer.employee().get(marketplace).body()).contains("fake-database", broker);
		this.browser.signOut();

		this.browser.signIn(this.owner.adminUsername(), Tenants.PASSWORD);
		this.browser.open("/service-brokers/" + broker);
		assertThat(this.browser.text("#publications")).contains("Approved");
		assertThat(this.browser.driver().findElements(By.id("delete"))).isEmpty();
		this.browser.type("confirm", "MySQL");
		wholePage();
		this.browser.screenshot("publishing-deactivate");
		this.browser.click("Deactivate broker");
		assertThat(this.browser.text(".flash")).contains("deactivated");
		assertThat(this.browser.text(".subtitle")).contains("Deactivated");
		assertThat(this.browser.text("main")).doesNotContain("Publish to a location", "Refresh Catalog",
				"Deactivate broker");
		this.browser.screenshot("publishing-deactivated");
		assertThat(consumer.employee().get(marketplace).body()).doesNotContain(this.fake.serviceId());
	}

	private String consumerWithGlobalMarketplace(TestCustomer consumer) {
		String projects = "/api/customers/" + consumer.identifier() + "/projects";
		assertThat(consumer.admin().post(projects, Map.of("identifier", "app", "displayName", "App")).status())
			.isEqualTo(201);
		Api.Reply added = consumer.admin().put(projects + "/app/marketplaces/global", null);
		assertThat(added.status()).as(added.toString()).isBetween(200, 204);
		String marketplace = projects + "/app/marketplace/services";
		assertThat(consumer.employee().get(marketplace).body()).doesNotContain(this.fake.serviceId());
		return marketplace;
	}

	private void register(String broker) {
		this.browser.click("Service Brokers").click("Register Service Broker");
		this.browser.type("name", "MySQL")
			.type("identifier", broker)
			.type("endpoint", this.fake.url())
			.type("username", FakeBroker.USERNAME)
			.type("password", "broker-secret");
		this.browser.click("Register");
		assertThat(this.browser.path()).isEqualTo("/service-brokers/" + broker);
	}

	private void fillIn(String endpoint) {
		this.browser.select("location", "global")
			.type("endpoint", endpoint)
			.type("username", "tls-user")
			.type("password", "tls-password");
	}

	// Tall enough that a screenshot shows the whole page.
	private void wholePage() {
		this.browser.driver().manage().window().setSize(new Dimension(1280, 1800));
	}

}
