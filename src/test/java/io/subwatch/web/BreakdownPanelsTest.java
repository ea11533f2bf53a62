package io.subwatch.web;

import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.subwatch.ingest.IngestService.CreatedRecord;
import io.subwatch.ingest.IngestService.CreatedTask;
import io.subwatch.security.BizScope;
import io.subwatch.subscription.ErrorText;
import io.subwatch.support.Fixtures;
import io.subwatch.support.IntegrationTest;
import io.subwatch.support.TestUsers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static io.subwatch.support.Fixtures.event;
import static org.assertj.core.api.Assertions.assertThat;

/** The step matrix and failure clusters: their numbers, and that every link lands on exactly their hosts. */
@IntegrationTest
class BreakdownPanelsTest {

	static final Instant T0 = Instant.parse("2026-11-28T02:00:00Z");

	static final String TIMEOUT = ErrorText.key("ERROR connect <ip> timeout after <n>s");

	@Autowired
	MockMvc mvc;

	@Autowired
	Fixtures fixtures;

	Pages pages;

	RequestPostProcessor operator;

	long subscriptionId;

	long taskId;

	List<Long> records;

	List<String> ips = new ArrayList<>();

	/**
	 * Ten hosts: 2 succeeded, 3 failed at 安装 timing out (each its own IP and seconds), 1 failed at 安装 with a full
	 * disk, 1 failed at 选择接入点, 2 running at 选择接入点, 1 pending.
	 */
	@BeforeEach
	void setUp() {
		this.pages = new Pages(this.mvc);
		long bizId = this.fixtures.newBizId();
		this.operator = TestUsers.operator(BizScope.of(Set.of(bizId)));
		this.subscriptionId = this.fixtures.subscription(bizId);
		List<Map<String, Object>> hosts = this.fixtures.hosts(bizId, 10);
		CreatedTask task = this.fixtures.task(this.subscriptionId, hosts);
		this.taskId = task.taskId();
		this.records = task.records().stream().map(CreatedRecord::recordId).toList();
		for (Map<String, Object> host : hosts) {
			@SuppressWarnings("unchecked")
			Map<String, Object> info = (Map<String, Object>) ((Map<String, Object>) host.get("instance_info")).get("host");
			this.ips.add((String) info.get("bk_host_innerip"));
		}
		List<Map<String, Object>> events = new ArrayList<>();
		events.addAll(Fixtures.finish(this.records.get(0), -1, T0));
		events.addAll(Fixtures.finish(this.records.get(1), -1, T0));
		for (int i = 2; i < 5; i++) {
			events.add(event(this.records.get(i), 2, "FAILED", T0,
					"[INFO] start\nERROR connect 10.1.0." + i + ":22 timeout after " + (i * 10) + "s"));
		}
		events.add(event(this.records.get(5), 2, "FAILED", T0, "ERROR disk full on /dev/sda" + 5));
		events.add(event(this.records.get(6), 1, "FAILED", T0, "access point unreachable"));
		events.add(event(this.records.get(7), 1, "RUNNING", T0));
		events.add(event(this.records.get(8), 1, "RUNNING", T0));
		this.fixtures.send(events);
	}

	String url(String query) {
		return "/subscriptions/" + this.subscriptionId + query;
	}

	@Test
	void theMatrixCountsEveryHostOnceAndItsColumnsAddUpToTheCounters() {
		Pages.Page page = this.pages.get(url("?task=" + this.taskId), this.operator);
		assertThat(page.status()).isEqualTo(200);
		assertThat(page.doc().select("#step-matrix tbody tr")).hasSize(Fixtures.AGENT_SUBS.size());
		assertThat(page.text("#matrix-0-2 th")).isEqualTo("安装");
		assertThat(page.text("#cell-0-0-PENDING")).isEqualTo("1");
		assertThat(page.text("#cell-0-1-RUNNING")).isEqualTo("2");
		assertThat(page.text("#cell-0-1-FAILED")).isEqualTo("1");
		assertThat(page.text("#cell-0-2-FAILED")).isEqualTo("4");
		assertThat(page.text("#cell-0-3-SUCCESS")).isEqualTo("2");
		assertThat(page.has("#cell-0-2-SUCCESS")).as("no link for an empty cell").isFalse();
		assertThat(page.text("#step-matrix tfoot")).isEqualTo("Total 1 2 2 5 0 10");
		assertThat(page.text("#counter-FAILED strong")).isEqualTo("5");
	}

