package io.subwatch.web;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Set;

import io.subwatch.result.OperatorActions;
import io.subwatch.security.BizScope;
import io.subwatch.support.Fixtures;
import io.subwatch.support.IntegrationTest;
import io.subwatch.support.ResultScenario;
import io.subwatch.support.TestUsers;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.asyncDispatch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

@IntegrationTest
class InstancePageTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	Fixtures fixtures;

	@Autowired
	OperatorActions actions;

	Pages pages;

	ResultScenario scenario;

	RequestPostProcessor operator;

	@BeforeEach
	void setUp() {
		this.pages = new Pages(this.mvc);
		this.scenario = new ResultScenario(this.fixtures, this.actions);
		this.operator = TestUsers.operator(BizScope.of(Set.of(this.scenario.bizId)));
	}

	String url(int host, String query) {
		return Href.instance(this.scenario.subscriptionId, this.scenario.instances.get(host)) + query;
	}

	@Test
	void theFirstFailedSubStepOpensWithItsNumberedLog() {
		Pages.Page page = this.pages.get(url(6, "?task=" + this.scenario.firstTask), this.operator);
		assertThat(page.status()).isEqualTo(200);
		assertThat(page.text("#instance-summary h1")).startsWith("10.");
		assertThat(page.text("#instance-summary")).contains("Failed").contains(this.scenario.instances.get(6))
			.contains("attempt 1 of 2");
		assertThat(page.doc().select("#timeline .substep")).hasSize(4);
		Element selected = page.doc().selectFirst("#timeline .substep.is-selected");
		assertThat(selected.id()).isEqualTo("sub-0-2");
		assertThat(selected.selectFirst("a").attr("aria-current")).isEqualTo("true");
		assertThat(page.text("#substep h2")).contains("安装");
		assertThat(page.doc().select("#log li").eachAttr("id")).containsExactly("L1");
		assertThat(page.doc().selectFirst("#L1").hasClass("lvl-error")).isTrue();
		assertThat(page.attr("#L1 a.ln", "href")).isEqualTo("#L1");
		assertThat(page.doc().select("#timeline svg.gantt rect.gantt-bar")).hasSize(3);
		assertThat(page.has("#retry-one")).isFalse();
		assertThat(page.has("#not-latest")).isTrue();
	}

	@Test
	void aSubStepOpensByItsLinkAndTheLinkWorksWithoutJavaScript() {
		Pages.Page page = this.pages.get(url(0, ""), this.operator);
		assertThat(page.has("#substep .empty")).isTrue();
		Element link = page.doc().selectFirst("#sub-0-1 a");
		assertThat(link.attr("href")).endsWith("?task=" + this.scenario.firstTask + "&step=0&sub=1#substep");
		assertThat(link.attr("hx-get")).isEqualTo(link.attr("href").replace("#substep", ""));
		assertThat(link.attr("hx-target")).isEqualTo("#substep");
		assertThat(link.attr("hx-select")).isEqualTo("#substep");
		Pages.Page opened = this.pages.get(link.attr("hx-get"), this.operator);
		assertThat(opened.text("#substep h2")).contains("选择接入点");
		assertThat(opened.text("#log")).contains("done 1");
		assertThat(opened.doc().selectFirst("#sub-0-1").hasClass("is-selected")).isTrue();
	}

	@Test
	void aRunningRecordPollsItsTimelineAndAFinishedOneDoesNot() {
		Pages.Page running = this.pages.get(url(8, ""), this.operator);
		Element timeline = running.doc().getElementById("timeline");
		assertThat(timeline.attr("hx-trigger")).startsWith("every 200ms");
		String poll = timeline.attr("hx-get");
		assertThat(poll).contains("/timeline?task=" + this.scenario.firstTask + "&step=0&sub=1&v=");
		assertThat(running.doc().selectFirst("#sub-0-1").hasClass("is-running")).isTrue();
		assertThat(running.has("#terminate-one")).isTrue();
		assertThat(this.pages.perform(get(java.net.URI.create(poll)), this.operator).getResponse().getStatus())
			.isEqualTo(204);

		this.fixtures.send(Fixtures.finish(this.scenario.records.get(8), -1, Instant.parse("2026-11-28T02:05:00Z")));
		Pages.Page changed = this.pages.get(poll, this.operator);
		assertThat(changed.status()).isEqualTo(200);
		assertThat(changed.doc().getElementById("timeline").hasAttr("hx-trigger")).isFalse();
		assertThat(changed.attr("#substep", "hx-swap-oob")).isEqualTo("true");
		assertThat(changed.attr("#instance-summary", "hx-swap-oob")).isEqualTo("true");
		assertThat(changed.text("#instance-summary")).contains("Succeeded");
		Pages.Page finished = this.pages.get(url(0, ""), this.operator);
		assertThat(finished.doc().getElementById("timeline").hasAttr("hx-get")).isFalse();
	}

	@Test
	void attemptsAreListedNewestFirstAndEachOpensItsRecord() {
		Pages.Page page = this.pages.get(url(6, ""), this.operator);
		assertThat(page.doc().select("#attempts tbody tr")).hasSize(2);
		List<String> links = page.doc().select("#attempts tbody th a").eachAttr("href");
		assertThat(links.get(0)).endsWith("?task=" + this.scenario.retryTask);
		assertThat(links.get(1)).endsWith("?task=" + this.scenario.firstTask);
		assertThat(page.text("#instance-summary")).contains("attempt 2 of 2").contains("Succeeded");
		assertThat(page.has("#not-latest")).isFalse();
		Pages.Page first = this.pages.get(links.get(1), this.operator);
		assertThat(first.text("#instance-summary")).contains("Failed");
	}

	@Test
	void theLogDownloadsAsText() throws Exception {
		String url = url(6, "/log?task=" + this.scenario.firstTask);
		MvcResult started = this.pages.perform(get(java.net.URI.create(url)), this.operator);
		MvcResult all = this.mvc.perform(asyncDispatch(started)).andReturn();
		assertThat(all.getResponse().getContentType()).startsWith("text/plain");
		assertThat(all.getResponse().getHeader("Content-Disposition")).startsWith("attachment");
		String text = all.getResponse().getContentAsString(StandardCharsets.UTF_8);
		assertThat(text).containsPattern("== .+ › 注册主机到配置平台 ==\n\\[x INFO\\] done 0\n").contains("failed at 2");
		MvcResult one = this.mvc.perform(asyncDispatch(this.pages.perform(
				get(java.net.URI.create(url + "&step=0&sub=2")), this.operator))).andReturn();
		assertThat(one.getResponse().getContentAsString(StandardCharsets.UTF_8)).isEqualTo("[x ERROR] failed at 2\n");
		assertThat(this.pages.perform(get(java.net.URI.create(url + "&step=0&sub=9")), this.operator).getResponse()
			.getStatus()).isEqualTo(404);
	}

	@Test
	void unknownOrInvisibleInstancesGetTheSame404() {
		long otherSubscription = this.fixtures.subscription();
		for (String url : List.of(url(0, "").replace("%7C" + this.scenario.instances.get(0).split("\\|")[3],
				"%7C999999999"), url(0, "?task=999999"),
				Href.instance(otherSubscription, this.scenario.instances.get(0)).toString())) {
			Pages.Page page = this.pages.get(url, TestUsers.admin());
			assertThat(page.status()).as(url).isEqualTo(404);
			assertThat(page.has("#error-404")).isTrue();
		}
		assertThat(this.pages.get(url(0, ""), TestUsers.viewer(BizScope.of(Set.of(-1L)))).status()).isEqualTo(404);
		RequestPostProcessor oneInstance = Pages.shareLink(this.scenario.subscriptionId,
				this.scenario.instances.get(1));
		assertThat(this.pages.get(url(1, ""), oneInstance).status()).isEqualTo(200);
		assertThat(this.pages.get(url(0, ""), oneInstance).status()).isEqualTo(404);
		Pages.Page shared = this.pages.get(url(1, ""), oneInstance);
		assertThat(shared.has("#retry-one, #terminate-one")).isFalse();
		assertThat(shared.doc().select(".crumbs a").eachAttr("href")).containsExactly("/");
		assertThat(shared.doc().select("#instance-summary a[href^=/subscriptions/" + this.scenario.subscriptionId
				+ "?]")).isEmpty();
	}

}
