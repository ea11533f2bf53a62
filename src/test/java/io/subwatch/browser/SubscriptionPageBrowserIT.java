package io.subwatch.browser;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.subwatch.ingest.IngestService.CreatedTask;
import io.subwatch.result.OperatorActions;
import io.subwatch.support.Fixtures;
import io.subwatch.support.ResultScenario;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

@BrowserTest
class SubscriptionPageBrowserIT {

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
	void countersChangeByThemselvesWhenEventsArrive() {
		ResultScenario scenario = new ResultScenario(this.fixtures, this.actions);
		SubscriptionPageObject page = new SubscriptionPageObject(browser()).open(scenario.subscriptionId,
				"?task=" + scenario.firstTask);
		assertThat(page.counter("RUNNING")).isEqualTo("2");
		assertThat(page.counter("SUCCESS")).isEqualTo("6");
		browser().screenshot("subscription-running");
		Instant start = Instant.parse("2026-11-28T03:00:00Z");
		this.fixtures.send(Fixtures.finish(scenario.records.get(8), -1, start));
		page.waitForCounter("SUCCESS", "7");
		assertThat(page.counter("RUNNING")).isEqualTo("1");
		browser().until((d) -> page.rowText(scenario.records.get(8)).contains("Succeeded"));
		assertThat(page.liveStatus()).startsWith("Updated");
		this.fixtures.send(Fixtures.finish(scenario.records.get(9), 3, start));
		this.fixtures.send(Fixtures.finish(scenario.records.get(10), -1, start));
		this.fixtures.send(Fixtures.finish(scenario.records.get(11), -1, start));
		page.waitForCounter("FAILED", "3");
		browser().until((d) -> !page.polling());
		browser().until((d) -> page.liveStatus().startsWith("Finished"));
		browser().screenshot("subscription-finished");
	}

	/**
	 * Issue 12, panels 1 and 2: a matrix cell and a failure cluster each land on exactly their hosts. Eight hosts: 3
	 * failed at 安装 timing out, 1 failed at 安装 with a full disk, 2 succeeded, 2 running at 选择接入点.
	 */
	@Test
	void aMatrixCellAndAFailureClusterLandOnTheirHosts() {
		long bizId = this.fixtures.newBizId();
		long subscriptionId = this.fixtures.subscription(bizId);
		List<Map<String, Object>> hosts = this.fixtures.hosts(bizId, 8);
		CreatedTask task = this.fixtures.task(subscriptionId, hosts);
		List<Long> ids = task.records().stream().map((r) -> r.recordId()).toList();
		List<String> ips = hosts.stream().map(SubscriptionPageBrowserIT::ip).toList();
		Instant start = Instant.parse("2026-11-28T02:00:00Z");
		List<Map<String, Object>> events = new ArrayList<>();
		for (int i = 0; i < 3; i++) {
			events.add(Fixtures.event(ids.get(i), 2, "FAILED", start,
					"ERROR connect 10.9.0." + i + ":22 timeout after " + (30 + i) + "s"));
		}
		events.add(Fixtures.event(ids.get(3), 2, "FAILED", start, "ERROR disk full on /dev/sdb1"));
		events.addAll(Fixtures.finish(ids.get(4), -1, start));
		events.addAll(Fixtures.finish(ids.get(5), -1, start));
		events.add(Fixtures.event(ids.get(6), 1, "RUNNING", start));
		events.add(Fixtures.event(ids.get(7), 1, "RUNNING", start));
		this.fixtures.send(events);
		SubscriptionPageObject page = new SubscriptionPageObject(browser()).open(subscriptionId, "?task=" + task.taskId());
		browser().screenshot("breakdown-panels");

		page.clickLink(By.id("cell-0-2-FAILED"));
		assertThat(browser().path()).isEqualTo("/subscriptions/" + subscriptionId + "?task=" + task.taskId()
				+ "&status=FAILED&at=0.2");
		assertThat(page.hostNames()).containsExactly(ips.get(0), ips.get(1), ips.get(2), ips.get(3));
		browser().screenshot("breakdown-matrix-cell");

		page.open(subscriptionId, "?task=" + task.taskId());
		page.clickLink(By.cssSelector("#cluster-0 .cluster-show"));
		assertThat(browser().path()).contains("&status=FAILED&at=0.2&error=");
		assertThat(page.hostNames()).containsExactly(ips.get(0), ips.get(1), ips.get(2));
		assertThat(browser().driver.findElement(By.id("place-filter")).getText())
			.contains("ERROR connect <ip> timeout after <n>s");
		browser().screenshot("breakdown-failure-cluster");

		page.open(subscriptionId, "?task=" + task.taskId());
		((ChromeDriver) browser().driver).executeCdpCommand("Emulation.setEmulatedMedia",
				Map.of("features", List.of(Map.of("name", "prefers-color-scheme", "value", "dark"))));
		browser().resize(new org.openqa.selenium.Dimension(390, 844));
		try {
			browser().screenshot("breakdown-panels-dark-phone");
			assertThat(((Number) browser().js("return document.documentElement.scrollWidth")).longValue())
				.as("nothing wider than the phone but the matrix's own scroller").isLessThanOrEqualTo(390);
			browser().open("/language?lang=zh&back=" + java.net.URLEncoder.encode("/subscriptions/" + subscriptionId
					+ "?task=" + task.taskId(), java.nio.charset.StandardCharsets.UTF_8));
			assertThat(browser().driver.findElement(By.cssSelector("#step-matrix h2")).getText()).isEqualTo("主机停在哪一步");
			browser().screenshot("breakdown-panels-zh-dark-phone");
		}
		finally {
			browser().open("/language?lang=en&back=%2F");
			((ChromeDriver) browser().driver).executeCdpCommand("Emulation.setEmulatedMedia", Map.of("features", List.of()));
			browser().resize(new org.openqa.selenium.Dimension(1280, 800));
		}
	}

