package io.subwatch.result;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.subwatch.ingest.IngestService.CreatedTask;
import io.subwatch.subscription.SubscriptionScope;
import io.subwatch.subscription.Task;
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
 * A subscription's scope (the instances of its newest full task) and task_result's need_out_of_scope_snapshots=false
 * over it (spec section 2): partial tasks (retry, an executor's {@code "partial": true}) never shrink it.
 */
@IntegrationTest
class SubscriptionScopeTest {

	/** What bk-monitor and bklog send on every call. */
	static final Map<String, Object> BK_MONITOR = Map.of("need_aggregate_all_tasks", true,
			"need_out_of_scope_snapshots", false, "page", 1, "pagesize", 1000);

	static final Instant START = Instant.parse("2026-11-28T02:00:00Z");

	@Autowired
	Fixtures fixtures;

	@Autowired
	OperatorActions actions;

	@Autowired
	SubscriptionScope scope;

	@Autowired
	SelectionResolver resolver;

	@Autowired
	MockMvc mvc;

	@Autowired
	JsonMapper json;

	Api api;

	long bizId;

	long subscriptionId;

	@BeforeEach
	void setUp() {
		this.api = new Api(this.mvc, this.json);
		this.bizId = this.fixtures.newBizId();
		this.subscriptionId = this.fixtures.subscription(this.bizId);
	}

	JsonNode data(Map<String, Object> params) {
		Map<String, Object> all = new LinkedHashMap<>(params);
		all.put("subscription_id", this.subscriptionId);
		JsonNode response = this.api.taskResult(all);
		assertThat(response.get("result").asBoolean()).as(response.toString()).isTrue();
		return response.get("data");
	}

	TaskResultParams params(Map<String, Object> params) {
		Map<String, Object> all = new LinkedHashMap<>(params);
		all.put("subscription_id", this.subscriptionId);
		return ParamReader.of(this.json.valueToTree(all)).taskResultParams();
	}

	static Map<String, Long> recordByInstance(JsonNode data) {
		Map<String, Long> rows = new HashMap<>();
		data.get("list").forEach((row) -> rows.put(row.get("instance_id").asString(), row.get("record_id").asLong()));
		return rows;
	}

	@Test
	void aRetryOfThreeHostsKeepsAllHundredTwentyInTheScope() {
		CreatedTask task = this.fixtures.task(this.subscriptionId, this.fixtures.hosts(this.bizId, 120));
		List<Map<String, Object>> events = new ArrayList<>();
		for (int i = 0; i < 120; i++) {
			events.addAll(Fixtures.finish(task.records().get(i).recordId(), (i < 3) ? 1 : -1, START));
		}
		this.fixtures.send(events);
		long retryTask = this.actions.retry(this.subscriptionId, null, null, Fixtures.SYSTEM).taskId();
		assertThat(this.scope.scopeTask(this.subscriptionId).map(Task::id)).contains(task.taskId());

		JsonNode data = data(BK_MONITOR);
		assertThat(data.get("total").asInt()).isEqualTo(120);
		assertThat(data.get("list")).hasSize(120);
		assertThat(data.get("status_counter").toString()).isEqualTo("{\"PENDING\":3,\"SUCCESS\":117,\"total\":120}");
		Map<String, Long> rows = recordByInstance(data);
		for (int i = 0; i < 3; i++) {
			String instance = task.records().get(i).instanceId();
			assertThat(rows.get(instance)).isEqualTo(this.fixtures.recordId(retryTask, instance));
		}
		JsonNode pending = data(Map.of("need_aggregate_all_tasks", true, "need_out_of_scope_snapshots", false,
				"statuses", List.of("PENDING"), "return_all", true));
		assertThat(pending.get("total").asInt()).isEqualTo(3);
		assertThat(pending.get("list")).hasSize(3);
		// bk-monitor's call costs what a plain aggregated one does: maintained counters, no per-record scope lookup
		assertThat(this.resolver.resolve(params(BK_MONITOR), Fixtures.SYSTEM).scope().subscriptionLatest()).isTrue();
		// the newest task alone is the retry: out-of-scope filtering keeps its 3 rows, which are in the scope
		assertThat(data(Map.of("need_out_of_scope_snapshots", false, "return_all", true)).get("total").asInt())
			.isEqualTo(3);
	}

	@Test
	void aPartialExecutorTaskKeepsTheScopeAndAFullTaskOfASubsetShrinksIt() {
		List<Map<String, Object>> hosts = this.fixtures.hosts(this.bizId, 6);
		long first = this.fixtures.task(this.subscriptionId, hosts).taskId();
		JsonNode partial = this.api.post("/api/v1/subscriptions/" + this.subscriptionId + "/tasks",
				Map.of("ready", true, "partial", true, "instances", hosts.subList(0, 2)));
		assertThat(partial.get("result").asBoolean()).as(partial.toString()).isTrue();
		assertThat(this.scope.scopeTask(this.subscriptionId).map(Task::id)).contains(first);
		assertThat(data(BK_MONITOR).get("total").asInt()).isEqualTo(6);

		long shrunk = this.fixtures.task(this.subscriptionId, hosts.subList(3, 6)).taskId();
		assertThat(this.scope.scopeTask(this.subscriptionId).map(Task::id)).contains(shrunk);
		JsonNode data = data(BK_MONITOR);
		assertThat(data.get("total").asInt()).isEqualTo(3);
		assertThat(data.get("status_counter").toString()).isEqualTo("{\"PENDING\":3,\"total\":3}");
		assertThat(recordByInstance(data).keySet()).containsExactlyInAnyOrder(
				hosts.subList(3, 6).stream().map((h) -> (String) h.get("instance_id")).toArray(String[]::new));
		assertThat(this.resolver.resolve(params(BK_MONITOR), Fixtures.SYSTEM).scope().where())
			.as("instances outside the scope exist: looked up per record").contains("EXISTS");
		JsonNode everything = data(Map.of("need_aggregate_all_tasks", true, "return_all", true));
		assertThat(everything.get("total").asInt()).isEqualTo(6);
		// an old task read through the scope keeps only its instances that are still in it
		JsonNode old = data(Map.of("task_id_list", List.of(first), "need_out_of_scope_snapshots", false,
				"return_all", true));
		assertThat(old.get("total").asInt()).isEqualTo(3);
		assertThat(old.get("status_counter").get("total").asInt()).isEqualTo(3);
	}

	@Test
	void aTaskStillBeingBuiltOrWhoseCreationFailedIsNotTheScope() {
		long first = this.fixtures.task(this.subscriptionId, this.fixtures.hosts(this.bizId, 2)).taskId();
		JsonNode building = this.api.post("/api/v1/subscriptions/" + this.subscriptionId + "/tasks",
				Map.of("ready", false, "instances", this.fixtures.hosts(this.bizId, 1)));
		long buildingId = building.get("data").get("task_id").asLong();
		assertThat(this.scope.scopeTask(this.subscriptionId).map(Task::id)).contains(first);
		this.api.post("/api/v1/tasks/" + buildingId + "/ready", Map.of("error", "cmdb timed out"));
		assertThat(this.scope.scopeTask(this.subscriptionId).map(Task::id)).contains(first);
		assertThat(data(BK_MONITOR).get("total").asInt()).isEqualTo(2);
	}

	@Test
	void aSubscriptionWithoutAFinishedFullTaskHasAnEmptyScope() {
		JsonNode building = this.api.post("/api/v1/subscriptions/" + this.subscriptionId + "/tasks",
				Map.of("ready", false, "instances", this.fixtures.hosts(this.bizId, 2)));
		assertThat(building.get("result").asBoolean()).as(building.toString()).isTrue();
		assertThat(this.scope.scopeTask(this.subscriptionId)).isEmpty();
		JsonNode data = data(BK_MONITOR);
		assertThat(data.get("total").asInt()).isZero();
		assertThat(data.get("list")).isEmpty();
	}

}
