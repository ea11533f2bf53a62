package io.subwatch.result;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import io.subwatch.ingest.IngestService.CreatedTask;
import io.subwatch.support.Api;
import io.subwatch.support.Fixtures;
import io.subwatch.support.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The request sequences real clients make, replayed from what their code does (bk-monitor's {@code batch_request},
 * bklog's {@code bulk_request}, NodeMan's "retry all" followed by the job's detail), against a subscription of 2,300
 * hosts whose failed hosts were retried in part: every client must see every host exactly once.
 */
@IntegrationTest
class ClientCompatibilityTest {

	static final int HOSTS = 2300;

	@Autowired
	Fixtures fixtures;

	@Autowired
	OperatorActions actions;

	@Autowired
	MockMvc mvc;

	@Autowired
	JsonMapper json;

	Api api;

	long subscriptionId;

	long bizId;

	long firstTask;

	List<String> instances;

	List<Long> records;

	@BeforeEach
	void setUp() {
		this.api = new Api(this.mvc, this.json);
		this.bizId = this.fixtures.newBizId();
		this.subscriptionId = this.fixtures.subscription(this.bizId);
		CreatedTask task = this.fixtures.task(this.subscriptionId, this.fixtures.hosts(this.bizId, HOSTS));
		this.firstTask = task.taskId();
		this.instances = task.records().stream().map((r) -> r.instanceId()).toList();
		this.records = task.records().stream().map((r) -> r.recordId()).toList();
		// every 10th host fails at its third sub-step, the others succeed
		Instant start = Instant.parse("2026-11-28T02:00:00Z");
		for (int from = 0; from < HOSTS; from += 500) {
			List<Map<String, Object>> events = new ArrayList<>();
			for (int i = from; i < Math.min(HOSTS, from + 500); i++) {
				events.addAll(Fixtures.finish(this.records.get(i), (i % 10 == 0) ? 2 : -1, start));
			}
			this.fixtures.send(events);
		}
	}

	/** bk-monitor and bklog send these on every call. */
	Map<String, Object> clientParams() {
		Map<String, Object> params = new HashMap<>();
		params.put("subscription_id", this.subscriptionId);
		params.put("need_detail", false);
		params.put("need_aggregate_all_tasks", true);
		params.put("need_out_of_scope_snapshots", false);
		return params;
	}

	JsonNode call(Map<String, Object> params) {
		JsonNode answer = this.api.post("/api/bk-nodeman/prod/system/backend/api/subscription/task_result/", params);
		assertThat(answer.get("result").asBoolean()).as(answer.toString()).isTrue();
		return answer.get("data");
	}

	/** A partial retry of 3 failed hosts, as an operator does before the clients look. */
	void retryThreeFailedHosts() {
		this.actions.retry(this.subscriptionId, List.of(this.instances.get(0), this.instances.get(10),
				this.instances.get(20)), null, Fixtures.SYSTEM);
	}

	static void assertEveryHostOnce(List<JsonNode> rows, List<String> expected) {
		List<String> seen = rows.stream().map((row) -> row.get("instance_id").asString()).toList();
		assertThat(seen).hasSize(expected.size());
		assertThat(new HashSet<>(seen)).isEqualTo(new HashSet<>(expected));
	}

	@Test
	void bkMonitorBatchRequestProbesWithOneRowThenFetchesThousandRowPagesIn20Threads() throws Exception {
		retryThreeFailedHosts();
		Map<String, Object> probe = clientParams();
		probe.put("page", 1);
		probe.put("pagesize", 1);
		int count = call(probe).get("total").asInt();
		assertThat(count).as("the scope keeps all hosts after a partial retry").isEqualTo(HOSTS);
		ExecutorService pool = Executors.newFixedThreadPool(20);
		try {
			List<Future<JsonNode>> pages = new ArrayList<>();
			for (int page = 1; page <= (count + 999) / 1000; page++) {
				Map<String, Object> params = clientParams();
				params.put("page", page);
				params.put("pagesize", 1000);
				pages.add(pool.submit(() -> call(params)));
			}
			List<JsonNode> rows = new ArrayList<>();
			for (Future<JsonNode> page : pages) {
				page.get().get("list").forEach(rows::add);
			}
			assertEveryHostOnce(rows, this.instances);
			long retried = rows.stream().filter((row) -> row.get("task_id").asLong() != this.firstTask).count();
			assertThat(retried).isEqualTo(3);
		}
		finally {
			pool.shutdownNow();
		}
	}

	@Test
	void bklogBulkRequestKeepsItsFirst500RowPageAndFetchesTheRestConcurrently() throws Exception {
		retryThreeFailedHosts();
		Map<String, Object> first = clientParams();
		first.put("bk_biz_id", this.bizId);
		first.put("page", 1);
		first.put("pagesize", 500);
		JsonNode firstPage = call(first);
		List<JsonNode> rows = new ArrayList<>();
		firstPage.get("list").forEach(rows::add);
		int pages = (firstPage.get("total").asInt() + 499) / 500;
		ExecutorService pool = Executors.newFixedThreadPool(4);
		try {
			List<Future<JsonNode>> rest = new ArrayList<>();
			for (int page = 2; page <= pages; page++) {
				Map<String, Object> params = clientParams();
				params.put("bk_biz_id", this.bizId);
				params.put("page", page);
				params.put("pagesize", 500);
				rest.add(pool.submit(() -> call(params)));
			}
			for (Future<JsonNode> page : rest) {
				page.get().get("list").forEach(rows::add);
			}
		}
		finally {
			pool.shutdownNow();
		}
		assertEveryHostOnce(rows, this.instances);
		Set<String> statuses = new HashSet<>();
		rows.forEach((row) -> statuses.add(row.get("status").asString()));
		assertThat(statuses).containsExactlyInAnyOrder("SUCCESS", "FAILED", "PENDING");
	}

	@Test
	void nodemanRetryAllWithAnEmptyListThenReadsTheNewTaskAndTheWholeJob() {
		JsonNode retried = this.api.post("/backend/api/subscription/retry/", Map.of("subscription_id",
				this.subscriptionId, "task_id_list", List.of(this.firstTask), "instance_id_list", List.of()));
		assertThat(retried.get("result").asBoolean()).as(retried.toString()).isTrue();
		long taskId = retried.get("data").get("task_id").asLong();
		List<String> failed = new ArrayList<>();
		for (int i = 0; i < HOSTS; i += 10) {
			failed.add(this.instances.get(i));
		}
		JsonNode newTask = this.api.taskResult(Map.of("subscription_id", this.subscriptionId, "task_id_list",
				List.of(taskId), "page", 1, "pagesize", 50));
		assertThat(newTask.get("data").get("total").asInt()).isEqualTo(failed.size());
		assertThat(newTask.get("data").get("status_counter").get("PENDING").asInt()).isEqualTo(failed.size());
		JsonNode all = this.api.taskResult(Map.of("subscription_id", this.subscriptionId, "task_id_list",
				List.of(this.firstTask, taskId), "pagesize", -1, "return_all", true));
		List<JsonNode> rows = new ArrayList<>();
		all.get("data").get("list").forEach(rows::add);
		assertEveryHostOnce(rows, this.instances);
		assertThat(all.get("data").get("status_counter").get("PENDING").asInt()).isEqualTo(failed.size());
		assertThat(all.get("data").get("status_counter").get("SUCCESS").asInt()).isEqualTo(HOSTS - failed.size());
	}

}
