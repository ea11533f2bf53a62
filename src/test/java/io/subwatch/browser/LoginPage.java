package io.subwatch.browser;

import java.time.Duration;

import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/** The login form, driven like a user: type the name and password, press the button, wait for the next page. */
public final class LoginPage {

	/** The first admin of the test profile (application-test.properties). */
	public static final String ADMIN = "admin";

	public static final String ADMIN_PASSWORD = "test-admin-password";

	private final WebDriver driver;

	private final String baseUrl;

	public LoginPage(WebDriver driver, String baseUrl) {
		this.driver = driver;
		this.baseUrl = baseUrl;
	}

	public LoginPage open() {
		this.driver.get(this.baseUrl + "/login");
		waitFor(By.id("login-form"));
		return this;
	}

	/** Submits the form; returns once the browser has left the login page, or shows an error on it. */
	public void submit(String username, String password) {
		waitFor(By.id("username")).clear();
		this.driver.findElement(By.id("username")).sendKeys(username);
		this.driver.findElement(By.id("password")).sendKeys(password);
		this.driver.findElement(By.id("login-submit")).click();
		new WebDriverWait(this.driver, Duration.ofSeconds(10))
			.until(ExpectedConditions.or(ExpectedConditions.not(ExpectedConditions.urlContains("/login")),
					ExpectedConditions.presenceOfElementLocated(By.id("login-error")),
					ExpectedConditions.presenceOfElementLocated(By.id("login-throttled"))));
	}

	/** Signs in from wherever the browser is (opening the form first when it is not shown). */
	public void signIn(String username, String password) {
		if (this.driver.findElements(By.id("login-form")).isEmpty()) {
			open();
		}
		submit(username, password);
	}

	public boolean showsError() {
		return !this.driver.findElements(By.id("login-error")).isEmpty();
	}

	private org.openqa.selenium.WebElement waitFor(By locator) {
		return new WebDriverWait(this.driver, Duration.ofSeconds(10))
			.until(ExpectedConditions.visibilityOfElementLocated(locator));
	}

}
