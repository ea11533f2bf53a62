package io.subwatch.browser;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.logging.Level;

import io.subwatch.support.Fixtures;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The security pages in a real browser: signing in through the login form (a wrong password first), the admin pages
 * (a user, an API application and its one-time secret), a share link created and opened in a browser without a
 * session, and signing out. Every page is screenshotted under target/screenshots/, and no page may log a
 * Content-Security-Policy violation.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class SecurityBrowserIT {

	private static WebDriver driver;

	@LocalServerPort
	int port;

	@Autowired
	Fixtures fixtures;

	@BeforeAll
	static void startBrowser() {
		ChromeOptions options = new ChromeOptions();
		options.setBinary("/usr/bin/chromium");
		options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
				"--window-size=1280,900", "--lang=en-US");
		LoggingPreferences logs = new LoggingPreferences();
		logs.enable(LogType.BROWSER, Level.ALL);
		options.setCapability("goog:loggingPrefs", logs);
		ChromeDriverService service = new ChromeDriverService.Builder()
			.usingDriverExecutable(new File("/usr/bin/chromedriver"))
			.build();
		driver = new ChromeDriver(service, options);
	}

	@AfterAll
	static void stopBrowser() {
		if (driver != null) {
			driver.quit();
		}
	}

	@Test
	void adminSignsInManagesAccountsSharesAndSignsOut() throws Exception {
		String base = "http://localhost:" + this.port;
		driver.get(base + "/admin/users");
		wait(By.id("login-form"));
		screenshot("security-01-login");

		LoginPage login = new LoginPage(driver, base);
		login.submit(LoginPage.ADMIN, "not the password");
		assertThat(login.showsError()).isTrue();
		screenshot("security-02-login-failed");

		login.submit(LoginPage.ADMIN, LoginPage.ADMIN_PASSWORD);
		wait(By.id("users"));
		assertThat(driver.getCurrentUrl()).endsWith("/admin/users?continue");
		screenshot("security-03-users");

		long bizId = this.fixtures.newBizId();
		String username = "operator" + bizId;
		driver.findElement(By.id("username")).sendKeys(username);
		driver.findElement(By.id("password")).sendKeys("operator password");
		new Select(driver.findElement(By.id("role"))).selectByValue("OPERATOR");
		driver.findElement(By.id("businesses")).sendKeys(String.valueOf(bizId));
		driver.findElement(By.id("user-create-submit")).click();
		wait(By.id("user-update"));
		assertThat(driver.findElement(By.id("notice")).getText()).contains(username);
		screenshot("security-04-user-created");

		driver.findElement(By.id("nav-applications")).click();
		wait(By.id("application-create"));
		driver.findElement(By.id("appCode")).sendKeys("executor-" + bizId);
		driver.findElement(By.id("description")).sendKeys("reports biz " + bizId);
		driver.findElement(By.id("write")).sendKeys(String.valueOf(bizId));
		driver.findElement(By.id("application-create-submit")).click();
		wait(By.id("application-secret"));
		assertThat(driver.findElement(By.id("application-secret-value")).getDomProperty("value")).hasSize(43);
		screenshot("security-05-application-secret");
		driver.navigate().refresh();
		wait(By.id("application-update"));
		assertThat(driver.findElements(By.id("application-secret"))).as("shown once").isEmpty();

		long subscriptionId = this.fixtures.subscription(bizId);
		this.fixtures.task(subscriptionId, this.fixtures.hosts(bizId, 2));
		driver.get(base + "/subscriptions/" + subscriptionId + "/share-links");
		wait(By.id("share-create"));
		driver.findElement(By.id("share-create-submit")).click();
		wait(By.id("share-created"));
		String shareUrl = driver.findElement(By.id("share-created-url")).getDomProperty("value");
		assertThat(shareUrl).startsWith(base + "/s/");
		assertThat(driver.findElements(By.cssSelector("#share-links tbody tr"))).hasSize(1);
		screenshot("security-06-share-links");

		driver.findElement(By.id("logout")).click();
		wait(By.id("login-logged-out"));
		screenshot("security-07-signed-out");

		driver.manage().deleteAllCookies();
		driver.get(shareUrl);
		new WebDriverWait(driver, Duration.ofSeconds(10))
			.until(ExpectedConditions.urlToBe(base + "/subscriptions/" + subscriptionId));
		driver.get(base + "/admin/users");
		assertThat(driver.getPageSource()).doesNotContain("id=\"users\"");

		driver.manage().deleteAllCookies();
		driver.get(base + "/s/" + "x".repeat(43));
		wait(By.id("share-ended"));
		screenshot("security-08-share-link-not-valid");
		assertNoCspViolations();
	}

	private static void wait(By locator) {
		new WebDriverWait(driver, Duration.ofSeconds(10)).until(ExpectedConditions.presenceOfElementLocated(locator));
	}

	private static void assertNoCspViolations() {
		List<String> violations = driver.manage()
			.logs()
			.get(LogType.BROWSER)
			.getAll()
			.stream()
			.map(LogEntry::getMessage)
			.filter((message) -> message.contains("Content Security Policy"))
			.toList();
		assertThat(violations).isEmpty();
	}

	private static void screenshot(String name) throws Exception {
		Path dir = Path.of("target", "screenshots");
		Files.createDirectories(dir);
		File shot = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE);
		Files.copy(shot.toPath(), dir.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
	}

}
