package io.subwatch.browser;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Map;

import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedCondition;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * One headless Chromium for a test class: Debian's binary and driver set explicitly (nothing is downloaded), a
 * 1280×800 window, signed in through the login form as the test admin, waits on conditions only, and a screenshot
 * of every page visited in target/screenshots.
 */
final class BrowserSession implements AutoCloseable {

	static final Path SCREENSHOTS = Path.of("target/screenshots");

	static final Dimension DESKTOP = new Dimension(1280, 800);

	static final Dimension PHONE = new Dimension(390, 844);

	final WebDriver driver;

	final String baseUrl;

	BrowserSession(int port, String language) {
		ChromeOptions options = new ChromeOptions();
		options.setBinary("/usr/bin/chromium");
		options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
				"--window-size=1280,800", "--disable-background-networking", "--disable-component-update",
				"--no-first-run", "--disable-sync", "--lang=" + language);
		options.setExperimentalOption("prefs", Map.of("intl.accept_languages", language));
		ChromeDriverService service = new ChromeDriverService.Builder()
			.usingDriverExecutable(new File("/usr/bin/chromedriver"))
			.build();
		this.driver = new ChromeDriver(service, options);
		this.baseUrl = "http://localhost:" + port;
		// every page needs a signed-in user: sign in through the real login form, as an operator would
		new LoginPage(this.driver, this.baseUrl).signIn(LoginPage.ADMIN, LoginPage.ADMIN_PASSWORD);
	}

	/** Opens a page and waits until htmx and the page script are ready. */
	void open(String path) {
		this.driver.get(this.baseUrl + path);
		waitForReady();
	}

	void waitForReady() {
		until((d) -> Boolean.TRUE.equals(js("return document.readyState === 'complete' && !!window.htmx")));
	}

	<T> T until(ExpectedCondition<T> condition) {
		// a live refresh may replace an element between finding and reading it: look again
		return new WebDriverWait(this.driver, Duration.ofSeconds(15)).ignoring(StaleElementReferenceException.class)
			.until(condition);
	}

	Object js(String script, Object... args) {
		return ((JavascriptExecutor) this.driver).executeScript(script, args);
	}

	String path() {
		return this.driver.getCurrentUrl().substring(this.baseUrl.length());
	}

	/** Saves the whole page (the window grows to the page's height for the shot) as target/screenshots/name.png. */
	void screenshot(String name) {
		Dimension size = this.driver.manage().window().getSize();
		long height = ((Number) js("return Math.max(document.body.scrollHeight, window.innerHeight)")).longValue();
		this.driver.manage().window().setSize(new Dimension(size.getWidth(), (int) Math.min(4000, height + 120)));
		try {
			File shot = ((TakesScreenshot) this.driver).getScreenshotAs(OutputType.FILE);
			Files.createDirectories(SCREENSHOTS);
			Files.copy(shot.toPath(), SCREENSHOTS.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		finally {
			this.driver.manage().window().setSize(size);
		}
	}

	void resize(Dimension size) {
		this.driver.manage().window().setSize(size);
	}

	@Override
	public void close() {
		this.driver.quit();
	}

}
