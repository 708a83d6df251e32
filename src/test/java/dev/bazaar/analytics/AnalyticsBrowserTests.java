package dev.bazaar.analytics;

import java.time.Clock;
import java.time.Duration;

import dev.bazaar.support.BazaarTest;
import dev.bazaar.support.Browser;
import dev.bazaar.support.Tenants;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A broker owner reads the analytics page of a broker with a week of traffic in Chromium.
 */
@BazaarTest
class AnalyticsBrowserTests extends AnalyticsFixture {

	@Autowired
	Clock clock;

	Browser browser;

	@BeforeEach
	void start() {
		this.scenario.recentWeek(this.clock.instant());
		this.browser = Browser.start(this.port);
	}

	@AfterEach
	void stop() {
		this.browser.close();
	}

	@Test
	void ownerReadsTheChartsAndTablesOfABroker() {
		this.browser.signIn(this.scenario.owner.adminUsername(), Tenants.PASSWORD);
		this.browser.open("/service-brokers/" + this.scenario.identifier).click("Analytics");

		assertThat(this.browser.path()).isEqualTo("/service-brokers/" + this.scenario.identifier + "/analytics");
		waitForCharts();
		assertThat(this.browser.text("h1")).isEqualTo("Analytics");
		// The week's 500 calls and the catalog fetch of the registration.
		assertThat(this.browser.text("#kpi-calls")).isEqualTo("501");
		assertThat(this.browser.text("#operations")).contains("PROVISION_INSTANCE", "FETCH_CATALOG");
		assertThat(this.browser.text("#instances-by-plan")).contains("small", "large");
		assertThat(this.browser.text("#instances-by-status")).contains("Succeeded", "Failed");
		assertThat(this.browser.text("#top-customers")).contains(this.scenario.owner.identifier());
		assertThat(this.browser.text("#top-projects")).contains("web", "shop");
		this.browser.screenshot("analytics-week");
		scrollTo("#chart-calls");
		this.browser.screenshot("analytics-week-charts");
		scrollTo("#operations");
		this.browser.screenshot("analytics-week-tables");

		choosePeriod("24h");
		waitForCharts();
		assertThat(this.browser.driver().getCurrentUrl()).contains("period=24h");
		assertThat(this.browser.text("#kpi-calls")).isEqualTo("73");
		this.browser.screenshot("analytics-day");
	}

	@Test
	void aPeriodThatEndsBeforeItStartsIsExplained() {
		this.browser.signIn(this.scenario.owner.adminUsername(), Tenants.PASSWORD);
		this.browser.open("/service-brokers/" + this.scenario.identifier
				+ "/analytics?period=custom&from=2026-03-02T00:00&to=2026-03-01T00:00");

		assertThat(this.browser.text(".alert")).contains("The period must start before it ends");
		assertThat(this.browser.driver().findElement(By.name("from")).getAttribute("class")).contains("invalid");
		assertThat(this.browser.driver().findElements(By.cssSelector(".uplot"))).isEmpty();
		assertThat(this.browser.driver().findElement(By.name("from")).getAttribute("value"))
			.isEqualTo("2026-03-02T00:00");
		this.browser.screenshot("analytics-refused-period");
	}

	private void choosePeriod(String period) {
		WebElement page = this.browser.driver().findElement(By.tagName("html"));
		new Select(this.browser.driver().findElement(By.name("period"))).selectByValue(period);
		new WebDriverWait(this.browser.driver(), Duration.ofSeconds(10)).until(ExpectedConditions.stalenessOf(page));
	}

	private void scrollTo(String cssSelector) {
		((JavascriptExecutor) this.browser.driver()).executeScript("arguments[0].scrollIntoView()",
				this.browser.driver().findElement(By.cssSelector(cssSelector)));
	}

	private void waitForCharts() {
		new WebDriverWait(this.browser.driver(), Duration.ofSeconds(10))
			.until((driver) -> driver.findElements(By.cssSelector(".uplot canvas")).size() >= 3);
	}

}
