package io.subwatch.web;

import java.net.URI;
import java.util.Set;

import io.subwatch.result.OperatorActions;
import io.subwatch.security.BizScope;
import io.subwatch.support.Fixtures;
import io.subwatch.support.IntegrationTest;
import io.subwatch.support.ResultScenario;
import io.subwatch.support.TestUsers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/** The instance page's attempts: every record of the host over all tasks, with the sub-step each stopped at. */
@IntegrationTest
class AttemptHistoryTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	Fixtures fixtures;

	@Autowired
	OperatorActions actions;

	Pages pages;

	ResultScenario scenario;

	RequestPostProcessor viewer;

	@BeforeEach
	void setUp() {
		this.pages = new Pages(this.mvc);
		this.scenario = new ResultScenario(this.fixtures, this.actions);
		this.viewer = TestUsers.viewer(BizScope.of(Set.of(this.scenario.bizId)));
	}

	String url(int host) {
		return Href.instance(this.scenario.subscriptionId, this.scenario.instances.get(host)).toString();
	}

	@Test
	void eachAttemptNamesTheSubStepItFailedAtAndOpensItsTimelineThere() {
		// Host 6 failed at its third sub-step ("安装") in the first task; its retry succeeded.
		Pages.Page page = this.pages.get(url(6), this.viewer);
		long failed = this.scenario.records.get(6);
		long retried = this.scenario.retryRecords.get(0);
		assertThat(page.doc().select("#attempts thead th").eachText()).contains("Sub-step");
		assertThat(page.text("#attempt-" + failed + " .attempt-step")).isEqualTo("Failed at 安装");
		assertThat(page.text("#attempt-" + failed)).contains("Failed");
		assertThat(page.text("#attempt-" + retried + " .attempt-step")).isEmpty();
		assertThat(page.text("#attempt-" + retried)).contains("Succeeded");
		String href = page.attr("#attempt-" + failed + " .attempt-step a", "href");
		assertThat(href).isEqualTo(url(6) + "?task=" + this.scenario.firstTask + "&step=0&sub=2");

		Pages.Page attempt = this.pages.get(href, this.viewer);
		assertThat(attempt.text("#instance-summary")).contains("Failed").contains("attempt 1 of 2");
		assertThat(attempt.text("#substep h2")).contains("安装");
		assertThat(attempt.text("#log")).contains("failed at 2");
	}

	@Test
	void aWaitingRetryAndTheChineseHeading() {
		// Host 7 failed in the first task; its retry is still waiting.
		var request = get(URI.create(url(7))).header("Accept-Language", "zh-CN");
		Pages.Page page = Pages.page(this.pages.perform(request, this.viewer));
		assertThat(page.doc().select("#attempts tbody tr")).hasSize(2);
		assertThat(page.doc().select("#attempts thead th").eachText()).contains("子步骤");
		assertThat(page.text("#attempt-" + this.scenario.records.get(7) + " .attempt-step a")).contains("安装");
		assertThat(page.text("#attempt-" + this.scenario.retryRecords.get(1) + " .attempt-step")).isEmpty();
	}

}
