package io.subwatch.browser;

import java.time.Instant;
import java.util.List;

import io.subwatch.ingest.IngestService.CreatedTask;
import io.subwatch.result.OperatorActions;
import io.subwatch.support.Fixtures;
import io.subwatch.support.ResultScenario;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

@BrowserTest
class InstancePageBrowserIT {

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
	void openAHostThenASubStepLogThenFollowALineLink() {
		ResultScenario scenario = new ResultScenario(this.fixtures, this.actions);
		SubscriptionPageObject list = new SubscriptionPageObject(browser()).open(scenario.subscriptionId,
				"?task=" + scenario.firstTask + "&status=FAILED");
		String host = list.hostNames().get(0);
		InstancePageObject instance = list.openHost(host);
		assertThat(instance.title()).isEqualTo(host);
		assertThat(instance.selectedSubStep()).isEqualTo("sub-0-2");
		assertThat(instance.logLine(1)).contains("failed at 2");
		browser().screenshot("instance-failed");

		instance.openSubStep(0, 1);
		assertThat(instance.subStepTitle()).contains("选择接入点");
		assertThat(instance.logLine(1)).contains("done 1");
		instance.clickLineNumber(1);
		assertThat(instance.targetId()).isEqualTo("L1");
		browser().screenshot("instance-substep");
		browser().driver.navigate().refresh();
		browser().waitForReady();
		assertThat(instance.selectedSubStep()).isEqualTo("sub-0-1");
		assertThat(instance.targetId()).isEqualTo("L1");
	}

	@Test
	void aPastedLineLinkHighlightsAndScrollsToItsLine() {
		long bizId = this.fixtures.newBizId();
		long subscriptionId = this.fixtures.subscription(bizId);
		CreatedTask task = this.fixtures.task(subscriptionId, this.fixtures.hosts(bizId, 1));
		long recordId = task.records().get(0).recordId();
		StringBuilder log = new StringBuilder();
		for (int i = 1; i <= 80; i++) {
			log.append("[2026-11-28 10:00:").append(String.format("%02d", i % 60)).append(i == 45 ? " ERROR] " : " INFO] ")
				.append("line ").append(i).append(i < 80 ? "\n" : "");
		}
		Instant start = Instant.parse("2026-11-28T02:00:00Z");
		this.fixtures.send(List.of(Fixtures.event(recordId, 2, "RUNNING", start),
				Fixtures.event(recordId, 2, "FAILED", start.plusSeconds(9), log.toString())));
		browser().open("/subscriptions/" + subscriptionId + "/instances/"
				+ task.records().get(0).instanceId().replace("|", "%7C") + "?step=0&sub=2#L45");
		InstancePageObject instance = new InstancePageObject(browser());
		assertThat(instance.targetId()).isEqualTo("L45");
		assertThat(instance.logLine(45)).contains("ERROR] line 45");
		browser().until((d) -> instance.inViewport("L45"));
		browser().screenshot("instance-line-link");
	}

}
