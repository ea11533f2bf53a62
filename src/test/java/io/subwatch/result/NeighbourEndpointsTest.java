package io.subwatch.result;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.subwatch.audit.AuditDao;
import io.subwatch.ingest.IngestRequests;
import io.subwatch.ingest.IngestService;
import io.subwatch.subscription.TaskDao;
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

/** check_task_ready and retry_node (spec section 8): their answers, their errors, and what retry_node leaves behind. */
@IntegrationTest
class NeighbourEndpointsTest {

	@Autowired
	Fixtures fixtures;

	@Autowired
	OperatorActions actions;

	@Autowired
	IngestService ingest;

	@Autowired
	IngestRequests requests;

	@Autowired
	TaskDao tasks;

	@Autowired
	AuditDao audit;

	@Autowired
	MockMvc mvc;

	@Autowired
	JsonMapper json;

	Api api;

	ResultScenario s;

	@BeforeEach
	void setUp() {
		this.api = new Api(this.mvc, this.json);
		this.s = new ResultScenario(this.fixtures, this.actions);
	}

	JsonNode ready(Object... params) {
		Map<String, Object> body = new LinkedHashMap<>();
		for (int i = 0; i < params.length; i += 2) {
			body.put((String) params[i], params[i + 1]);
		}
		return this.api.post("/backend/api/subscription/check_task_ready/", body);
	}

	@Test
	void checkTaskReadyIsTrueFalseOrTheCreationError() {
		assertThat(ready("subscription_id", this.s.subscriptionId).get("data").asBoolean()).isTrue();
		assertThat(ready("subscription_id", this.s.subscriptionId, "task_id_list",
				List.of(this.s.firstTask, this.s.retryTask)).get("data").asBoolean()).isTrue();
		long building = this.ingest.createTask(this.s.subscriptionId,
				this.requests.task(this.json.valueToTree(Map.of("ready", false))), Fixtures.SYSTEM).taskId();
		JsonNode notYet = ready("subscription_id", this.s.subscriptionId);
		assertThat(notYet.get("result").asBoolean()).isTrue();
		assertThat(notYet.get("data").asBoolean()).as("the newest task is still being built").isFalse();
		assertThat(ready("subscription_id", this.s.subscriptionId, "task_id_list", List.of(this.s.firstTask))
			.get("data").asBoolean()).isTrue();
		this.api.post("/api/v1/tasks/" + building + "/ready", Map.of("error", "cmdb unreachable"));
		JsonNode failed = ready("subscription_id", this.s.subscriptionId, "task_id_list", List.of(building));
		assertThat(failed.get("code").asInt()).isEqualTo(3800014);
		assertThat(failed.get("message").asString()).contains("cmdb unreachable");
		JsonNode foreign = ready("subscription_id", this.s.subscriptionId, "task_id_list", List.of(-5));
		assertThat(foreign.get("code").asInt()).isEqualTo(3800003);
		assertThat(foreign.get("message").asString()).contains("-5");
		long empty = this.fixtures.subscription();
		assertThat(ready("subscription_id", empty).get("code").asInt()).as("no task").isEqualTo(3800003);
		assertThat(ready("subscription_id", Long.MAX_VALUE).get("code").asInt()).as("no subscription")
			.isEqualTo(3800003);
		assertThat(ready().get("code").asInt()).isEqualTo(3800001);
	}