	@SuppressWarnings("unchecked")
	private static String ip(Map<String, Object> instance) {
		return (String) ((Map<String, Object>) ((Map<String, Object>) instance.get("instance_info")).get("host"))
			.get("bk_host_innerip");
	}

	@Test
	void filterByFailedThroughTheCounterAndReloadLandsOnTheSameView() {
		ResultScenario scenario = new ResultScenario(this.fixtures, this.actions);
		SubscriptionPageObject page = new SubscriptionPageObject(browser()).open(scenario.subscriptionId,
				"?task=" + scenario.firstTask);
		page.clickCounter("FAILED");
		assertThat(browser().path()).isEqualTo("/subscriptions/" + scenario.subscriptionId + "?task="
				+ scenario.firstTask + "&status=FAILED");
		List<String> failed = page.hostNames();
		assertThat(failed).hasSize(2);
		assertThat(browser().driver.findElement(By.id("filter-FAILED")).isSelected()).isTrue();
		browser().screenshot("subscription-failed-filter");
		browser().driver.navigate().refresh();
		browser().waitForReady();
		assertThat(page.hostNames()).isEqualTo(failed);
		assertThat(browser().driver.findElement(By.id("filter-FAILED")).isSelected()).isTrue();
		browser().driver.navigate().back();
		browser().until((d) -> page.hostNames().size() == 12);
	}

	@Test
	void pastedIpsFindTheirHostsAndNameTheMissingOnes() {
		ResultScenario scenario = new ResultScenario(this.fixtures, this.actions);
		SubscriptionPageObject page = new SubscriptionPageObject(browser()).open(scenario.subscriptionId,
				"?task=" + scenario.firstTask);
		List<String> all = page.hostNames();
		page.typeSearch(all.get(1) + ", " + all.get(4) + "\n" + all.get(9) + "; 10.254.254.254");
		page.apply();
		assertThat(page.hostNames()).containsExactly(all.get(1), all.get(4), all.get(9));
		assertThat(page.notFound()).contains("10.254.254.254");
		assertThat(browser().path()).contains("q=");
		browser().screenshot("subscription-search");
		browser().driver.navigate().refresh();
		browser().waitForReady();
		assertThat(page.hostNames()).containsExactly(all.get(1), all.get(4), all.get(9));
	}

