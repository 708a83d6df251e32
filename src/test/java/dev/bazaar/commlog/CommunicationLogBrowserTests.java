package dev.bazaar.commlog;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.function.Predicate;

import dev.bazaar.support.BazaarTest;
import dev.bazaar.support.Browser;
import dev.bazaar.support.Tenants;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

@BazaarTest
class CommunicationLogBrowserTests {

	static final Instant T0 = Instant.parse("2026-11-27T10:00:00Z");

	@LocalServerPort
	int port;

	@Autowired
	CommunicationLogs logs;

	@Autowired
	BrokerDirectory brokers;

	LogFixture fixture;

	Browser browser;

	@BeforeEach
	void start() {
		this.fixture = new LogFixture(this.port, this.logs, this.brokers);
		this.fixture.log(T0.plusSeconds(1), OperationType.PROVISION_INSTANCE, 201, this.fixture.fake.planId(1),
				"inst-alpha", null);
		this.fixture.log(T0.plusSeconds(2), OperationType.BIND, 422, null, "inst-alpha", "eu");
		this.fixture.log(T0.plusSeconds(3), OperationType.BIND, 201, this.fixture.fake.planId(2), "inst-beta", null,
				"https://broker.example/v2/service_instances/inst-beta/service_bindings/b1",
				"{\"credentials\":{\"password\":\"binding-secret\"}}");
		this.fixture.log(T0.plusSeconds(4), OperationType.DEPROVISION_INSTANCE, 503, null, "inst-gamma", "eu");
		this.browser = Browser.start(this.port);
		// The viewer is in Berlin: 10:00:0xZ shows as 11:00:0x.
		((ChromeDriver) this.browser.driver()).executeCdpCommand("Emulation.setTimezoneOverride",
				Map.of("timezoneId", "Europe/Berlin"));
	}

	@AfterEach
	void stop() {
		this.browser.close();
		this.fixture.close();
	}

	@Test
	void narrowsTheListAsTheAdminTypesAndOpensACallInFull() {
		this.browser.signIn(this.fixture.customer.adminUsername(), Tenants.PASSWORD);
		this.browser.open("/service-brokers/" + this.fixture.identifier() + "/logs");
		waitFor((results) -> results.contains("2026-11-27 11:00:04") && results.contains("Europe/Berlin"));
		assertThat(this.browser.driver().getCurrentUrl()).contains("zone=Europe%2FBerlin");
		assertThat(rows()).isEqualTo(5);
		this.browser.screenshot("commlog-list");

		replace("instanceId", "inst-alpha");
		waitFor((results) -> !results.contains("inst-gamma"));
		assertThat(rows()).isEqualTo(2);
		clear("instanceId");
		waitFor((results) -> results.contains("inst-gamma"));

		this.browser.select("operationType", "BIND");
		waitFor((results) -> !results.contains("inst-gamma") && !results.contains("PROVISION_INSTANCE"));
		assertThat(rows()).isEqualTo(2);

		replace("responseCode", "4xx");
		waitFor((results) -> !results.contains("inst-beta"));
		assertThat(rows()).isEqualTo(1);
		replace("responseCode", ">abc");
		waitFor("#responseCode-error", (message) -> message.contains("is not understood"));
		assertThat(rows()).as("the last results stay").isEqualTo(1);
		assertThat(this.browser.text("#log-results")).contains("inst-alpha");
		assertThat(this.browser.driver().getCurrentUrl()).contains("responseCode=4xx");
		this.browser.screenshot("commlog-bad-criterion");
		clear("responseCode");
		waitFor("#responseCode-error", String::isEmpty);
		waitFor((results) -> results.contains("inst-beta"));

		this.browser.select("location", "private");
		waitFor((results) -> !results.contains("inst-alpha"));
		this.browser.select("location", "");
		replace("planId", this.fixture.fake.planId(2));
		waitFor((results) -> results.contains("inst-beta") && !results.contains("inst-alpha"));
		clear("planId");
		replace("before", "2026-11-27 11:00:02");
		waitFor((results) -> !results.contains("inst-beta") && results.contains("inst-alpha"));
		assertThat(this.browser.driver().getCurrentUrl()).contains("operationType=BIND", "before=2026-11-27")
			.doesNotContain("planId=");
		replace("before", "2026-11-2");
		waitFor("#before-error", (message) -> message.contains("is not a date and time"));
		assertThat(this.browser.text("#log-results")).contains("inst-alpha");
		this.browser.screenshot("commlog-bad-date");

		// A bookmark renders the same search.
		this.browser.open("/service-brokers/" + this.fixture.identifier()
				+ "/logs?zone=Europe/Berlin&operationType=BIND&before=2026-11-27%2011:00:02");
		assertThat(rows()).isEqualTo(1);
		clear("before");
		waitFor((results) -> results.contains("inst-beta"));
		this.browser.driver().findElement(By.cssSelector("tr:has(td) .info-link")).click();
		waitFor("main", (page) -> page.contains("Request identity"));
		assertThat(this.browser.text("main"))
			.contains("2026-11-27 11:00:03.000 (Europe/Berlin)", "large", this.fixture.fake.planId(2), "inst-beta",
					"Basic ****", "\"password\" : \"****\"")
			.doesNotContain("binding-secret");
		this.browser.screenshot("commlog-detail");
	}

	@Test
	void loadsMoreAsTheAdminScrolls() {
		for (int i = 0; i < 120; i++) {
			this.fixture.log(T0.minusSeconds(100 + i), OperationType.FETCH_INSTANCE, 200, null, "inst-" + i, null);
		}
		this.browser.signIn(this.fixture.customer.adminUsername(), Tenants.PASSWORD);
		this.browser.open("/service-brokers/" + this.fixture.identifier() + "/logs?zone=Europe/Berlin");
		assertThat(rows()).isEqualTo(50);

		for (int expected : new int[] { 100, 125 }) {
			((ChromeDriver) this.browser.driver()).executeScript("window.scrollTo(0, document.body.scrollHeight)");
			new WebDriverWait(this.browser.driver(), Duration.ofSeconds(10)).until((driver) -> rows() >= expected);
		}
		assertThat(this.browser.driver().findElements(By.cssSelector("tr.load-more"))).isEmpty();
		assertThat(this.browser.text("#log-results")).contains("inst-119");
	}

	// As a person does: select all and type over it, so that the search never sees the
	// field empty in between.
	private void replace(String name, String text) {
		this.browser.driver().findElement(By.name(name)).sendKeys(Keys.chord(Keys.CONTROL, "a"), text);
	}

	// As a person does: select all and delete, which the search hears.
	private void clear(String name) {
		this.browser.driver().findElement(By.name(name)).sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.BACK_SPACE);
	}

	private int rows() {
		return this.browser.driver().findElements(By.cssSelector("#log-results tbody tr:not(.load-more)")).size();
	}

	private void waitFor(Predicate<String> results) {
		waitFor("#log-results", results);
	}

	private void waitFor(String selector, Predicate<String> text) {
		// The results may be swapped while they are read.
		new WebDriverWait(this.browser.driver(), Duration.ofSeconds(10)).ignoring(StaleElementReferenceException.class)
			.until((driver) -> text.test(this.browser.text(selector)));
	}

}
