package io.subwatch.web;

import java.time.Instant;
import java.util.List;

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
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.assertj.core.api.Assertions.assertThat;

@IntegrationTest
class SubscriptionPageTest {

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
		this.operator = TestUsers.operator(BizScope.of(java.util.Set.of(this.scenario.bizId)));
	}

	String url(String query) {
		return "/subscriptions/" + this.scenario.subscriptionId + query;
	}

	@Test
	void countersOnePerStatusPresentAddUpAndEachFiltersTheTable() {
		Pages.Page page = this.pages.get(url("?task=" + this.scenario.firstTask), this.operator);
		assertThat(page.status()).isEqualTo(200);
		assertThat(page.text("#counter-SUCCESS strong")).isEqualTo("6");
		assertThat(page.text("#counter-FAILED strong")).isEqualTo("2");
		assertThat(page.text("#counter-RUNNING strong")).isEqualTo("2");
		assertThat(page.text("#counter-PENDING strong")).isEqualTo("2");
		assertThat(page.has("#counter-TERMINATED")).isFalse();
		assertThat(page.text(".counter-all strong")).isEqualTo("12");
		assertThat(page.text("#counters .failed-so-far")).contains("2 failed so far");
		assertThat(page.attr("#counter-FAILED", "href"))
			.isEqualTo(url("?task=" + this.scenario.firstTask + "&status=FAILED"));
		assertThat(page.doc().select("#host-rows tr")).hasSize(12);

		Pages.Page failed = this.pages.get(page.attr("#counter-FAILED", "href"), this.operator);
		assertThat(failed.doc().select("#host-rows tr")).hasSize(2);
		assertThat(failed.text("#results-meta")).contains("1–2 of 2 matching hosts (12 in all)");
		assertThat(failed.text("#host-rows")).contains("Failed at 安装");
		assertThat(failed.attr("#counter-FAILED", "aria-current")).isEqualTo("true");
	}

	@Test
	void pollsWhileRunningAndStopsWhenFinished() {
		Pages.Page running = this.pages.get(url("?task=" + this.scenario.firstTask), this.operator);
		Element counters = running.doc().selectFirst("#counters");
		assertThat(counters.attr("hx-trigger")).startsWith("every 200ms");
		assertThat(counters.attr("hx-get")).startsWith(url("/counters?task=" + this.scenario.firstTask));
		assertThat(counters.attr("data-poll")).isEqualTo("counters");
		assertThat(running.attr("#results", "hx-swap-oob")).isEmpty();

		Instant start = Instant.parse("2026-11-28T03:00:00Z");
		for (int i = 8; i < 12; i++) {
			this.fixtures.send(Fixtures.finish(this.scenario.records.get(i), -1, start));
		}
		Pages.Page finished = this.pages.get(url("?task=" + this.scenario.firstTask), this.operator);
		Element done = finished.doc().selectFirst("#counters");
		assertThat(done.hasAttr("hx-trigger")).isFalse();
		assertThat(done.hasAttr("hx-get")).isFalse();
		assertThat(done.hasAttr("data-poll")).isFalse();
		assertThat(finished.text("#live-status")).contains("Finished");
	}

	@Test
	void thePollAnswers204WhileNothingChangedAndTheRegionsWhenSomethingDid() throws Exception {
		Pages.Page page = this.pages.get(url("?task=" + this.scenario.firstTask + "&status=RUNNING"), this.operator);
		String poll = page.attr("#counters", "hx-get");
		var unchanged = this.pages.perform(
				org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get(java.net.URI.create(poll)),
				this.operator);
		assertThat(unchanged.getResponse().getStatus()).isEqualTo(204);
		assertThat(unchanged.getResponse().getContentLength()).isZero();

		this.fixtures.send(List.of(Fixtures.event(this.scenario.records.get(8), 2, "RUNNING",
				Instant.parse("2026-11-28T02:01:00Z"))));
		Pages.Page changed = this.pages.get(poll, this.operator);
		assertThat(changed.status()).isEqualTo(200);
		assertThat(changed.doc().select("#counters")).hasSize(1);
		assertThat(changed.attr("#results", "hx-swap-oob")).isEqualTo("true");
		assertThat(changed.text("#row-" + this.scenario.records.get(8))).contains("Running: 安装");
		assertThat(changed.attr("#counters", "hx-get")).isNotEqualTo(poll);
	}

	@Test
	void aChangeTheRegionsDoNotShowStillAnswers204ForTheSameReaderOnly() throws Exception {
		Pages.Page page = this.pages.get(url("?task=" + this.scenario.firstTask + "&status=RUNNING"), this.operator);
		String poll = page.attr("#counters", "hx-get");
		// A progress line on a running host: stored, but neither its row nor a counter changes.
		this.fixtures.send(List.of(Fixtures.event(this.scenario.records.get(9), 1, "RUNNING",
				Instant.parse("2026-11-28T02:00:00Z"), "[2026-11-28 10:00:30 INFO] 50%")));
		var quiet = this.pages.perform(
				org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get(java.net.URI.create(poll)),
				this.operator);
		assertThat(quiet.getResponse().getStatus()).isEqualTo(204);

		// The same poll from a reader who sees the regions differently (no actions) is not "unchanged".
		String current = this.pages.get(url("?task=" + this.scenario.firstTask + "&status=RUNNING"), this.operator)
			.attr("#counters", "hx-get");
		assertThat(current).isNotEqualTo(poll);
		RequestPostProcessor viewer = TestUsers.viewer(BizScope.of(java.util.Set.of(this.scenario.bizId)));
		assertThat(this.pages.get(current, viewer).status()).isEqualTo(200);
		RequestPostProcessor stranger = TestUsers.operator(BizScope.of(java.util.Set.of(this.scenario.bizId + 1)));
		assertThat(this.pages.get(current, stranger).status()).as("another business, with a valid version").isEqualTo(404);
		assertThat(this.pages.perform(
				org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get(java.net.URI.create(current)),
				this.operator).getResponse().getStatus()).isEqualTo(204);
	}

	@Test
	void everyFilterRoundTripsThroughTheQueryString() {
		String ips = "10.0.0.1";
		Pages.Page page = this.pages.get(url("?task=" + this.scenario.firstTask
				+ "&status=FAILED&status=SUCCESS&q=" + ips + "&page=1&size=100"), this.operator);
		assertThat(page.status()).isEqualTo(200);
		assertThat(page.doc().selectFirst("#task option[selected]").val())
			.isEqualTo(String.valueOf(this.scenario.firstTask));
		assertThat(page.doc().select("#filters input[name=status][checked]").eachAttr("value"))
			.containsExactly("SUCCESS", "FAILED");
		assertThat(page.doc().selectFirst("#q").text()).isEqualTo(ips);
		assertThat(page.doc().selectFirst("#size option[selected]").val()).isEqualTo("100");
		String poll = page.attr("#counters", "hx-get");
		assertThat(poll).contains("task=" + this.scenario.firstTask).contains("status=SUCCESS")
			.contains("status=FAILED").contains("q=10.0.0.1").contains("size=100");
		assertThat(page.attr(".counter-all", "href")).contains("q=10.0.0.1").contains("size=100")
			.doesNotContain("status=");
		assertThat(page.doc().select("#bulk input[name=status]").eachAttr("value")).containsExactly("SUCCESS",
				"FAILED");
	}

	@Test
	void pagesAreCutOnTheServerAndLinkedBothWays() {
		long bizId = this.fixtures.newBizId();
		long subscriptionId = this.fixtures.subscription(bizId);
		this.fixtures.task(subscriptionId, this.fixtures.hosts(bizId, 120));
		RequestPostProcessor user = TestUsers.viewer(BizScope.of(java.util.Set.of(bizId)));
		Pages.Page second = this.pages.get("/subscriptions/" + subscriptionId + "?page=2", user);
		assertThat(second.doc().select("#host-rows tr")).hasSize(50);
		assertThat(second.text("#results-meta")).contains("51–100 of 120 hosts");
		assertThat(second.text(".pager-pos")).isEqualTo("Page 2 of 3");
		assertThat(second.attr(".pager a[rel=next]", "href")).isEqualTo("/subscriptions/" + subscriptionId + "?page=3");
		assertThat(second.attr(".pager a[rel=prev]", "href")).isEqualTo("/subscriptions/" + subscriptionId);
		Pages.Page past = this.pages.get("/subscriptions/" + subscriptionId + "?page=9", user);
		assertThat(past.status()).isEqualTo(200);
		assertThat(past.text(".empty")).contains("Page 9 is past the end");
		Pages.Page big = this.pages.get("/subscriptions/" + subscriptionId + "?size=200", user);
		assertThat(big.doc().select("#host-rows tr")).hasSize(120);
	}

	@Test
	void pastedIpsFindTheirHostsAndTheMissingOnesAreNamed() {
		List<String> ips = this.pages.get(url("?task=" + this.scenario.firstTask), this.operator)
			.doc()
			.select("#host-rows .host-link")
			.eachText();
		String pasted = ips.get(0) + ",\n" + ips.get(3) + "; 10.255.255.254\t" + ips.get(6);
		Pages.Page page = this.pages.get(url("?task=" + this.scenario.firstTask + "&q="
				+ java.net.URLEncoder.encode(pasted, java.nio.charset.StandardCharsets.UTF_8).replace("+", "%20")),
				this.operator);
		assertThat(page.doc().select("#host-rows .host-link").eachText()).containsExactly(ips.get(0), ips.get(3),
				ips.get(6));
		assertThat(page.text("#not-found")).contains("1 of the 4 searched hosts").contains("10.255.255.254");
		assertThat(page.doc().selectFirst("#q").text()).isEqualTo(ips.get(0) + " " + ips.get(3) + " 10.255.255.254 "
				+ ips.get(6));

		Pages.Page prefix = this.pages.get(url("?task=" + this.scenario.firstTask + "&q=host-"), this.operator);
		assertThat(prefix.doc().select("#host-rows tr")).hasSize(12);
		Pages.Page byInstance = this.pages.get(url("?q=" + this.scenario.instances.get(7).replace("|", "%7C")),
				this.operator);
		assertThat(byInstance.doc().select("#host-rows tr")).hasSize(1);
	}

	@Test
	void pastedHostsOfOtherTasksAreToldApartFromHostsNeverTargeted() {
		List<String> ips = this.pages.get(url("?task=" + this.scenario.firstTask), this.operator)
			.doc()
			.select("#host-rows .host-link")
			.eachText();
		// The latest task is the retry of hosts 6 and 7: host 0 is in the subscription, but not in this view.
		String pasted = ips.get(6) + " " + ips.get(0) + " 10.255.255.253 0:10.255.255.252 host|instance|host|404";
		Pages.Page page = this.pages.get(url("?q=" + java.net.URLEncoder.encode(pasted,
				java.nio.charset.StandardCharsets.UTF_8).replace("+", "%20")), this.operator);
		assertThat(page.doc().select("#host-rows .host-link").eachText()).containsExactly(ips.get(6));
		assertThat(page.text("#not-found")).contains("Not in this subscription (never targeted): 3 of the 5 searched hosts");
		assertThat(page.text("#not-found-list")).isEqualTo("10.255.255.253 0:10.255.255.252 host|instance|host|404");
		assertThat(page.attr("#copy-not-found", "data-copy-text"))
			.isEqualTo("10.255.255.253\n0:10.255.255.252\nhost|instance|host|404");
		assertThat(page.has("#copy-not-found[hidden]")).isTrue();
		assertThat(page.text("#not-in-view")).contains("1 searched host is in this subscription but not in this view")
			.contains(ips.get(0))
			.doesNotContain(ips.get(6));

		Pages.Page all = this.pages.get(url("?task=all&q=" + ips.get(0) + "%20" + ips.get(6)), this.operator);
		assertThat(all.has("#not-found")).isFalse();
		assertThat(all.has("#not-in-view")).isFalse();
		Pages.Page chinese = Pages.page(this.pages.perform(org.springframework.test.web.servlet.request
			.MockMvcRequestBuilders.get(java.net.URI.create(url("?q=10.255.255.253")))
			.header("Accept-Language", "zh-CN"), this.operator));
		assertThat(chinese.text("#not-found")).contains("搜索的 1 台主机中有 1 台不在此订阅中");
		assertThat(chinese.text("#copy-not-found")).isEqualTo("复制这些主机");
	}

	@Test
	void allTasksAggregatedShowsTheNewestResultOfEveryHost() {
		Pages.Page page = this.pages.get(url("?task=all"), this.operator);
		assertThat(page.text(".counter-all strong")).isEqualTo("12");
		assertThat(page.text("#counter-SUCCESS strong")).isEqualTo("7");
		assertThat(page.has("#counter-FAILED")).isFalse();
		assertThat(page.text("#counter-PENDING strong")).isEqualTo("3");
		assertThat(page.doc().select("#host-rows tr")).hasSize(12);
		assertThat(page.doc().select("#hosts thead th").eachText()).contains("Task");

		Pages.Page latest = this.pages.get(url(""), this.operator);
		assertThat(latest.text(".counter-all strong")).isEqualTo("2");
		assertThat(latest.attr("#counters", "hx-get")).contains("task=" + this.scenario.retryTask);
	}

	@Test
	void writersSeeActionsAndShareReadersDoNot() {
		Pages.Page operatorPage = this.pages.get(url(""), this.operator);
		assertThat(operatorPage.has("#share")).isTrue();
		assertThat(operatorPage.attr("#share", "href")).isEqualTo(url("/share-links"));
		assertThat(operatorPage.has("#bulk")).isTrue();
		assertThat(operatorPage.has("#host-rows input[data-select]")).isTrue();
		assertThat(operatorPage.text("#audit")).contains("test").contains("Retried hosts");

		Pages.Page viewer = this.pages.get(url(""), TestUsers.viewer(BizScope.of(java.util.Set.of(this.scenario.bizId))));
		assertThat(viewer.has("#share")).isFalse();
		assertThat(viewer.has("#bulk")).isFalse();
		assertThat(viewer.has("#retry-failed")).isFalse();
		assertThat(viewer.has("#host-rows input")).isFalse();

		Pages.Page shared = this.pages.get(url(""), Pages.shareLink(this.scenario.subscriptionId, null));
		assertThat(shared.status()).isEqualTo(200);
		assertThat(shared.has("#share")).isFalse();
		assertThat(operatorPage.text("#subscription-header .created-by")).isEqualTo("test");
		assertThat(shared.has("#subscription-header .created-by")).isFalse();
		assertThat(shared.doc().select("#audit thead th").eachText()).doesNotContain("Who");
		assertThat(shared.text("#audit tbody")).doesNotContain("test");
	}

	@Test
	void unknownOrInvisibleLooksTheSame() {
		Pages.Page unknown = this.pages.get("/subscriptions/999999999", this.operator);
		Pages.Page other = this.pages.get(url(""), TestUsers.viewer(BizScope.of(java.util.Set.of(-5L))));
		Pages.Page shareOfAnother = this.pages.get(url(""), Pages.shareLink(this.scenario.subscriptionId + 1, null));
		Pages.Page shareOfOneHost = this.pages.get(url(""),
				Pages.shareLink(this.scenario.subscriptionId, this.scenario.instances.get(0)));
		for (Pages.Page page : List.of(unknown, other, shareOfAnother, shareOfOneHost)) {
			assertThat(page.status()).isEqualTo(404);
			assertThat(page.has("#error-404")).isTrue();
		}
		// the same page, but for the request id each answer carries
		assertThat(withoutRequestId(other)).isEqualTo(withoutRequestId(unknown));
		long otherSubscription = this.fixtures.subscription();
		long foreignTask = this.fixtures.task(otherSubscription, this.fixtures.hosts(1, 1)).taskId();
		assertThat(this.pages.get(url("?task=" + foreignTask), this.operator).status()).isEqualTo(404);
		assertThat(this.pages.get(url("/counters?task=99999999"), this.operator).status()).isEqualTo(404);
	}

	@Test
	void nonsenseParametersGetAReadablePage() {
		for (String query : List.of("?status=DONE", "?size=7", "?page=abc", "?task=x")) {
			Pages.Page page = this.pages.get(url(query), this.operator);
			assertThat(page.status()).as(query).isEqualTo(400);
			assertThat(page.has("#error-400")).as(query).isTrue();
			assertThat(page.text("#error-message")).as(query).isNotBlank();
		}
	}

	private static String withoutRequestId(Pages.Page page) {
		org.jsoup.nodes.Document doc = page.doc().clone();
		doc.select(".error-request").remove();
		return doc.select("main").text();
	}

}
