package io.subwatch.browser;

import org.openqa.selenium.By;

/** The confirmation page of retry or terminate. */
final class ConfirmPageObject {

	private final BrowserSession browser;

	ConfirmPageObject(BrowserSession browser) {
		this.browser = browser;
	}

	String count() {
		return this.browser.driver.findElement(By.id("confirm-count")).getText();
	}

	String excluded() {
		return this.browser.driver.findElement(By.id("confirm-excluded")).getText();
	}

	void reason(String text) {
		this.browser.driver.findElement(By.id("reason")).sendKeys(text);
	}

	SubscriptionPageObject submit() {
		this.browser.driver.findElement(By.id("confirm-submit")).click();
		this.browser.until((d) -> !d.findElements(By.id("flash")).isEmpty());
		this.browser.waitForReady();
		return new SubscriptionPageObject(this.browser);
	}

}