	@Test
	void retryNodeStartsANewPartialTaskAtTheFirstFailedSubStepKeepingTheEarlierOnes() {
		String instance = this.s.instances.get(7);
		this.fixtures.send(Fixtures.finish(this.s.retryRecords.get(1), 2, Instant.parse("2026-11-28T03:00:00Z")));
		JsonNode before = this.api.post("/backend/api/subscription/task_result_detail/",
				Map.of("subscription_id", this.s.subscriptionId, "instance_id", instance)).get("data");

		JsonNode answer = this.api.post("/backend/api/subscription/retry_node/",
				Map.of("subscription_id", this.s.subscriptionId, "instance_id", instance));
		assertThat(answer.get("result").asBoolean()).as(answer.toString()).isTrue();
		JsonNode data = answer.get("data");
		assertThat(data.get("retry_node_name").asString()).isEqualTo(Fixtures.AGENT_SUBS.get(2));
		long taskId = data.get("task_id").asLong();
		assertThat(this.tasks.findById(taskId).orElseThrow().partial()).isTrue();

		JsonNode after = this.api.post("/backend/api/subscription/task_result_detail/",
				Map.of("subscription_id", this.s.subscriptionId, "instance_id", instance)).get("data");
		assertThat(after.get("task_id").asLong()).isEqualTo(taskId);
		assertThat(after.get("status").asString()).isEqualTo("PENDING");
		JsonNode subs = after.get("steps").get(0).get("target_hosts").get(0).get("sub_steps");
		JsonNode oldSubs = before.get("steps").get(0).get("target_hosts").get(0).get("sub_steps");
		for (int i = 0; i < 2; i++) {
			assertThat(subs.get(i).get("status").asString()).isEqualTo("SUCCESS");
			assertThat(subs.get(i).get("start_time")).isEqualTo(oldSubs.get(i).get("start_time"));
			assertThat(subs.get(i).get("finish_time")).isEqualTo(oldSubs.get(i).get("finish_time"));
			assertThat(subs.get(i).get("log").asString()).isEqualTo(oldSubs.get(i).get("log").asString())
				.contains("done " + i);
		}
		assertThat(subs.get(2).get("status").asString()).isEqualTo("PENDING");
		assertThat(subs.get(2).get("pipeline_id").asString()).isEqualTo(data.get("retry_node_id").asString());
		assertThat(subs.get(3).get("status").asString()).isEqualTo("PENDING");
		assertThat(after.get("start_time")).isEqualTo(oldSubs.get(0).get("start_time"));

		var entry = this.audit.findRecentBySubscription(this.s.subscriptionId, 1).get(0);
		assertThat(entry.action()).isEqualTo("RETRY_NODE");
		assertThat(entry.taskId()).isEqualTo(taskId);
		assertThat(entry.hostCount()).isEqualTo(1);

		JsonNode again = this.api.post("/backend/api/subscription/retry_node/",
				Map.of("subscription_id", this.s.subscriptionId, "instance_id", instance));
		assertThat(again.get("code").asInt()).as("pending now: nothing failed").isEqualTo(3800007);

		// the executor carries on from sub-step 2; the host finishes
		long recordId = this.fixtures.recordId(taskId, instance);
		List<Map<String, Object>> events = new ArrayList<>();
		events.add(Fixtures.event(recordId, 2, "SUCCESS", Instant.parse("2026-11-28T04:00:00Z")));
		events.add(Fixtures.event(recordId, 3, "SUCCESS", Instant.parse("2026-11-28T04:00:10Z")));
		this.fixtures.send(events);
		assertThat(this.api.post("/backend/api/subscription/task_result_detail/",
				Map.of("subscription_id", this.s.subscriptionId, "instance_id", instance)).get("data").get("status")
			.asString()).isEqualTo("SUCCESS");
		assertThat(this.api.post("/backend/api/subscription/statistic/",
				Map.of("subscription_id_list", List.of(this.s.subscriptionId))).get("data").get(0).get("instances")
			.asInt()).as("a partial task never shrinks the scope").isEqualTo(12);
	}

	@Test
	void retryNodeRefusesWhatItCannotRetry() {
		JsonNode succeeded = this.api.post("/backend/api/subscription/retry_node/",
				Map.of("subscription_id", this.s.subscriptionId, "instance_id", this.s.instances.get(0)));
		assertThat(succeeded.get("code").asInt()).isEqualTo(3800007);
		assertThat(succeeded.get("message").asString()).contains("no failed sub-step");
		JsonNode unknown = this.api.post("/backend/api/subscription/retry_node/",
				Map.of("subscription_id", this.s.subscriptionId, "instance_id", "host|instance|host|0"));
		assertThat(unknown.get("code").asInt()).isEqualTo(3800007);
		JsonNode missing = this.api.post("/backend/api/subscription/retry_node/",
				Map.of("subscription_id", this.s.subscriptionId));
		assertThat(missing.get("code").asInt()).isEqualTo(3800001);
		assertThat(missing.get("message").asString()).contains("instance_id");
	}

}
