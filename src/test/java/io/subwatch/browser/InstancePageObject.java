package io.subwatch.browser;

import org.openqa.selenium.By;

/** The instance page: timeline, opened sub-step and its log. */
final class InstancePageObject {

	private final BrowserSession browser;

	InstancePageObject(BrowserSession browser) {
		this.browser = browser;
	}

	String title() {
		return this.browser.driver.findElement(By.cssSelector("#instance-summary h1")).getText();
	}

	String selectedSubStep() {
		return this.browser.driver.findElement(By.cssSelector("#timeline .substep.is-selected")).getAttribute("id");
	}

	/** Clicks a sub-step; htmx swaps its detail in and pushes its URL. */
	void openSubStep(int step, int sub) {
		this.browser.driver.findElement(By.cssSelector("#sub-" + step + "-" + sub + " a")).click();
		this.browser.until((d) -> this.browser.path().contains("step=" + step + "&sub=" + sub)
				&& ("sub-" + step + "-" + sub).equals(selectedSubStep()));
	}

	String subStepTitle() {
		return this.browser.driver.findElement(By.cssSelector("#substep h2")).getText();
	}

	String logLine(int number) {
		return this.browser.driver.findElement(By.cssSelector("#L" + number + " .lt")).getText();
	}

	void clickLineNumber(int number) {
		this.browser.driver.findElement(By.cssSelector("#L" + number + " a.ln")).click();
		this.browser.until((d) -> this.browser.path().endsWith("#L" + number));
	}

	String targetId() {
		Object id = this.browser.js("var t = document.querySelector(':target'); return t ? t.id : null;");
		return (id != null) ? id.toString() : null;
	}

	boolean inViewport(String id) {
		return Boolean.TRUE.equals(this.browser.js("var r = document.getElementById(arguments[0])"
				+ ".getBoundingClientRect(); return r.top >= 0 && r.bottom <= window.innerHeight;", id));
	}

}
