package io.subwatch.web;

import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.subwatch.ingest.IngestService.CreatedTask;
import io.subwatch.records.RecordFilter;
import io.subwatch.records.RecordRunningDao;
import io.subwatch.records.RecordScope;
import io.subwatch.security.BizScope;
import io.subwatch.subscription.CounterDao;
import io.subwatch.subscription.Status;
import io.subwatch.support.Fixtures;
import io.subwatch.support.IntegrationTest;
import io.subwatch.support.MutableClock;
import io.subwatch.support.MutableClockConfig;
import io.subwatch.support.TestUsers;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The stragglers in the host table: the "stuck" badge, the {@code stuck=1} filter and the {@code order=longest}
 * order. A task of 25 hosts, 21 finished with every sub-step taking 5 s (so each sub-step's p95 is 5 s, from 21
 * runs), host 22 running its second sub-step for 9 min 50 s and host 21 for 8 min 20 s (both stuck), host 23 for 2 s
 * (running, not stuck), host 24 waiting.
 */
@IntegrationTest
@Import(MutableClockConfig.class)
class StuckHostsPageTest {

	static final Instant START = Instant.parse("2026-11-28T02:00:00Z");

	static final Instant NOW = START.plusSeconds(600);

	@Autowired
	MockMvc mvc;

	@Autowired
	Fixtures fixtures;

	@Autowired
	MutableClock clock;

	@Autowired
	RecordRunningDao running;

	@Autowired
	CounterDao counters;

	Pages pages;

	RequestPostProcessor viewer;

	long subscriptionId;

	long taskId;

	List<Long> records;

	@BeforeEach
	void setUp() {
		this.pages = new Pages(this.mvc);
		long biz = this.fixtures.newBizId();
		this.viewer = TestUsers.operator(BizScope.of(Set.of(biz)));
		this.clock.set(START);
		this.subscriptionId = this.fixtures.subscription(biz);
		CreatedTask task = this.fixtures.task(this.subscriptionId, this.fixtures.hosts(biz, 25));
		this.taskId = task.taskId();
		this.records = task.records().stream().map((r) -> r.recordId()).toList();
		this.clock.set(NOW);
		List<Map<String, Object>> events = new ArrayList<>();
		for (int i = 0; i < 21; i++) {
			events.addAll(Fixtures.finish(this.records.get(i), -1, START));
		}
		events.addAll(runningSecondSubStep(this.records.get(21), START.plusSeconds(100)));
		events.addAll(runningSecondSubStep(this.records.get(22), START.plusSeconds(10)));
		events.addAll(runningSecondSubStep(this.records.get(23), NOW.minusSeconds(2)));
		this.fixtures.send(events);
	}

	/** The first sub-step done in 5 s, the second running since {@code since}. */
	static List<Map<String, Object>> runningSecondSubStep(long recordId, Instant since) {
		return List.of(Fixtures.event(recordId, 0, "RUNNING", since.minusSeconds(10)),
				Fixtures.event(recordId, 0, "SUCCESS", since.minusSeconds(5)),
				Fixtures.event(recordId, 1, "RUNNING", since));
	}

	String url(String query) {
		return "/subscriptions/" + this.subscriptionId + query;
	}

	String task() {
		return "?task=" + this.taskId;
	}

	static List<Long> rowIds(Pages.Page page) {
		return page.doc().select("#host-rows tr").stream()
				.map((Element row) -> Long.parseLong(row.id().substring("row-".length())))
				.toList();
	}

	List<Long> records(int... indexes) {
		List<Long> ids = new ArrayList<>();
		for (int i : indexes) {
			ids.add(this.records.get(i));
		}
		return ids;
	}

	@Test
	void theStuckHostsCarryABadgeInTheTable() {
		Pages.Page page = this.pages.get(url(task()), this.viewer);
		assertThat(page.status()).isEqualTo(200);
		assertThat(rowIds(page)).hasSize(25);
		assertThat(page.doc().select("#host-rows .badge-stuck")).hasSize(2);
		assertThat(page.text("#row-" + this.records.get(22) + " .badge-stuck")).isEqualTo("stuck");
		assertThat(page.has("#row-" + this.records.get(21) + " .badge-stuck")).isTrue();
		assertThat(page.has("#row-" + this.records.get(23) + " .badge-stuck")).isFalse();
		assertThat(page.has("#row-" + this.records.get(0) + " .badge-stuck")).isFalse();
		// the same rule as the panel's counter
		assertThat(page.text("#counter-stuck strong")).isEqualTo("2");
	}

	@Test
	void theCounterLinksToTheFilterWhichListsExactlyTheStuckHosts() {
		Pages.Page page = this.pages.get(url(task()), this.viewer);
		String link = page.attr("#counter-stuck", "href");
		assertThat(link).isEqualTo(url(task() + "&stuck=1"));
		Pages.Page stuck = this.pages.get(link, this.viewer);
		assertThat(stuck.status()).isEqualTo(200);
		assertThat(rowIds(stuck)).containsExactlyElementsOf(records(21, 22));
		assertThat(stuck.text("#results-meta")).isEqualTo("1–2 of 2 matching hosts (25 in all)");
		assertThat(stuck.text("#stuck-filter")).contains("Only the stuck hosts of this task");
		assertThat(stuck.attr("#stuck-filter a", "href")).isEqualTo(url(task()));
		// kept by the live poll and the filter form; the "all matching" selection is not offered for it
		assertThat(stuck.attr("#counters", "hx-get")).contains("stuck=1");
		assertThat(stuck.has("#filter-stuck[checked]")).isTrue();
		assertThat(stuck.has("#all-matching")).isFalse();
		// nor the exports of the filter, which read records, not the panels' finding
		assertThat(stuck.has("#export")).isFalse();
		assertThat(page.has("#export")).isTrue();
		assertThat(this.pages.get(stuck.attr("#counters", "hx-get"), this.viewer).status()).isEqualTo(204);
	}

