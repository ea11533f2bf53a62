package io.subwatch.browser;

import java.time.Instant;

import io.subwatch.result.OperatorActions;
import io.subwatch.support.Fixtures;
import io.subwatch.support.ResultScenario;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.Keys;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/** The keyboard on the results page: rows, failed hosts, opening, search, live refresh, the list of shortcuts. */
@BrowserTest
class KeyboardBrowserIT {

	@RegisterExtension
	static final BrowserSessions browsers = new BrowserSessions("en-US");

	@Autowired
	Fixtures fixtures;

	@Autowired
	OperatorActions actions;

	BrowserSession browser() {
		return browsers.session();
	}

	@Test
	void rowsAndFailedHostsByKeyThroughLiveRefreshesThenEnterOpensTheHost() {
		ResultScenario scenario = new ResultScenario(this.fixtures, this.actions);
		SubscriptionPageObject page = new SubscriptionPageObject(browser()).open(scenario.subscriptionId,
				"?task=" + scenario.firstTask);
		KeyboardPageObject keys = new KeyboardPageObject(browser());
		keys.press("j");
		keys.waitForSelectedRow(scenario.records.get(0));
		keys.press("j", "j", "k");
		keys.waitForSelectedRow(scenario.records.get(1));
		assertThat(keys.focusedRow()).isEqualTo("row-" + scenario.records.get(1));
		// Hosts 6 and 7 failed: n and p move between them only.
		keys.press("n");
		keys.waitForSelectedRow(scenario.records.get(6));
		keys.press("n", "n");
		keys.waitForSelectedRow(scenario.records.get(7));
		keys.press("p");
		keys.waitForSelectedRow(scenario.records.get(6));
		keys.dispatchWithCtrl("j");
		assertThat(keys.selectedRow()).isEqualTo("row-" + scenario.records.get(6));

		// A live refresh replaces the rows: the selection and its focus stay.
		this.fixtures.send(Fixtures.finish(scenario.records.get(8), -1, Instant.parse("2026-11-28T03:00:00Z")));
		browser().until((d) -> page.rowText(scenario.records.get(8)).contains("Succeeded"));
		assertThat(keys.selectedRow()).isEqualTo("row-" + scenario.records.get(6));
		assertThat(keys.focusedRow()).isEqualTo("row-" + scenario.records.get(6));
		browser().screenshot("keyboard-selected-row");

		String before = browser().path();
		keys.press(Keys.ENTER);
		browser().until((d) -> !browser().path().equals(before));
		browser().waitForReady();
		assertThat(browser().path()).startsWith("/subscriptions/" + scenario.subscriptionId + "/instances/")
			.contains(scenario.instances.get(6).replace("|", "%7C"));
	}

	@Test
	void slashSearchesAndKeysTypedThereStayText() {
		ResultScenario scenario = new ResultScenario(this.fixtures, this.actions);
		SubscriptionPageObject page = new SubscriptionPageObject(browser()).open(scenario.subscriptionId,
				"?task=" + scenario.firstTask);
		KeyboardPageObject keys = new KeyboardPageObject(browser());
		keys.leaveFields().press("/");
		browser().until((d) -> "q".equals(keys.focusedId()));
		keys.press("jnkr?");
		assertThat(page.searchText()).isEqualTo("jnkr?");
		assertThat(keys.selectedRow()).isEmpty();
		assertThat(keys.shortcutsOpen()).isFalse();
		assertThat(keys.livePaused()).isFalse();
	}

	@Test
	void rPausesAndResumesTheLiveRefresh() {
		ResultScenario scenario = new ResultScenario(this.fixtures, this.actions);
		SubscriptionPageObject page = new SubscriptionPageObject(browser()).open(scenario.subscriptionId,
				"?task=" + scenario.firstTask);
		KeyboardPageObject keys = new KeyboardPageObject(browser());
		keys.leaveFields().press("r");
		browser().until((d) -> keys.livePaused());
		browser().until((d) -> page.liveStatus().startsWith("Paused"));
		keys.press("r");
		browser().until((d) -> !keys.livePaused());
	}

	@Test
	void questionMarkListsTheShortcutsInBothLanguages() {
		ResultScenario scenario = new ResultScenario(this.fixtures, this.actions);
		new SubscriptionPageObject(browser()).open(scenario.subscriptionId, "?task=" + scenario.firstTask);
		KeyboardPageObject keys = new KeyboardPageObject(browser());
		keys.leaveFields().press("?");
		browser().until((d) -> keys.shortcutsOpen());
		assertThat(keys.shortcutsText()).contains("Keyboard shortcuts").contains("Next / previous failed host")
			.contains("Pause or resume live refresh");
		// While the list is open, other keys do nothing; Escape closes it.
		keys.press("j");
		assertThat(keys.selectedRow()).isEmpty();
		browser().screenshot("keyboard-shortcuts");
		keys.closeShortcuts();

		browser().open("/language?lang=zh-CN&back=/subscriptions/" + scenario.subscriptionId);
		try {
			keys.leaveFields().press("?");
			browser().until((d) -> keys.shortcutsOpen());
			assertThat(keys.shortcutsText()).contains("键盘快捷键").contains("下一台 / 上一台失败主机");
			browser().screenshot("keyboard-shortcuts-zh");
			keys.closeShortcuts();
		}
		finally {
			browser().open("/language?lang=en&back=/");
		}
	}

}
