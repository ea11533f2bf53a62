package io.subwatch.browser;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import io.subwatch.result.OperatorActions;
import io.subwatch.support.Fixtures;
import io.subwatch.support.ResultScenario;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.chrome.ChromeDriver;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every page in both languages at desktop and phone width, switched through the language links: the screenshots in
 * target/screenshots are for looking at, the assertions check that the page speaks the chosen language and that
 * nothing overflows the window sideways.
 */
@BrowserTest
class PagesTourBrowserIT {

	@LocalServerPort
	int port;

	@Autowired
	Fixtures fixtures;

	@Autowired
	OperatorActions actions;

	@ParameterizedTest
	@CsvSource({ "en, desktop, Subscriptions", "zh-CN, desktop, 订阅", "en, phone, Subscriptions",
			"zh-CN, phone, 订阅" })
	void everyPageInEveryLanguageAndWidth(String language, String width, String listTitle) {
		ResultScenario scenario = new ResultScenario(this.fixtures, this.actions);
		this.fixtures.send(List.of(Fixtures.event(scenario.records.get(9), 1, "RUNNING",
				Instant.parse("2026-11-28T02:00:00Z"), "[2026-11-28 10:00:00 INFO] 开始 选择接入点")));
		try (BrowserSession browser = new BrowserSession(this.port, "en-US")) {
			Dimension size = "phone".equals(width) ? BrowserSession.PHONE : BrowserSession.DESKTOP;
			browser.resize(size);
			browser.open("/");
			browser.driver.findElement(By.cssSelector(".languages a[lang='" + language + "']")).click();
			browser.until((d) -> listTitle.equals(d.findElement(By.tagName("h1")).getText()));
			browser.waitForReady();
			String prefix = "tour-" + language + "-" + width + "-";
			visit(browser, "/", prefix + "list");
			visit(browser, "/subscriptions/" + scenario.subscriptionId + "?task=" + scenario.firstTask,
					prefix + "subscription");
			visit(browser, "/subscriptions/" + scenario.subscriptionId + "/instances/"
					+ scenario.instances.get(6).replace("|", "%7C") + "?task=" + scenario.firstTask,
					prefix + "instance");
			visit(browser, "/subscriptions/" + scenario.subscriptionId + "/confirm?action=terminate&mode=all&task="
					+ scenario.firstTask, prefix + "confirm");
			visit(browser, "/subscriptions/" + scenario.subscriptionId + "?task=" + scenario.firstTask
					+ "&status=FAILED&q=10.", prefix + "filtered");
			if ("desktop".equals(width)) {
				((ChromeDriver) browser.driver).executeCdpCommand("Emulation.setEmulatedMedia",
						Map.of("features", List.of(Map.of("name", "prefers-color-scheme", "value", "dark"))));
				visit(browser, "/subscriptions/" + scenario.subscriptionId + "?task=" + scenario.firstTask,
						prefix + "subscription-dark");
				visit(browser, "/subscriptions/" + scenario.subscriptionId + "/instances/"
						+ scenario.instances.get(6).replace("|", "%7C") + "?task=" + scenario.firstTask,
						prefix + "instance-dark");
				assertThat(browser.js("return getComputedStyle(document.body).backgroundColor"))
					.isEqualTo("rgb(18, 22, 28)");
			}
			browser.driver.get(browser.baseUrl + "/subscriptions/999999999");
			assertThat(browser.driver.findElement(By.id("error-404")).isDisplayed()).isTrue();
			browser.screenshot(prefix + "not-found");
		}
	}

	private static void visit(BrowserSession browser, String path, String name) {
		browser.open(path);
		assertThat(browser.driver.findElement(By.tagName("html")).getAttribute("lang"))
			.isEqualTo(name.contains("zh-CN") ? "zh-CN" : "en");
		browser.screenshot(name);
		Object wide = browser.js("var w = document.documentElement.clientWidth; var out = [];"
				+ "document.querySelectorAll('body *').forEach(function (e) { var r = e.getBoundingClientRect();"
				+ " if (r.right > w + 1) { out.push(e.tagName + '#' + e.id + '.' + e.className + ':' + Math.round(r.right)); } });"
				+ "return out.slice(0, 5).join(', ');");
		long overflow = ((Number) browser.js(
				"return document.documentElement.scrollWidth - document.documentElement.clientWidth")).longValue();
		assertThat(overflow).as(name + " is wider than the window: " + wide).isLessThanOrEqualTo(0);
	}

}
