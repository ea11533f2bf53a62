package io.subwatch.browser;

import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.interactions.Actions;

/** The pages' keyboard shortcuts and time zone switch, used as a reader does: keys to the focused element, clicks. */
final class KeyboardPageObject {

	private final BrowserSession browser;

	KeyboardPageObject(BrowserSession browser) {
		this.browser = browser;
	}

	/** Types keys into whatever has the focus (the page itself when nothing does). */
	KeyboardPageObject press(CharSequence... keys) {
		new Actions(this.browser.driver).sendKeys(keys).perform();
		return this;
	}

	/** Takes the focus out of any field, as a click on the page's background would. */
	KeyboardPageObject leaveFields() {
		this.browser.js("if (document.activeElement) { document.activeElement.blur(); }");
		return this;
	}

	/** The id of the table row the keys selected, or "" when none is. */
	String selectedRow() {
		Object id = this.browser.js("var r = document.querySelector('#host-rows tr.is-selected'); return r ? r.id : '';");
		return String.valueOf(id);
	}

	void waitForSelectedRow(long recordId) {
		this.browser.until((d) -> ("row-" + recordId).equals(selectedRow()));
	}

	/** The id of the focused element's row (the host link in it has the focus), or "". */
	String focusedRow() {
		Object id = this.browser.js("var e = document.activeElement; var r = e && e.closest ? e.closest('tr') : null;"
				+ " return r ? r.id : '';");
		return String.valueOf(id);
	}

	String focusedId() {
		return String.valueOf(this.browser.js("return document.activeElement ? document.activeElement.id : '';"));
	}

	boolean shortcutsOpen() {
		return Boolean.TRUE.equals(this.browser.js("var d = document.getElementById('shortcuts'); return !!(d && d.open);"));
	}

	String shortcutsText() {
		return this.browser.driver.findElement(By.id("shortcuts")).getText();
	}

	void closeShortcuts() {
		press(Keys.ESCAPE);
		this.browser.until((d) -> !shortcutsOpen());
	}

	boolean livePaused() {
		return "true".equals(this.browser.driver.findElement(By.id("live-toggle")).getDomAttribute("aria-pressed"));
	}

	/** Sends a key event as the page would get it with a modifier held (the driver's own chords reach the browser). */
	void dispatchWithCtrl(String key) {
		this.browser.js("document.body.dispatchEvent(new KeyboardEvent('keydown', {key: arguments[0], ctrlKey: true,"
				+ " bubbles: true, cancelable: true}));", key);
	}

	/** Clicks the time zone switch ({@code local}, {@code utc}, {@code server}) and waits for the page again. */
	void chooseZone(String zone) {
		this.browser.driver.findElement(By.id("zone-" + zone)).click();
		this.browser.until((d) -> ("true".equals(d.findElement(By.id("zone-" + zone)).getDomAttribute("aria-current"))));
		this.browser.waitForReady();
	}

	String zoneLabel() {
		return text("#zone-label");
	}

	/** The start time a row shows. */
	String startOf(long recordId) {
		return text("#row-" + recordId + " td.col-time time");
	}

	String hostName(long recordId) {
		return text("#row-" + recordId + " a.host-link");
	}

	/** The start column's heading as written (the stylesheet shows headings in capitals). */
	String startHeading() {
		return text("#hosts thead th.col-time");
	}

	/**
	 * An element's text, whitespace collapsed, read in one script: the live refresh swaps the table while the page is
	 * open, so an element found first and read after could be gone (stale) by then. Waits until the element is there.
	 */
	private String text(String selector) {
		return this.browser.until((d) -> (String) this.browser.js("var e = document.querySelector(arguments[0]);"
				+ " return e ? e.textContent.replace(/\\s+/g, ' ').trim() : null;", selector));
	}

}
