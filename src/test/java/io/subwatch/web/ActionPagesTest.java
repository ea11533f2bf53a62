package io.subwatch.web;

import java.net.URI;
import java.util.List;
import java.util.Set;

import io.subwatch.audit.AuditDao;
import io.subwatch.audit.AuditEntry;
import io.subwatch.result.OperatorActions;
import io.subwatch.security.BizScope;
import io.subwatch.subscription.Status;
import io.subwatch.subscription.TaskDao;
import io.subwatch.support.Fixtures;
import io.subwatch.support.IntegrationTest;
import io.subwatch.support.ResultScenario;
import io.subwatch.support.TestUsers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * Retry and terminate from the pages: the confirmation counts exactly the hosts that will be touched, the POST acts
 * once, says what it did, and lands on the result.
 */
@IntegrationTest
class ActionPagesTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	Fixtures fixtures;

	@Autowired
	OperatorActions actions;

	@Autowired
	AuditDao audit;

	@Autowired
	TaskDao tasks;

	Pages pages;

	ResultScenario scenario;

	RequestPostProcessor operator;

	MockHttpSession session = new MockHttpSession();

	@BeforeEach
	void setUp() {
		this.pages = new Pages(this.mvc);
		this.scenario = new ResultScenario(this.fixtures, this.actions);
		this.operator = TestUsers.operator(BizScope.of(Set.of(this.scenario.bizId)));
	}

	String base() {
		return "/subscriptions/" + this.scenario.subscriptionId;
	}

	Pages.Page confirm(MockHttpServletRequestBuilder request) {
		return Pages.page(this.pages.perform(request.session(this.session), this.operator));
	}

	MvcResult submit(Pages.Page confirmation, String... extra) {
		String action = confirmation.attr("#confirm-form", "action");
		MockHttpServletRequestBuilder post = post(action).session(this.session);
		confirmation.doc().select("#confirm-form input[type=hidden]").forEach((input) -> {
			if (!input.val().isEmpty()) {
				post.param(input.attr("name"), input.val());
			}
		});
		for (int i = 0; i < extra.length; i += 2) {
			post.param(extra[i], extra[i + 1]);
		}
		return this.pages.perform(post, this.operator);
	}

	Pages.Page follow(MvcResult redirect) {
		return Pages.page(this.pages.perform(get(URI.create(redirect.getResponse().getRedirectedUrl()))
			.flashAttrs(redirect.getFlashMap()), this.operator));
	}

	@Test
	void retryAllFailedCountsOnlyFailedHostsAndFollowsTheNewTask() {
		Pages.Page page = this.pages.get(base() + "?task=" + this.scenario.firstTask, this.operator);
		// An older task: its two failed hosts have been retried since, so the button leaves the count to the confirmation.
		assertThat(page.text("#retry-failed")).isEqualTo("Retry the failed hosts of this task…");
		Pages.Page confirmation = confirm(get(URI.create(page.attr("#retry-failed", "href"))));
		assertThat(confirmation.status()).isEqualTo(200);
		// Of task 1's 12 hosts: one failed host was retried and succeeded, one is pending in the retry task, so
		// nothing is failed any more; running, pending and succeeded hosts are never included.
		assertThat(confirmation.has("#confirm-nothing")).isTrue();
		assertThat(confirmation.has("#confirm-submit")).isFalse();
		assertThat(confirmation.text("#confirm-excluded")).contains("Succeeded 7 hosts").contains("Running 2 hosts")
			.contains("Waiting 3 hosts");

		this.fixtures.send(Fixtures.finish(this.scenario.retryRecords.get(1), 1,
				java.time.Instant.parse("2026-11-28T03:00:00Z")));
		Pages.Page again = confirm(get(URI.create(page.attr("#retry-failed", "href"))));
		assertThat(again.text("#confirm-count")).isEqualTo("1 host will run again, in a new task.");
		assertThat(again.text("#confirm-submit")).isEqualTo("Retry 1 host");
		MvcResult done = submit(again);
		assertThat(done.getResponse().getStatus()).isEqualTo(302);
		long newTask = this.tasks.findNewest(this.scenario.subscriptionId).orElseThrow().id();
		assertThat(done.getResponse().getRedirectedUrl()).isEqualTo(base() + "?task=" + newTask);
		Pages.Page result = follow(done);
		assertThat(result.text("#flash")).isEqualTo("Retrying 1 host as task #" + newTask + ".");
		assertThat(result.text(".counter-all strong")).isEqualTo("1");
		assertThat(result.text("#audit tbody tr:first-child")).contains("operator").contains("Retried hosts")
			.contains("#" + newTask);
	}

	@Test
	void aSecondSubmitOfTheSameConfirmationDoesNothingTwice() {
		this.fixtures.send(Fixtures.finish(this.scenario.retryRecords.get(1), 1,
				java.time.Instant.parse("2026-11-28T03:00:00Z")));
		Pages.Page confirmation = confirm(get(URI.create(base() + "/confirm?action=retry&mode=all")));
		MvcResult first = submit(confirmation);
		MvcResult second = submit(confirmation);
		assertThat(second.getResponse().getRedirectedUrl()).isEqualTo(first.getResponse().getRedirectedUrl());
		Pages.Page result = follow(second);
		assertThat(result.text("#flash")).contains("Retrying 1 host").contains("already submitted");
		long retries = this.audit.findRecentBySubscription(this.scenario.subscriptionId, 10)
			.stream()
			.filter((entry) -> "RETRY".equals(entry.action()))
			.count();
		assertThat(retries).isEqualTo(2);
	}

	@Test
	void terminateOneHostWithAReasonFromItsRow() {
		Pages.Page page = this.pages.get(base() + "?task=" + this.scenario.firstTask + "&status=RUNNING",
				this.operator);
		String href = page.doc().select("#host-rows .row-action-danger").first().attr("href");
		Pages.Page confirmation = confirm(get(URI.create(href)));
		assertThat(confirmation.text(".confirm-scope")).startsWith("Host 10.");
		assertThat(confirmation.text("#confirm-count")).isEqualTo("1 host will be terminated.");
		assertThat(confirmation.has("#reason")).isTrue();
		MvcResult done = submit(confirmation, "reason", "wrong package version");
		Pages.Page result = follow(done);
		assertThat(result.text("#flash")).isEqualTo("Terminated 1 host.");
		assertThat(result.text("#counter-TERMINATED strong")).isEqualTo("1");
		AuditEntry entry = this.audit.findRecentBySubscription(this.scenario.subscriptionId, 1).get(0);
		assertThat(entry.action()).isEqualTo("TERMINATE");
		assertThat(entry.detail()).isEqualTo("wrong package version");
		assertThat(entry.actor()).isEqualTo("operator");
	}

	@Test
	void selectedHostsAreCountedByTheirNewestResultAndStaleOnesAreExplained() {
		String running = this.scenario.instances.get(8);
		String succeeded = this.scenario.instances.get(0);
		Pages.Page confirmation = confirm(post(base() + "/confirm").param("action", "terminate")
			.param("task", String.valueOf(this.scenario.firstTask))
			.param("instance", running, succeeded, "host|instance|host|0"));
		assertThat(confirmation.text(".confirm-scope")).isEqualTo("3 selected hosts.");
		assertThat(confirmation.text("#confirm-count")).isEqualTo("1 host will be terminated.");
		assertThat(confirmation.text("#confirm-excluded")).contains("Succeeded 1 host")
			.contains("1 host is not in this subscription");

		this.fixtures.send(Fixtures.finish(this.scenario.records.get(8), -1,
				java.time.Instant.parse("2026-11-28T03:00:00Z")));
		Pages.Page result = follow(submit(confirmation));
		assertThat(result.text("#flash")).contains("Nothing to terminate");
	}

	@Test
	void everyHostMatchingTheFilterAcrossPages() {
		Pages.Page confirmation = confirm(post(base() + "/confirm").param("action", "terminate")
			.param("matching", "true")
			.param("task", String.valueOf(this.scenario.firstTask))
			.param("status", "PENDING", "RUNNING"));
		assertThat(confirmation.text(".confirm-scope")).startsWith("Every host matching the filter");
		assertThat(confirmation.text("#confirm-count")).isEqualTo("4 hosts will be terminated.");
		this.fixtures.send(Fixtures.finish(this.scenario.records.get(9), -1,
				java.time.Instant.parse("2026-11-28T03:00:00Z")));
		Pages.Page result = follow(submit(confirmation));
		assertThat(result.text("#flash")).startsWith("Terminated 3 hosts.").contains("counted 4 hosts; 3 were");
		assertThat(result.text("#counter-TERMINATED strong")).isEqualTo("3");
		assertThat(result.has("#host-rows tr")).isFalse();
	}

	@Test
	void aBulkSubmitWithoutAnyHostSaysSo() {
		MvcResult redirect = this.pages.perform(post(base() + "/confirm").session(this.session)
			.param("action", "retry")
			.param("task", String.valueOf(this.scenario.firstTask)), this.operator);
		assertThat(redirect.getResponse().getRedirectedUrl()).isEqualTo(base() + "?task=" + this.scenario.firstTask);
		assertThat(follow(redirect).text("#flash")).startsWith("Tick at least one host");
	}

	@Test
	void readersCannotActAndOutsidersCannotEvenSee() {
		RequestPostProcessor viewer = TestUsers.viewer(BizScope.of(Set.of(this.scenario.bizId)));
		assertThat(this.pages.get(base() + "/confirm?action=retry&mode=all", viewer).status()).isEqualTo(403);
		MvcResult posted = this.pages.perform(post(base() + "/terminate").param("mode", "all"), viewer);
		assertThat(posted.getResponse().getStatus()).isEqualTo(403);
		RequestPostProcessor outsider = TestUsers.operator(BizScope.of(Set.of(-3L)));
		assertThat(this.pages.perform(post(base() + "/retry").param("mode", "all"), outsider).getResponse()
			.getStatus()).isEqualTo(404);
		assertThat(this.pages.get(base() + "/confirm?action=retry&mode=all",
				Pages.shareLink(this.scenario.subscriptionId, null)).status()).isEqualTo(403);
		assertThat(this.pages.get(base() + "/confirm?action=explode", this.operator).status()).isEqualTo(400);
		assertThat(this.tasks.findNewest(this.scenario.subscriptionId).orElseThrow().id())
			.isEqualTo(this.scenario.retryTask);
		assertThat(this.pages.get(base() + "?task=" + this.scenario.firstTask, this.operator).text("#counter-"
				+ Status.RUNNING.name() + " strong")).isEqualTo("2");
		assertThat(List.of(posted.getResponse().getStatus())).containsOnly(403);
	}

}