	@Test
	void theFilterNarrowsWithStatusesAndSearch() {
		assertThat(rowIds(this.pages.get(url(task() + "&stuck=1&status=SUCCESS"), this.viewer))).isEmpty();
		assertThat(rowIds(this.pages.get(url(task() + "&stuck=1&status=RUNNING"), this.viewer)))
			.containsExactlyElementsOf(records(21, 22));
		Pages.Page all = this.pages.get(url(task()), this.viewer);
		String stuckIp = all.text("#open-" + this.records.get(22));
		String runningIp = all.text("#open-" + this.records.get(23));
		String okIp = all.text("#open-" + this.records.get(0));
		Pages.Page searched = this.pages.get(url(task() + "&stuck=1&q=" + stuckIp + "," + runningIp + "," + okIp),
				this.viewer);
		assertThat(rowIds(searched)).containsExactlyElementsOf(records(22));
		assertThat(searched.text("#results-meta")).startsWith("1–1 of 1 matching hosts");
	}

	@Test
	void longestRunningFirstThenTheRestInRecordOrder() {
		Pages.Page page = this.pages.get(url(task() + "&order=longest"), this.viewer);
		assertThat(page.status()).isEqualTo(200);
		List<Long> expected = new ArrayList<>(records(22, 21, 23));
		for (int i = 0; i <= 20; i++) {
			expected.add(this.records.get(i));
		}
		expected.add(this.records.get(24));
		assertThat(rowIds(page)).containsExactlyElementsOf(expected);
		assertThat(page.has("#order option[value=longest][selected]")).isTrue();
		assertThat(page.attr("#counters", "hx-get")).contains("order=longest");
		assertThat(rowIds(this.pages.get(url(task() + "&order=longest&stuck=1"), this.viewer)))
			.containsExactlyElementsOf(records(22, 21));
		assertThat(rowIds(this.pages.get(url(task() + "&order=longest&status=PENDING&status=RUNNING"), this.viewer)))
			.containsExactlyElementsOf(records(22, 21, 23, 24));
		// the default order is record order, and the form offers both
		assertThat(rowIds(this.pages.get(url(task()), this.viewer)).get(0)).isEqualTo(this.records.get(0));
		assertThat(page.doc().select("#order option")).extracting(Element::text)
			.containsExactly("Record order", "Longest running first");
	}

	@Test
	void theOrderIsCutByTheDatabaseAcrossTheRunningAndTheRest() {
		RecordScope scope = RecordScope.task(this.subscriptionId, this.taskId);
		var counts = this.counters.findByTask(this.taskId);
		assertThat(this.running.page(scope, RecordFilter.NONE, counts, 1, 1)).containsExactlyElementsOf(records(21));
		assertThat(this.running.page(scope, RecordFilter.NONE, counts, 2, 3))
			.containsExactlyElementsOf(records(23, 0, 1));
		assertThat(this.running.page(scope, RecordFilter.of(List.of(Status.PENDING, Status.RUNNING), null), counts, 3,
				5))
			.containsExactlyElementsOf(records(24));
		assertThat(this.running.page(scope, RecordFilter.of(List.of(Status.SUCCESS), null), counts, 20, 5))
			.containsExactlyElementsOf(records(20));
	}

	@Test
	void badValuesAnswer400() {
		Pages.Page stuck = this.pages.get(url(task() + "&stuck=x"), this.viewer);
		assertThat(stuck.status()).isEqualTo(400);
		assertThat(stuck.html()).contains("stuck must be 1");
		Pages.Page order = this.pages.get(url(task() + "&order=fastest"), this.viewer);
		assertThat(order.status()).isEqualTo(400);
		assertThat(order.html()).contains("order must be");
		assertThat(this.pages.get(url("/counters" + task() + "&stuck=yes"), this.viewer).status()).isEqualTo(400);
	}

	@Test
	void allTasksSayStuckHostsArePerTask() {
		Pages.Page page = this.pages.get(url("?task=all&stuck=1"), this.viewer);
		assertThat(page.status()).isEqualTo(200);
		assertThat(rowIds(page)).isEmpty();
		assertThat(page.text("#stuck-filter")).contains("choose a task");
	}

	@Test
	void inChinese() throws Exception {
		Pages.Page page = Pages.page(this.pages.perform(MockMvcRequestBuilders
			.get(URI.create(url(task() + "&stuck=1&order=longest")))
			.header("Accept-Language", "zh-CN"), this.viewer));
		assertThat(rowIds(page)).containsExactlyElementsOf(records(22, 21));
		assertThat(page.text("#row-" + this.records.get(22) + " .badge-stuck")).isEqualTo("卡住");
		assertThat(page.text("#stuck-filter")).contains("仅显示本任务中卡住的主机");
		assertThat(page.text("#order option[selected]")).isEqualTo("运行最久的在前");
		assertThat(page.text("label[for=order]")).isEqualTo("排序");
		Pages.Page bad = Pages.page(this.pages.perform(MockMvcRequestBuilders
			.get(URI.create(url(task() + "&order=x")))
			.header("Accept-Language", "zh-CN"), this.viewer));
		assertThat(bad.status()).isEqualTo(400);
		assertThat(bad.html()).contains("order 只能是");
	}

}
