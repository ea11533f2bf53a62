package io.subwatch.web;

import java.net.URI;
import java.time.Instant;
import java.util.Set;

import io.subwatch.audit.AuditDao;
import io.subwatch.result.OperatorActions;
import io.subwatch.security.BizScope;
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
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * "Retry from this sub-step" on the instance page: offered on the first failed sub-step to operators only, confirmed
 * on its own page, done once, and followed to the new attempt.
 */
@IntegrationTest
class RetryNodePageTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	Fixtures fixtures;

	@Autowired
	OperatorActions actions;

	@Autowired
	AuditDao audit;

	Pages pages;

	ResultScenario scenario;

	RequestPostProcessor operator;

	MockHttpSession session = new MockHttpSession();

	String instance;

	@BeforeEach
	void setUp() {
		this.pages = new Pages(this.mvc);
		this.scenario = new ResultScenario(this.fixtures, this.actions);
		this.operator = TestUsers.operator(BizScope.of(Set.of(this.scenario.bizId)));
		this.instance = this.scenario.instances.get(7);
		this.fixtures.send(Fixtures.finish(this.scenario.retryRecords.get(1), 2, Instant.parse("2026-11-28T03:00:00Z")));
	}

	String page(int step, int sub) {
		return Href.instance(this.scenario.subscriptionId, this.instance) + "?step=" + step + "&sub=" + sub;
	}

	@Test
	void operatorsRetryFromTheFirstFailedSubStepOnceAndLandOnTheNewAttempt() {
		Pages.Page failed = this.pages.get(page(0, 2), this.operator);
		assertThat(failed.text("#retry-node")).isEqualTo("Retry from this sub-step…");
		assertThat(this.pages.get(page(0, 1), this.operator).has("#retry-node")).as("a succeeded sub-step").isFalse();
		Pages.Page viewer = this.pages.get(page(0, 2),
				TestUsers.viewer(BizScope.of(Set.of(this.scenario.bizId))));
		assertThat(viewer.has("#retry-node")).isFalse();

		Pages.Page confirmation = Pages.page(this.pages.perform(
				get(URI.create(failed.attr("#retry-node", "href"))).session(this.session), this.operator));
		assertThat(confirmation.status()).isEqualTo(200);
		assertThat(confirmation.text("#confirm")).contains(Fixtures.AGENT_SUBS.get(2))
			.contains("The 2 sub-steps before it are kept as succeeded");
		String action = confirmation.attr("#confirm-form", "action");
		String token = confirmation.attr("#confirm-form input[name=token]", "value");
		MvcResult done = this.pages.perform(post(URI.create(action)).param("token", token).session(this.session), this.operator);
		assertThat(done.getResponse().getRedirectedUrl()).contains("/instances/").contains("task=");
		Pages.Page landed = Pages.page(this.pages.perform(
				get(URI.create(done.getResponse().getRedirectedUrl())).flashAttrs(done.getFlashMap()), this.operator));
		assertThat(landed.text(".flash")).contains("Retrying from “" + Fixtures.AGENT_SUBS.get(2) + "”");
		assertThat(this.audit.findRecentBySubscription(this.scenario.subscriptionId, 1).get(0).action())
			.isEqualTo("RETRY_NODE");

		MvcResult again = this.pages.perform(post(URI.create(action)).param("token", token).session(this.session), this.operator);
		assertThat(again.getResponse().getRedirectedUrl()).isEqualTo(done.getResponse().getRedirectedUrl());
		assertThat(this.audit.findRecentBySubscription(this.scenario.subscriptionId, 5).stream()
			.filter((entry) -> entry.action().equals("RETRY_NODE"))
			.count()).as("the second submit did nothing").isEqualTo(1);
	}

	@Test
	void viewersCannotPostAndNothingFailedSaysSo() {
		String action = Href.instance(this.scenario.subscriptionId, this.scenario.instances.get(0)) + "/retry-node";
		MvcResult viewer = this.pages.perform(post(URI.create(action)), TestUsers.viewer(BizScope.of(Set.of(this.scenario.bizId))));
		assertThat(viewer.getResponse().getStatus()).isEqualTo(403);
		Pages.Page nothing = this.pages.get(action, this.operator);
		assertThat(nothing.has("#confirm-nothing")).isTrue();
		assertThat(nothing.has("#confirm-submit")).isFalse();
	}

}