	@Test
	void aMatrixCellListsTheHostsStandingThereInThatStatus() {
		Pages.Page page = this.pages.get(url("?task=" + this.taskId), this.operator);
		String href = page.attr("#cell-0-2-FAILED", "href");
		assertThat(href).isEqualTo(url("?task=" + this.taskId + "&status=FAILED&at=0.2"));
		Pages.Page cell = this.pages.get(href, this.operator);
		assertThat(rowIds(cell)).containsExactlyElementsOf(List.of(this.records.get(2), this.records.get(3),
				this.records.get(4), this.records.get(5)));
		assertThat(cell.text("#results-meta")).contains("of 4 matching hosts");
		assertThat(cell.text("#place-filter")).contains("安装");
		assertThat(cell.attr("#place-filter-clear", "href")).isEqualTo(url("?task=" + this.taskId + "&status=FAILED"));
		assertThat(cell.attr("#matrix-0-2", "class")).contains("is-current");
		// the poll keeps the filter
		assertThat(cell.attr("#counters", "hx-get")).contains("at=0.2");

		Pages.Page running = this.pages.get(page.attr("#cell-0-1-RUNNING", "href"), this.operator);
		assertThat(rowIds(running)).containsExactly(this.records.get(7), this.records.get(8));
		// a search inside the filter keeps to it
		Pages.Page searched = this.pages.get(url("?task=" + this.taskId + "&status=RUNNING&at=0.1&q=" + this.ips.get(7)
				+ "%0A" + this.ips.get(0)), this.operator);
		assertThat(rowIds(searched)).containsExactly(this.records.get(7));
	}

	@Test
	void failuresGroupByPlaceAndNormalisedErrorLargestFirst() {
		Pages.Page page = this.pages.get(url("?task=" + this.taskId), this.operator);
		assertThat(page.text("#failure-clusters h2")).isEqualTo("Why 5 hosts failed");
		assertThat(page.doc().select("#failure-clusters li.cluster")).hasSize(3);
		assertThat(page.attr("#cluster-0", "data-error-key")).isEqualTo(TIMEOUT);
		assertThat(page.text("#cluster-0 .cluster-count")).isEqualTo("3 hosts · 60.0%");
		assertThat(page.text("#cluster-0 .cluster-place")).isEqualTo("安装");
		assertThat(page.text("#cluster-0 .cluster-pattern")).isEqualTo("ERROR connect <ip> timeout after <n>s");
		assertThat(page.doc().select("#cluster-0 .cluster-samples li")).hasSize(2);
		assertThat(page.text("#cluster-0 .cluster-samples li")).contains(this.ips.get(2), this.ips.get(3),
				"ERROR connect 10.1.0.2:22 timeout after 20s");
		assertThat(page.text("#cluster-1 .cluster-count")).isEqualTo("1 host · 20.0%");
	}

