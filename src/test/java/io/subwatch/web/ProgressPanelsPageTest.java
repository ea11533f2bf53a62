package io.subwatch.web;

import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.subwatch.ingest.IngestService.CreatedTask;
import io.subwatch.security.BizScope;
import io.subwatch.support.Fixtures;
import io.subwatch.support.IntegrationTest;
import io.subwatch.support.MutableClock;
import io.subwatch.support.MutableClockConfig;
import io.subwatch.support.TestUsers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The progress panels on the subscription page (io.subwatch.progress): a task of 25 hosts, 22 finished with every
 * sub-step taking 5 s, one running its second sub-step for 10 minutes (stuck), one for 2 s, one waiting.
 */
@IntegrationTest
@Import(MutableClockConfig.class)
class ProgressPanelsPageTest {

	static final Instant START = Instant.parse("2026-11-28T02:00:00Z");

	static final Instant NOW = START.plusSeconds(600);

	@Autowired
	MockMvc mvc;

	@Autowired
	Fixtures fixtures;

	@Autowired
	MutableClock clock;

	Pages pages;

	RequestPostProcessor viewer;

	long subscriptionId;

	long taskId;

	List<Long> records;

	List<String> instances;

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
		this.instances = task.records().stream().map((r) -> r.instanceId()).toList();
		this.clock.set(NOW);
		List<Map<String, Object>> events = new ArrayList<>();
		for (int i = 0; i < 22; i++) {
			events.addAll(Fixtures.finish(this.records.get(i), -1, START));
		}
		events.add(Fixtures.event(this.records.get(22), 0, "RUNNING", START));
		events.add(Fixtures.event(this.records.get(22), 0, "SUCCESS", START.plusSeconds(5)));
		events.add(Fixtures.event(this.records.get(22), 1, "RUNNING", START.plusSeconds(10)));
		events.add(Fixtures.event(this.records.get(23), 0, "RUNNING", NOW.minusSeconds(10)));
		events.add(Fixtures.event(this.records.get(23), 0, "SUCCESS", NOW.minusSeconds(5)));
		events.add(Fixtures.event(this.records.get(23), 1, "RUNNING", NOW.minusSeconds(2)));
		this.fixtures.send(events);
	}

	String url(String query) {
		return "/subscriptions/" + this.subscriptionId + query;
	}

	@Test
	void progressRateEtaAndChartWithItsTextAlternative() {
		Pages.Page page = this.pages.get(url("?task=" + this.taskId), this.viewer);
		assertThat(page.status()).isEqualTo(200);
		assertThat(page.text("#progress-percent")).isEqualTo("88% done");
		assertThat(page.text("#progress-eta")).contains("22 of 25 hosts finished");
		// 22 hosts in the last 10 minutes: 2.2 per minute, 3 left → 82 s
		assertThat(page.text("#progress-rate")).contains("2.2 hosts/min").contains("done in about 1 min 22 s");
		assertThat(page.attr("#progress-rate time[datetime]", "datetime")).contains("PT1M22S");
		assertThat(page.doc().select("#throughput svg rect.bar")).hasSize(11);
		assertThat(page.attr("#throughput svg", "aria-label")).contains("1-minute buckets; peak 22.0, latest 0.0");
		assertThat(page.doc().select("#throughput .chart-data tbody tr")).hasSize(1);
		assertThat(page.text("#throughput .chart-data tbody tr")).contains("22");
	}

	@Test
	void subStepDurationsFromTheFinishedHosts() {
		Pages.Page page = this.pages.get(url("?task=" + this.taskId), this.viewer);
		assertThat(page.text("#sub-step-times caption")).contains("From the 22 hosts that finished last");
		assertThat(page.doc().select("#sub-step-times tbody tr")).hasSize(Fixtures.AGENT_SUBS.size());
		assertThat(page.text("#sub-step-times tbody tr:nth-child(3)")).isEqualTo("[agent] INSTALL_AGENT › 安装 22 5 s 5 s 5 s");
	}

	@Test
	void stragglersCountListLongestFirstAndLinkToTheHost() {
		Pages.Page page = this.pages.get(url("?task=" + this.taskId), this.viewer);
		assertThat(page.text("#counter-stuck strong")).isEqualTo("1");
		assertThat(page.text("#stragglers .hint")).contains("sub-step's 95th percentile").contains("at least 20 finished");
		assertThat(page.attr("#counter-stuck", "href")).isEqualTo(url("?task=" + this.taskId + "&stuck=1"));
		assertThat(page.doc().select("#stragglers tbody tr")).hasSize(1);
		assertThat(page.text("#stragglers tbody tr")).contains("stuck").contains("选择接入点").contains("9 min 50 s");
		String host = page.attr("#stragglers tbody a", "href");
		assertThat(host).isEqualTo(
				url("/instances/" + this.instances.get(22).replace("|", "%7C") + "?task=" + this.taskId));
		assertThat(this.pages.get(host, this.viewer).status()).isEqualTo(200);
	}

	@Test
	void thePanelsRefreshWithThePollAndShareIts204() throws Exception {
		Pages.Page page = this.pages.get(url("?task=" + this.taskId), this.viewer);
		assertThat(page.attr("#progress", "hx-swap-oob")).isEmpty();
		String poll = page.attr("#counters", "hx-get");
		var unchanged = this.pages.perform(MockMvcRequestBuilders.get(URI.create(poll)), this.viewer);
		assertThat(unchanged.getResponse().getStatus()).isEqualTo(204);

		this.fixtures.send(Fixtures.finish(this.records.get(24), -1, NOW.minusSeconds(60)));
		Pages.Page changed = this.pages.get(poll, this.viewer);
		assertThat(changed.status()).isEqualTo(200);
		assertThat(changed.attr("#progress", "hx-swap-oob")).isEqualTo("true");
		assertThat(changed.text("#progress-percent")).isEqualTo("92% done");
	}

	@Test
	void inChinese() throws Exception {
		Pages.Page page = Pages.page(this.pages.perform(
				MockMvcRequestBuilders.get(URI.create(url("?task=" + this.taskId))).header("Accept-Language", "zh-CN"),
				this.viewer));
		assertThat(page.text("#progress-percent")).isEqualTo("已完成 88%");
		assertThat(page.text("#stragglers h2")).isEqualTo("滞后主机");
		assertThat(page.text("#stragglers tbody tr")).contains("卡住");
	}

	@Test
	void allTasksAggregatedShowNoPanels() {
		Pages.Page page = this.pages.get(url("?task=all"), this.viewer);
		assertThat(page.status()).isEqualTo(200);
		assertThat(page.has("#progress")).isTrue();
		assertThat(page.has("#progress-eta")).isFalse();
	}

}
