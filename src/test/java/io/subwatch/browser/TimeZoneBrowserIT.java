package io.subwatch.browser;

import java.util.Map;

import io.subwatch.result.OperatorActions;
import io.subwatch.support.Fixtures;
import io.subwatch.support.ResultScenario;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.chrome.ChromeDriver;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The time zone switch in a browser whose zone is America/New_York: server zone by default, then UTC, then the
 * browser's own, which its script reported in a cookie; every choice named on the page.
 */
@BrowserTest
class TimeZoneBrowserIT {

	@RegisterExtension
	static final BrowserSessions browsers = new BrowserSessions("en-US",
			(session) -> ((ChromeDriver) session.driver).executeCdpCommand("Emulation.setTimezoneOverride",
					Map.of("timezoneId", "America/New_York")));

	@Autowired
	Fixtures fixtures;

	@Autowired
	OperatorActions actions;

	BrowserSession browser() {
		return browsers.session();
	}

	@Test
	void serverThenUtcThenTheBrowsersZone() {
		ResultScenario scenario = new ResultScenario(this.fixtures, this.actions);
		long first = scenario.records.get(0);
		new SubscriptionPageObject(browser()).open(scenario.subscriptionId, "?task=" + scenario.firstTask);
		KeyboardPageObject page = new KeyboardPageObject(browser());
		assertThat(page.startOf(first)).isEqualTo("2026-11-28 10:00:00");
		assertThat(page.startHeading()).isEqualTo("Start (UTC+08:00)");
		assertThat(page.zoneLabel()).isEqualTo("Times in Asia/Shanghai (UTC+08:00), the server's time zone");

		page.chooseZone("utc");
		assertThat(browser().path()).isEqualTo("/subscriptions/" + scenario.subscriptionId + "?task="
				+ scenario.firstTask);
		assertThat(page.startOf(first)).isEqualTo("2026-11-28 02:00:00");
		assertThat(page.startHeading()).isEqualTo("Start (UTC)");
		assertThat(page.zoneLabel()).isEqualTo("Times in UTC");
		browser().screenshot("time-zone-utc");

		page.chooseZone("local");
		assertThat(page.startOf(first)).isEqualTo("2026-11-27 21:00:00");
		assertThat(page.startHeading()).isEqualTo("Start (UTC-05:00)");
		assertThat(page.zoneLabel()).isEqualTo("Times in America/New_York (UTC-05:00), your browser's time zone");
		browser().screenshot("time-zone-browser");

		// The choice persists: the instance page (another page, fresh from the server) follows it.
		new SubscriptionPageObject(browser()).openHost(page.hostName(first));
		assertThat(page.zoneLabel()).contains("America/New_York");

		page.chooseZone("server");
		assertThat(page.zoneLabel()).contains("Asia/Shanghai");
	}

}