	@Test
	void aRefreshKeepsScrollPositionFocusTickedBoxesAndTypedText() {
		long bizId = this.fixtures.newBizId();
		long subscriptionId = this.fixtures.subscription(bizId);
		CreatedTask task = this.fixtures.task(subscriptionId, this.fixtures.hosts(bizId, 150));
		Instant start = Instant.parse("2026-11-28T02:00:00Z");
		List<Map<String, Object>> running = new ArrayList<>();
		for (var record : task.records()) {
			running.add(Fixtures.event(record.recordId(), 0, "RUNNING", start));
		}
		this.fixtures.send(running);
		SubscriptionPageObject page = new SubscriptionPageObject(browser()).open(subscriptionId, "?size=200");
		page.typeSearch("10.0.0.1 typed but not applied");
		long ticked = task.records().get(60).recordId();
		WebElement box = browser().driver.findElement(By.id("select-" + ticked));
		box.click();
		browser().js("window.scrollTo(0, 2400)");
		browser().until((d) -> ((Number) browser().js("return window.scrollY")).longValue() == 2400);

		List<Map<String, Object>> progress = new ArrayList<>();
		for (int i = 40; i < 90; i++) {
			progress.add(Fixtures.event(task.records().get(i).recordId(), 2, "RUNNING", start.plusSeconds(5)));
		}
		this.fixtures.send(progress);
		browser().until((d) -> page.rowText(ticked).contains("安装"));
		assertThat(((Number) browser().js("return window.scrollY")).longValue()).isEqualTo(2400);
		assertThat(browser().driver.findElement(By.id("select-" + ticked)).isSelected()).isTrue();
		assertThat(browser().js("return document.activeElement.id")).isEqualTo("select-" + ticked);
		assertThat(page.searchText()).isEqualTo("10.0.0.1 typed but not applied");
		assertThat(browser().driver.findElement(By.id("selected-count")).getText()).isEqualTo("1 selected");
		browser().screenshot("subscription-scrolled-refresh");
	}

	@Test
	void aFailedRefreshKeepsTheLastContentAndSaysSo() {
		ResultScenario scenario = new ResultScenario(this.fixtures, this.actions);
		SubscriptionPageObject page = new SubscriptionPageObject(browser()).open(scenario.subscriptionId,
				"?task=" + scenario.firstTask);
		ChromeDriver chrome = (ChromeDriver) browser().driver;
		chrome.executeCdpCommand("Network.enable", Map.of());
		chrome.executeCdpCommand("Network.setBlockedURLs", Map.of("urls", List.of("*/counters*")));
		this.fixtures.send(Fixtures.finish(scenario.records.get(8), -1, Instant.parse("2026-11-28T03:00:00Z")));
		browser().until((d) -> d.findElement(By.id("live-error")).getText().startsWith("Refresh failed"));
		assertThat(page.counter("SUCCESS")).isEqualTo("6");
		assertThat(page.hostNames()).hasSize(12);
		browser().screenshot("subscription-refresh-failed");
		chrome.executeCdpCommand("Network.setBlockedURLs", Map.of("urls", List.of()));
		page.waitForCounter("SUCCESS", "7");
		browser().until((d) -> d.findElement(By.id("live-error")).getText().isEmpty());
	}

	@Test
	void pauseStopsTheRefreshAndResumeCatchesUp() {
		ResultScenario scenario = new ResultScenario(this.fixtures, this.actions);
		SubscriptionPageObject page = new SubscriptionPageObject(browser()).open(scenario.subscriptionId,
				"?task=" + scenario.firstTask);
		browser().driver.findElement(By.id("live-toggle")).click();
		browser().until((d) -> page.liveStatus().startsWith("Paused"));
		browser().js("window.pollTicks = 0; window.pollsSent = 0;"
				+ "document.addEventListener('htmx:beforeRequest', function (e) {"
				+ "  if (e.detail.elt.hasAttribute('data-poll')) { window.pollTicks++; } });"
				+ "document.addEventListener('htmx:afterRequest', function (e) {"
				+ "  if (e.detail.elt.hasAttribute('data-poll')) { window.pollsSent++; } });");
		this.fixtures.send(Fixtures.finish(scenario.records.get(8), -1, Instant.parse("2026-11-28T03:00:00Z")));
		browser().until((d) -> ((Number) browser().js("return window.pollTicks")).intValue() >= 3);
		assertThat(((Number) browser().js("return window.pollsSent")).intValue()).isZero();
		assertThat(page.counter("SUCCESS")).isEqualTo("6");
		browser().driver.findElement(By.id("live-toggle")).click();
		page.waitForCounter("SUCCESS", "7");
		assertThat(page.liveStatus()).startsWith("Updated");
	}

}
