package io.subwatch.browser;

import java.time.Instant;

import io.subwatch.result.OperatorActions;
import io.subwatch.support.Fixtures;
import io.subwatch.support.ResultScenario;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/** The progress panels (issue 12, 3 and 4) in a browser: shown, refreshed by the page's poll, in a screenshot. */
@BrowserTest
class ProgressPanelsBrowserIT {

	static BrowserSession browser;

	@LocalServerPort
	int port;

	@Autowired
	Fixtures fixtures;

	@Autowired
	OperatorActions actions;

	@AfterAll
	static void stop() {
		if (browser != null) {
			browser.close();
		}
	}

	BrowserSession browser() {
		if (browser == null) {
			browser = new BrowserSession(this.port, "en-US");
		}
		return browser;
	}

	String text(String selector) {
		return String.valueOf(browser().js("var e = document.querySelector(arguments[0]); return e ? e.innerText : '';",
				selector));
	}

	@Test
	void thePanelsShowAndFollowTheTask() {
		ResultScenario scenario = new ResultScenario(this.fixtures, this.actions);
		new SubscriptionPageObject(browser()).open(scenario.subscriptionId, "?task=" + scenario.firstTask);
		// 6 succeeded and 2 failed of 12; the 2 running started days ago, past the configured limit
		assertThat(text("#progress-percent")).isEqualTo("66% done");
		assertThat(text("#counter-stuck strong")).isEqualTo("2");
		assertThat(browser().driver.findElements(org.openqa.selenium.By.cssSelector("#stragglers tbody tr"))).hasSize(2);
		// the scenario's hosts report finish times before the task was created here: no bar to draw, and it says so
		assertThat(browser().driver.findElements(org.openqa.selenium.By.cssSelector("#throughput"))).isEmpty();
		assertThat(text("#throughput-none")).contains("No host finished");
		browser().screenshot("subscription-progress-panels");
		this.fixtures.send(Fixtures.finish(scenario.records.get(8), -1, Instant.parse("2026-11-28T03:00:00Z")));
		browser().until((d) -> text("#progress-percent").equals("75% done"));
		assertThat(text("#counter-stuck strong")).isEqualTo("1");
		browser().screenshot("subscription-progress-panels-refreshed");
		// the stuck counter lands on the table of the stuck hosts, each with its badge
		browser().driver.findElement(org.openqa.selenium.By.id("counter-stuck")).click();
		browser().until((d) -> String.valueOf(browser().js("return location.search;")).contains("stuck=1")
				&& browser().driver.findElements(org.openqa.selenium.By.cssSelector("#host-rows tr")).size() == 1);
		assertThat(browser().driver.findElements(org.openqa.selenium.By.cssSelector("#host-rows tr .badge-stuck")))
			.hasSize(1);
		assertThat(text("#host-rows tr")).contains("stuck");
		assertThat(text("#stuck-filter")).contains("Only the stuck hosts of this task");
		browser().screenshot("subscription-stuck-hosts");
	}

}
