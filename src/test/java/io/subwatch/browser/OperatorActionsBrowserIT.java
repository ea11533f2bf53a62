package io.subwatch.browser;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.subwatch.ingest.IngestService.CreatedTask;
import io.subwatch.support.Fixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

@BrowserTest
class OperatorActionsBrowserIT {

	@RegisterExtension
	static final BrowserSessions browsers = new BrowserSessions("en-US");

	@Autowired
	Fixtures fixtures;

	BrowserSession browser() {
		return browsers.session();
	}

	/** Six hosts: three succeeded, two failed, one running. */
	record Rollout(long subscriptionId, CreatedTask task) {
	}

	Rollout rollout() {
		long bizId = this.fixtures.newBizId();
		long subscriptionId = this.fixtures.subscription(bizId);
		CreatedTask task = this.fixtures.task(subscriptionId, this.fixtures.hosts(bizId, 6));
		Instant start = Instant.parse("2026-11-28T02:00:00Z");
		List<Map<String, Object>> events = new ArrayList<>();
		for (int i = 0; i < 3; i++) {
			events.addAll(Fixtures.finish(task.records().get(i).recordId(), -1, start));
		}
		events.addAll(Fixtures.finish(task.records().get(3).recordId(), 2, start));
		events.addAll(Fixtures.finish(task.records().get(4).recordId(), 3, start));
		events.add(Fixtures.event(task.records().get(5).recordId(), 1, "RUNNING", start));
		this.fixtures.send(events);
		return new Rollout(subscriptionId, task);
	}

	@Test
	void retryTheFailedHostsAfterAConfirmationThatCountsThem() {
		Rollout rollout = rollout();
		SubscriptionPageObject page = new SubscriptionPageObject(browser()).open(rollout.subscriptionId(), "");
		assertThat(browser().driver.findElement(By.id("retry-failed")).getText()).isEqualTo("Retry 2 failed hosts…");
		ConfirmPageObject confirm = page.clickAction("retry-failed");
		assertThat(confirm.count()).isEqualTo("2 hosts will run again, in a new task.");
		assertThat(confirm.excluded()).contains("Succeeded").contains("3 hosts").contains("Running").contains("1 host");
		browser().screenshot("confirm-retry");
		SubscriptionPageObject result = confirm.submit();
		assertThat(result.flash()).matches("Retrying 2 hosts as task #\\d+\\.");
		assertThat(browser().path()).matches("/subscriptions/" + rollout.subscriptionId() + "\\?task=\\d+");
		assertThat(result.counter("PENDING")).isEqualTo("2");
		assertThat(browser().driver.findElement(By.id("audit")).getText()).contains("Retried hosts");
		browser().screenshot("after-retry");
	}

	@Test
	void terminateOneRunningHostWithAReason() {
		Rollout rollout = rollout();
		SubscriptionPageObject page = new SubscriptionPageObject(browser()).open(rollout.subscriptionId(),
				"?status=RUNNING");
		assertThat(page.hostNames()).hasSize(1);
		browser().driver.findElement(By.cssSelector("#host-rows .row-action-danger")).click();
		browser().until((d) -> !d.findElements(By.id("confirm")).isEmpty());
		ConfirmPageObject confirm = new ConfirmPageObject(browser());
		assertThat(confirm.count()).isEqualTo("1 host will be terminated.");
		confirm.reason("stuck on a bad mirror");
		browser().screenshot("confirm-terminate");
		SubscriptionPageObject result = confirm.submit();
		assertThat(result.flash()).isEqualTo("Terminated 1 host.");
		assertThat(browser().path()).isEqualTo("/subscriptions/" + rollout.subscriptionId() + "?status=RUNNING");
		browser().driver.get(browser().baseUrl + "/subscriptions/" + rollout.subscriptionId());
		browser().waitForReady();
		assertThat(result.counter("TERMINATED")).isEqualTo("1");
		assertThat(browser().driver.findElement(By.id("audit")).getText()).contains("Terminated hosts")
			.contains("stuck on a bad mirror");
		assertThat(result.polling()).isFalse();
	}

}
