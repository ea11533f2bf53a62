package io.subwatch.result;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

import io.subwatch.support.Api;
import io.subwatch.support.Fixtures;
import io.subwatch.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What clients written for NodeMan rely on: a pagesize=1 probe gives total, then parallel page fetches return every
 * row exactly once, also with a filter and with pages larger than one query chunk.
 */
@IntegrationTest
class PagingConsistencyTest {

	@Autowired
	Fixtures fixtures;

	@Autowired
	MockMvc mvc;

	@Autowired
	JsonMapper json;

	@Test
	void parallelPagesCoverEveryRowExactlyOnce() {
		long bizId = this.fixtures.newBizId();
		long subscriptionId = this.fixtures.subscription(bizId);
		var task = this.fixtures.task(subscriptionId, this.fixtures.hosts(bizId, 2_350));
		List<Map<String, Object>> events = new ArrayList<>();
		for (int i = 0; i < task.records().size(); i += 3) {
			events.addAll(Fixtures.finish(task.records().get(i).recordId(), (i % 2 == 0) ? -1 : 1,
					java.time.Instant.parse("2026-11-28T02:00:00Z")));
		}
		for (int from = 0; from < events.size(); from += 5000) {
			this.fixtures.send(events.subList(from, Math.min(events.size(), from + 5000)));
		}
		Api api = new Api(this.mvc, this.json);
		for (Map<String, Object> filter : List.of(Map.<String, Object>of(), Map.<String, Object>of("statuses",
				List.of("PENDING", "FAILED")))) {
			Map<String, Object> probe = new java.util.HashMap<>(filter);
			probe.put("subscription_id", subscriptionId);
			probe.put("pagesize", 1);
			int total = api.taskResult(probe).get("data").get("total").asInt();
			for (int pagesize : List.of(500, 1_200)) {
				List<CompletableFuture<JsonNode>> pages = new ArrayList<>();
				for (int page = 1; page <= (total + pagesize - 1) / pagesize; page++) {
					Map<String, Object> params = new java.util.HashMap<>(probe);
					params.put("pagesize", pagesize);
					params.put("page", page);
					pages.add(CompletableFuture.supplyAsync(() -> new Api(this.mvc, this.json).taskResult(params)));
				}
				Set<Long> seen = new HashSet<>();
				long previousPageMax = Long.MIN_VALUE;
				for (CompletableFuture<JsonNode> page : pages) {
					JsonNode list = page.join().get("data").get("list");
					long pageMin = Long.MAX_VALUE;
					long last = Long.MAX_VALUE;
					for (JsonNode row : list) {
						long id = row.get("record_id").asLong();
						assertThat(id).as("descending within a page").isLessThan(last);
						last = id;
						pageMin = Math.min(pageMin, id);
						assertThat(seen.add(id)).as("row %d twice", id).isTrue();
					}
					assertThat(pageMin).as("ascending windows").isGreaterThan(previousPageMax);
					previousPageMax = list.get(0).get("record_id").asLong();
				}
				assertThat(seen).as("filter %s, pagesize %d", filter, pagesize).hasSize(total);
			}
		}
		// Sets larger than H2's in-memory row limit (MAX_MEMORY_ROWS=1000 under test) on the sub-select paths.
		JsonNode scoped = api.taskResult(Map.of("subscription_id", subscriptionId, "task_id_list",
				List.of(task.taskId()), "need_out_of_scope_snapshots", false, "pagesize", 10));
		assertThat(scoped.get("data").get("total").asInt()).isEqualTo(2_350);
		JsonNode retried = api.post("/backend/api/subscription/retry/", Map.of("subscription_id", subscriptionId,
				"task_id_list", List.of(task.taskId())));
		assertThat(retried.get("data").get("instance_count").asInt()).isEqualTo(392);
		JsonNode both = api.taskResult(Map.of("subscription_id", subscriptionId, "task_id_list",
				List.of(task.taskId(), retried.get("data").get("task_id").asLong()), "statuses", List.of("PENDING"),
				"page", 3, "pagesize", 100));
		assertThat(both.get("data").get("total").asInt()).as("1,566 never started + 392 retried")
			.isEqualTo(1_566 + 392);
		assertThat(both.get("data").get("list")).hasSize(100);
	}

}
