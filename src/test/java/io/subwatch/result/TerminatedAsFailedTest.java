package io.subwatch.result;

import java.util.List;
import java.util.Map;

import io.subwatch.support.Api;
import io.subwatch.support.Fixtures;
import io.subwatch.support.IntegrationTest;
import io.subwatch.support.ResultScenario;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Spec section 5: a revoked host is stored TERMINATED and reported FAILED by the API, as NodeMan does: its row, step
 * and sub-step statuses, the {@code statuses} filter and {@code status_counter}, and retry takes it.
 */
@IntegrationTest
class TerminatedAsFailedTest {

	@Autowired
	Fixtures fixtures;

	@Autowired
	OperatorActions actions;

	@Autowired
	MockMvc mvc;

	@Autowired
	JsonMapper json;

	Api api;

	ResultScenario s;

	@BeforeEach
	void setUp() {
		this.api = new Api(this.mvc, this.json);
		// 6 SUCCESS, 2 FAILED (retried: one SUCCESS, one PENDING), 2 RUNNING, 2 PENDING; revoke the 2 running
		this.s = new ResultScenario(this.fixtures, this.actions);
		JsonNode revoked = this.api.post("/backend/api/subscription/revoke/", Map.of("subscription_id",
				this.s.subscriptionId, "instance_id_list", List.of(this.s.instances.get(8), this.s.instances.get(9))));
		assertThat(revoked.get("data").get("terminated").asInt()).isEqualTo(2);
	}

	JsonNode firstTask(Map<String, Object> more) {
		Map<String, Object> params = new java.util.HashMap<>(more);
		params.put("subscription_id", this.s.subscriptionId);
		params.put("task_id_list", List.of(this.s.firstTask));
		params.putIfAbsent("return_all", true);
		JsonNode response = this.api.taskResult(params);
		assertThat(response.get("result").asBoolean()).as(response.toString()).isTrue();
		return response.get("data");
	}

	@Test
	void aRevokedHostIsFailedInItsRowStepsAndSubSteps() {
		JsonNode detail = this.api.post("/backend/api/subscription/task_result_detail/", Map.of("subscription_id",
				this.s.subscriptionId, "instance_id", this.s.instances.get(8)));
		JsonNode row = detail.get("data");
		assertThat(row.get("status").asString()).isEqualTo("FAILED");
		JsonNode step = row.get("steps").get(0);
		assertThat(step.get("status").asString()).isEqualTo("FAILED");
		assertThat(step.get("target_hosts").get(0).get("status").asString()).isEqualTo("FAILED");
		assertThat(step.get("target_hosts").get(0).get("sub_steps").get(1).get("status").asString())
			.isEqualTo("FAILED");
		assertThat(row.toString()).doesNotContain("TERMINATED");
	}

	@Test
	void statusesAndTheCounterFollowWhatTheApiReports() {
		JsonNode all = firstTask(Map.of());
		assertThat(all.get("status_counter").toString())
			.isEqualTo("{\"PENDING\":2,\"FAILED\":4,\"SUCCESS\":6,\"total\":12}");
		JsonNode failed = firstTask(Map.of("statuses", List.of("FAILED")));
		assertThat(failed.get("total").asInt()).isEqualTo(4);
		assertThat(failed.get("list")).hasSize(4);
		failed.get("list").forEach((row) -> assertThat(row.get("status").asString()).isEqualTo("FAILED"));
		assertThat(firstTask(Map.of("statuses", List.of("TERMINATED"))).get("total").asInt()).isZero();
		// paged, deep, and mixed with another status: the same 4 rows, each once
		JsonNode page = firstTask(Map.of("statuses", List.of("FAILED"), "return_all", false, "page", 2,
				"pagesize", 3));
		assertThat(page.get("total").asInt()).isEqualTo(4);
		assertThat(page.get("list")).hasSize(1);
		assertThat(firstTask(Map.of("statuses", List.of("FAILED", "PENDING"))).get("total").asInt()).isEqualTo(6);
		JsonNode aggregated = this.api.taskResult(Map.of("subscription_id", this.s.subscriptionId,
				"need_aggregate_all_tasks", true, "statuses", List.of("FAILED"), "pagesize", 10)).get("data");
		assertThat(aggregated.get("total").asInt()).isEqualTo(2);
		assertThat(aggregated.get("status_counter").get("FAILED").asInt()).isEqualTo(2);
		assertThat(aggregated.get("status_counter").has("TERMINATED")).isFalse();
	}

	@Test
	void retryTakesTheHostsReportedFailed() {
		JsonNode retried = this.api.post("/backend/api/subscription/retry/", Map.of("subscription_id",
				this.s.subscriptionId, "instance_id_list", List.of()));
		assertThat(retried.get("data").get("instance_count").asInt()).isEqualTo(2);
	}

}