	@Test
	void aClusterShowsCopiesAndRetriesExactlyItsHosts() throws Exception {
		Pages.Page page = this.pages.get(url("?task=" + this.taskId), this.operator);
		Pages.Page shown = this.pages.get(page.attr("#cluster-0 .cluster-show", "href"), this.operator);
		assertThat(page.attr("#cluster-0 .cluster-show", "href"))
			.isEqualTo(url("?task=" + this.taskId + "&status=FAILED&at=0.2&error=" + TIMEOUT));
		assertThat(rowIds(shown)).containsExactly(this.records.get(2), this.records.get(3), this.records.get(4));
		assertThat(shown.text("#place-filter")).contains("ERROR connect <ip> timeout after <n>s");

		var started = this.pages.perform(
				MockMvcRequestBuilders.get(URI.create(page.attr("#cluster-0 .cluster-copy", "data-copy-url"))),
				this.operator);
		String copied = Pages.body(this.mvc.perform(MockMvcRequestBuilders.asyncDispatch(started)).andReturn());
		assertThat(copied.lines().toList()).containsExactly(this.ips.get(2), this.ips.get(3), this.ips.get(4));

		// the view's CSV download keeps the filter too
		var csvStarted = this.pages.perform(MockMvcRequestBuilders.get(URI.create(url("/hosts.csv?task=" + this.taskId
				+ "&status=FAILED&at=0.2&error=" + TIMEOUT))), this.operator);
		String csv = Pages.body(this.mvc.perform(MockMvcRequestBuilders.asyncDispatch(csvStarted)).andReturn());
		assertThat(csv.lines().filter((line) -> !line.isBlank()).count()).as(csv).isEqualTo(4);
		assertThat(csv).contains(this.ips.get(2), this.ips.get(3), this.ips.get(4)).doesNotContain(this.ips.get(5));

		Pages.Page confirm = this.pages.get(page.attr("#cluster-0 .cluster-retry", "href"), this.operator);
		assertThat(confirm.status()).isEqualTo(200);
		assertThat(confirm.text("#confirm-submit")).isEqualTo("Retry 3 hosts");
		assertThat(confirm.attr("#confirm-form input[name=at]", "value")).isEqualTo("0.2");
		assertThat(confirm.attr("#confirm-form input[name=error]", "value")).isEqualTo(TIMEOUT);
	}

	@Test
	void thePanelsRefreshWithThePollAndOnlyWhenTheyChange() throws Exception {
		Pages.Page page = this.pages.get(url("?task=" + this.taskId + "&status=SUCCESS"), this.operator);
		String poll = page.attr("#counters", "hx-get");
		assertThat(this.pages.perform(MockMvcRequestBuilders.get(URI.create(poll)), this.operator).getResponse()
			.getStatus()).isEqualTo(204);
		// a running host moves on: no counter and no row shown changes, the matrix does
		this.fixtures.send(List.of(event(this.records.get(7), 2, "RUNNING", T0.plusSeconds(30))));
		Pages.Page changed = this.pages.get(poll, this.operator);
		assertThat(changed.status()).isEqualTo(200);
		assertThat(changed.attr("#breakdown", "hx-swap-oob")).isEqualTo("true");
		assertThat(changed.text("#cell-0-2-RUNNING")).isEqualTo("1");
		assertThat(changed.text("#cell-0-1-RUNNING")).isEqualTo("1");
	}

	@Test
	void bothLanguagesAndNonsenseFilters() {
		Pages.Page chinese = Pages.page(this.pages.perform(MockMvcRequestBuilders
			.get(URI.create(url("?task=" + this.taskId)))
			.header("Accept-Language", "zh-CN"), this.operator));
		assertThat(chinese.text("#step-matrix h2")).isEqualTo("主机停在哪一步");
		assertThat(chinese.text("#failure-clusters h2")).isEqualTo("5 台主机为何失败");
		assertThat(chinese.text("#cluster-0 .cluster-show")).isEqualTo("显示这 3 台主机");
		for (String bad : List.of("&at=x", "&at=1", "&at=1.2.3", "&at=99999999.0", "&error=" + TIMEOUT,
				"&at=0.2&error=nothex", "&at=0.2&error=" + TIMEOUT.toUpperCase())) {
			assertThat(this.pages.get(url("?task=" + this.taskId + bad), this.operator).status()).as(bad).isEqualTo(400);
		}
	}

	private static List<Long> rowIds(Pages.Page page) {
		return page.doc().select("#host-rows tr").stream().map((row) -> Long.parseLong(row.id().substring(4))).toList();
	}

}
