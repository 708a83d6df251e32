package dev.bazaar.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Comparator;
import java.util.stream.Stream;

import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A headless Chromium that browses Bazaar on {@code http://localhost:port}. Uses the
 * system's {@code /usr/bin/chromium} and {@code /usr/bin/chromedriver}; start one per
 * test and {@link #close()} it afterwards.
 */
public final class Browser implements AutoCloseable {

	private static final Path SCREENSHOTS = Path.of("target", "screenshots");

	private final ChromeDriver driver;

	private final Path profile;

	private final String baseUrl;

	private Browser(ChromeDriver driver, Path profile, String baseUrl) {
		this.driver = driver;
		this.profile = profile;
		this.baseUrl = baseUrl;
	}

	/** Starts a fresh browser, with its own empty profile, for the app on the port. */
	public static Browser start(int port) {
		try {
			Path profile = Files.createTempDirectory("bazaar-chromium-");
			ChromeOptions options = new ChromeOptions();
			options.setBinary("/usr/bin/chromium");
			options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
					"--disable-component-update", "--disable-dev-shm-usage", "--no-first-run", "--disable-sync",
					"--window-size=1280,900", "--user-data-dir=" + profile.toAbsolutePath());
			ChromeDriverService service = new ChromeDriverService.Builder()
				.usingDriverExecutable(Path.of("/usr/bin/chromedriver").toFile())
				.usingAnyFreePort()
				.build();
			ChromeDriver driver = new ChromeDriver(service, options);
			driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
			return new Browser(driver, profile, "http://localhost:" + port);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	public WebDriver driver() {
		return this.driver;
	}

	/** Opens a path of the app, such as {@code /projects}. */
	public Browser open(String path) {
		this.driver.get(this.baseUrl + path);
		return this;
	}

	/** Signs in through the sign-in page. */
	public Browser signIn(String username, String password) {
		open("/login");
		type("username", username);
		type("password", password);
		click("Sign in");
		return this;
	}

	/** Signs out with the header's button. */
	public Browser signOut() {
		click("Sign out");
		return this;
	}

	/** Replaces the text of the input named {@code name}. */
	public Browser type(String name, String text) {
		WebElement input = this.driver.findElement(By.name(name));
		input.clear();
		input.sendKeys(text);
		return this;
	}

	/** Chooses the option with the given value in the select named {@code name}. */
	public Browser select(String name, String value) {
		new Select(this.driver.findElement(By.name(name))).selectByValue(value);
		return this;
	}

	/**
	 * Clicks the button or link with the given text and waits for the next page when it
	 * navigates.
	 */
	public Browser click(String text) {
		WebElement page = this.driver.findElement(By.tagName("html"));
		WebElement target = this.driver.findElement(By.xpath("//button[normalize-space()='" + text
				+ "'] | //a[normalize-space()='" + text + "'] | //input[@type='submit' and @value='" + text + "']"));
		target.click();
		try {
			new WebDriverWait(this.driver, Duration.ofSeconds(10)).until((driver) -> gone(page));
		}
		catch (org.openqa.selenium.TimeoutException ex) {
			// the click did not navigate (an htmx request, for example)
		}
		return this;
	}

	/**
	 * Whether the element has left the document. Chromium answers a question about an
	 * element of a page it is leaving either as stale or, mid-navigation, with "Node with
	 * given id does not belong to the document"; both mean the page is gone.
	 */
	private static boolean gone(WebElement element) {
		try {
			element.isEnabled();
			return false;
		}
		catch (org.openqa.selenium.StaleElementReferenceException ex) {
			return true;
		}
		catch (org.openqa.selenium.WebDriverException ex) {
			if (String.valueOf(ex.getMessage()).contains("does not belong to the document")) {
				return true;
			}
			throw ex;
		}
	}

	/** The path of the current page, without host and query. */
	public String path() {
		return java.net.URI.create(this.driver.getCurrentUrl()).getPath();
	}

	/** The visible text of the page. */
	public String text() {
		return this.driver.findElement(By.tagName("body")).getText();
	}

	/** The visible text of the first element the CSS selector matches. */
	public String text(String cssSelector) {
		return this.driver.findElement(By.cssSelector(cssSelector)).getText();
	}

	/**
	 * Saves a PNG of the window as {@code target/screenshots/<name>.png} and returns its
	 * path.
	 */
	public Path screenshot(String name) {
		try {
			Files.createDirectories(SCREENSHOTS);
			Path target = SCREENSHOTS.resolve(name + ".png");
			Files.copy(this.driver.getScreenshotAs(OutputType.FILE).toPath(), target,
					StandardCopyOption.REPLACE_EXISTING);
			return target;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** Quits Chromium and deletes its profile. */
	@Override
	public void close() {
		try {
			this.driver.quit();
		}
		finally {
			deleteProfile();
		}
	}

	private void deleteProfile() {
		try (Stream<Path> files = Files.walk(this.profile)) {
			files.sorted(Comparator.reverseOrder()).forEach((file) -> file.toFile().delete());
		}
		catch (IOException ex) {
			// a leftover temp directory does no harm
		}
	}

}
