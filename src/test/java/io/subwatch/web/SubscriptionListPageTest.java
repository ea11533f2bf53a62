package io.subwatch.web;

import java.time.Instant;
import java.util.List;
import java.util.Set;

import io.subwatch.ingest.IngestService.CreatedTask;
import io.subwatch.security.BizScope;
import io.subwatch.support.Fixtures;
import io.subwatch.support.IntegrationTest;
import io.subwatch.support.TestUsers;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.assertj.core.api.Assertions.assertThat;

@IntegrationTest
class SubscriptionListPageTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	Fixtures fixtures;

	/** One business with a finished subscription (one host failed) and a running one. */
	record Business(long bizId, long finished, long running, CreatedTask runningTask, RequestPostProcessor user) {
	}

	Business business() {
		long bizId = this.fixtures.newBizId();
		long finished = this.fixtures.subscription(bizId);
		CreatedTask done = this.fixtures.task(finished, this.fixtures.hosts(bizId, 3));
		Instant start = Instant.parse("2026-11-28T02:00:00Z");
		this.fixtures.send(Fixtures.finish(done.records().get(0).recordId(), -1, start));
		this.fixtures.send(Fixtures.finish(done.records().get(1).recordId(), -1, start));
		this.fixtures.send(Fixtures.finish(done.records().get(2).recordId(), 1, start));
		long running = this.fixtures.subscription(bizId);
		CreatedTask task = this.fixtures.task(running, this.fixtures.hosts(bizId, 4));
		this.fixtures.send(List.of(Fixtures.event(task.records().get(0).recordId(), 0, "RUNNING", start)));
		return new Business(bizId, finished, running, task, TestUsers.viewer(BizScope.of(Set.of(bizId))));
	}

	@Test
	void newestFirstWithTheLatestTaskStatusAndItsCounts() {
		Business b = business();
		Pages.Page page = new Pages(this.mvc).get("/", b.user());
		assertThat(page.status()).isEqualTo(200);
		assertThat(page.doc().select("#subscription-rows > tr").eachAttr("id"))
			.containsExactly("sub-" + b.running(), "sub-" + b.finished());
		Element finished = page.doc().getElementById("sub-" + b.finished());
		assertThat(finished.text()).contains("Partly failed").contains("test " + b.bizId());
		assertThat(finished.select(".count").eachText()).containsExactly("✓Succeeded 2", "✕Failed 1");
		assertThat(finished.select("svg.statusbar rect")).hasSize(2);
		Element running = page.doc().getElementById("sub-" + b.running());
		assertThat(running.hasClass("is-running")).isTrue();
		assertThat(running.text()).contains("Running");
	}

	@Test
	void runningRowsRefreshThemselvesThroughOnePollThatStopsWhenTheyFinish() {
		Business b = business();
		Pages pages = new Pages(this.mvc);
		Pages.Page page = pages.get("/", b.user());
		Element poller = page.doc().getElementById("list-live");
		assertThat(poller.attr("hx-trigger")).startsWith("every 200ms");
		String poll = poller.attr("hx-get");
		assertThat(poll).startsWith("/subscriptions/live?id=" + b.running() + "&v=");

		assertThat(pages.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders
			.get(java.net.URI.create(poll)), b.user()).getResponse().getStatus()).isEqualTo(204);

		Instant start = Instant.parse("2026-11-28T02:00:00Z");
		for (var record : b.runningTask().records()) {
			this.fixtures.send(Fixtures.finish(record.recordId(), -1, start));
		}
		Pages.Page refreshed = pages.get(poll, b.user());
		assertThat(refreshed.status()).isEqualTo(200);
		Element row = refreshed.doc().getElementById("sub-" + b.running());
		assertThat(row.attr("hx-swap-oob")).isEqualTo("true");
		assertThat(row.text()).contains("Succeeded");
		Element stopped = refreshed.doc().getElementById("list-live");
		assertThat(stopped.hasAttr("hx-trigger")).isFalse();
		assertThat(stopped.hasAttr("hx-get")).isFalse();
	}

	@Test
	void filtersByBusinessStatusAndNameAndKeepThemInTheLinks() {
		Business b = business();
		Pages pages = new Pages(this.mvc);
		RequestPostProcessor admin = TestUsers.admin();
		Pages.Page byBiz = pages.get("/?biz=" + b.bizId() + "&size=50", admin);
		assertThat(byBiz.doc().select("#subscription-rows > tr")).hasSize(2);
		assertThat(byBiz.doc().selectFirst("#biz option[selected]").val()).isEqualTo(String.valueOf(b.bizId()));
		assertThat(byBiz.doc().selectFirst("#list-size option[selected]").val()).isEqualTo("50");

		Pages.Page partlyFailed = pages.get("/?biz=" + b.bizId() + "&status=PART_FAILED", admin);
		assertThat(partlyFailed.doc().select("#subscription-rows > tr").eachAttr("id"))
			.containsExactly("sub-" + b.finished());
		assertThat(partlyFailed.doc().selectFirst("#list-status option[selected]").val()).isEqualTo("PART_FAILED");
		Pages.Page running = pages.get("/?biz=" + b.bizId() + "&status=running", admin);
		assertThat(running.doc().select("#subscription-rows > tr").eachAttr("id"))
			.containsExactly("sub-" + b.running());
		Pages.Page named = pages.get("/?name=TEST%20" + b.bizId(), admin);
		assertThat(named.doc().select("#subscription-rows > tr")).hasSize(2);
		assertThat(named.attr("#name", "value")).isEqualTo("TEST " + b.bizId());
		assertThat(pages.get("/?name=no-such-subscription-anywhere", admin).has("#subscription-rows")).isFalse();
	}

	@Test
	void pagesAreCutOnTheServer() {
		long bizId = this.fixtures.newBizId();
		for (int i = 0; i < 23; i++) {
			this.fixtures.subscription(bizId);
		}
		Pages pages = new Pages(this.mvc);
		RequestPostProcessor user = TestUsers.viewer(BizScope.of(Set.of(bizId)));
		Pages.Page first = pages.get("/", user);
		assertThat(first.doc().select("#subscription-rows > tr")).hasSize(20);
		assertThat(first.text(".pager-pos")).isEqualTo("Page 1 of 2");
		assertThat(first.attr(".pager a[rel=next]", "href")).isEqualTo("/?page=2");
		Pages.Page second = pages.get("/?page=2", user);
		assertThat(second.doc().select("#subscription-rows > tr")).hasSize(3);
		assertThat(second.text("#subscription-rows")).contains("No task yet");
	}

	@Test
	void onlyReadableSubscriptionsAreListedAndNonsenseIsABadRequest() {
		Business b = business();
		Pages pages = new Pages(this.mvc);
		Pages.Page other = pages.get("/", TestUsers.viewer(BizScope.of(Set.of(-7L))));
		assertThat(other.has("#subscription-rows")).isFalse();
		assertThat(other.text(".results-meta")).isEqualTo("No subscriptions");
		assertThat(other.doc().select("#biz option")).hasSize(1);
		Pages.Page liveOfOthers = pages.get("/subscriptions/live?id=" + b.running(),
				TestUsers.viewer(BizScope.of(Set.of(-7L))));
		assertThat(liveOfOthers.doc().getElementById("sub-" + b.running())).isNull();
		Pages.Page shared = pages.get("/", Pages.shareLink(b.finished(), null));
		assertThat(shared.doc().select("#subscription-rows > tr").eachAttr("id")).containsExactly("sub-" + b.finished());
		assertThat(shared.doc().select("#biz option").eachAttr("value")).containsExactly("", String.valueOf(b.bizId()));
		assertThat(pages.get("/", Pages.shareLink(b.finished(), "host|instance|host|1")).has("#subscription-rows"))
			.isFalse();
		for (String query : List.of("?status=DONE", "?size=13", "?page=-1", "?biz=x")) {
			assertThat(pages.get("/" + query, b.user()).status()).as(query).isEqualTo(400);
		}
	}

}
