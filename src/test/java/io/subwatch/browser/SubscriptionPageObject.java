package io.subwatch.browser;

import java.util.List;

import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/** The subscription page, as a reader uses it. */
final class SubscriptionPageObject {

	private final BrowserSession browser;

	SubscriptionPageObject(BrowserSession browser) {
		this.browser = browser;
	}

	SubscriptionPageObject open(long subscriptionId, String query) {
		this.browser.open("/subscriptions/" + subscriptionId + query);
		return this;
	}

	String counter(String status) {
		List<WebElement> counter = this.browser.driver.findElements(By.cssSelector("#counter-" + status + " strong"));
		return counter.isEmpty() ? "" : counter.get(0).getText();
	}

	void waitForCounter(String status, String value) {
		this.browser.until((d) -> value.equals(counter(status)));
	}

	void clickCounter(String status) {
		String before = this.browser.path();
		this.browser.driver.findElement(By.id("counter-" + status)).click();
		this.browser.until((d) -> !this.browser.path().equals(before));
		this.browser.waitForReady();
	}

	/** Follows a link of the page (a matrix cell, a failure cluster) and waits for the page it leads to. */
	void clickLink(By link) {
		String before = this.browser.path();
		this.browser.driver.findElement(link).click();
		this.browser.until((d) -> !this.browser.path().equals(before));
		this.browser.waitForReady();
	}

	List<String> hostNames() {
		return this.browser.driver.findElements(By.cssSelector("#host-rows .host-link"))
			.stream()
			.map(WebElement::getText)
			.toList();
	}

	String rowText(long recordId) {
		return this.browser.driver.findElement(By.id("row-" + recordId)).getText();
	}

	void typeSearch(String text) {
		WebElement search = this.browser.driver.findElement(By.id("q"));
		search.clear();
		search.sendKeys(text);
	}

	String searchText() {
		return this.browser.driver.findElement(By.id("q")).getDomProperty("value");
	}

	void apply() {
		String before = this.browser.path();
		this.browser.driver.findElement(By.id("apply")).click();
		this.browser.until((d) -> !this.browser.path().equals(before));
		this.browser.waitForReady();
	}

	String notFound() {
		return this.browser.driver.findElement(By.id("not-found")).getText();
	}

	InstancePageObject openHost(String name) {
		String before = this.browser.path();
		// the host's link in the table (the panels above it name sample hosts too, linking to their newest record)
		this.browser.driver.findElement(By.cssSelector("#host-rows"))
			.findElement(By.linkText(name))
			.click();
		this.browser.until((d) -> !this.browser.path().equals(before));
		this.browser.waitForReady();
		return new InstancePageObject(this.browser);
	}

	String liveStatus() {
		return this.browser.driver.findElement(By.id("live-status")).getText();
	}

	boolean polling() {
		return !this.browser.driver.findElements(By.cssSelector("#counters[hx-trigger]")).isEmpty();
	}

	ConfirmPageObject clickAction(String id) {
		this.browser.driver.findElement(By.id(id)).click();
		this.browser.until((d) -> !d.findElements(By.id("confirm")).isEmpty());
		this.browser.waitForReady();
		return new ConfirmPageObject(this.browser);
	}

	String flash() {
		return this.browser.driver.findElement(By.id("flash")).getText();
	}

}
