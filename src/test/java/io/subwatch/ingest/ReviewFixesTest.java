package io.subwatch.ingest;

import java.time.Instant;
import java.util.List;
import java.util.Map;

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

/** Edge cases of the reporting API: failed creation, duplicates, times, repeated logs, two-step rows. */
@IntegrationTest
class ReviewFixesTest {

	static final Instant T0 = Instant.parse("2026-11-28T02:00:00Z");

	@Autowired
	Fixtures fixtures;

	@Autowired
	MockMvc mvc;

	@Autowired
	JsonMapper json;

	Api api;

	long bizId;

	@BeforeEach
	void setUp() {
		this.api = new Api(this.mvc, this.json);
		this.bizId = this.fixtures.newBizId();
	}

	@Test
	void aTaskWhoseCreationFailedGivesItsInstancesBackToTheirPreviousRecords() {
		long subscriptionId = this.fixtures.subscription(this.bizId);
		Map<String, Object> host = this.fixtures.host(this.bizId);
		CreatedTask first = this.fixtures.task(subscriptionId, List.of(host));
		this.fixtures.send(Fixtures.finish(first.records().get(0).recordId(), -1, T0));
		long failing = this.api.post("/api/v1/subscriptions/" + subscriptionId + "/tasks", Map.of("ready", false))
			.get("data").get("task_id").asLong();
		this.api.post("/api/v1/tasks/" + failing + "/instances", Map.of("instances", List.of(host,
				this.fixtures.host(this.bizId))));
		this.api.post("/api/v1/tasks/" + failing + "/ready", Map.of("error", "scope query failed"));
		JsonNode aggregated = this.api.taskResult(Map.of("subscription_id", subscriptionId, "need_aggregate_all_tasks",
				true, "return_all", true)).get("data");
		assertThat(aggregated.get("total").asInt()).isEqualTo(1);
		assertThat(aggregated.get("list").get(0).get("record_id").asLong()).isEqualTo(first.records().get(0).recordId());
		assertThat(aggregated.get("status_counter").toString()).isEqualTo("{\"SUCCESS\":1,\"total\":1}");
		JsonNode detail = this.api.post("/backend/api/subscription/task_result_detail/",
				Map.of("subscription_id", subscriptionId, "instance_id", host.get("instance_id")));
		assertThat(detail.get("data").get("status").asString()).isEqualTo("SUCCESS");
		assertThat(this.api.taskResult(Map.of("subscription_id", subscriptionId)).get("code").asInt())
			.isEqualTo(3800014);
	}

	@Test
	void addingAnInstanceATaskAlreadyHasIsRefusedEvenWhenANewerTaskTookIt() {
		long subscriptionId = this.fixtures.subscription(this.bizId);
		Map<String, Object> host = this.fixtures.host(this.bizId);
		long building = this.api.post("/api/v1/subscriptions/" + subscriptionId + "/tasks", Map.of("ready", false))
			.get("data").get("task_id").asLong();
		this.api.post("/api/v1/tasks/" + building + "/instances", Map.of("instances", List.of(host)));
		this.fixtures.task(subscriptionId, List.of(host));
		JsonNode again = this.api.post("/api/v1/tasks/" + building + "/instances", Map.of("instances", List.of(host)));
		assertThat(again.get("code").asInt()).isEqualTo(3800001);
		assertThat(again.get("message").asString()).contains("is already in task " + building);
	}

	@Test
	void timesOutsideASaneWindowAreListedAsErrorsAndTheRestApplies() {
		long subscriptionId = this.fixtures.subscription(this.bizId);
		CreatedTask task = this.fixtures.task(subscriptionId, this.fixtures.hosts(this.bizId, 1));
		long record = task.records().get(0).recordId();
		Map<String, Object> farFuture = Fixtures.event(record, 0, "RUNNING", T0);
		farFuture.put("time", "+999999999-12-31T23:59:59+18:00");
		Map<String, Object> ancient = Fixtures.event(record, 1, "RUNNING", T0);
		ancient.put("time", "0001-01-01T00:00:00+14:00");
		JsonNode outcome = this.api.post("/api/v1/events", Map.of("events", List.of(farFuture, ancient,
				Fixtures.event(record, 0, "RUNNING", T0)))).get("data");
		assertThat(outcome.get("applied").asInt()).isEqualTo(1);
		assertThat(outcome.get("errors")).hasSize(2);
		assertThat(outcome.get("errors").get(0).get("message").asString())
			.contains("events[0].time must lie between 1970-01-01 and one day from now");
		JsonNode refused = this.api.post("/api/v1/subscriptions/" + subscriptionId + "/tasks",
				Map.of("create_time", "0001-01-01T00:00:00Z", "ready", false));
		assertThat(refused.get("message").asString()).contains("create_time must lie between");
	}

	@Test
	void repeatedEventsKeepNewLogTextOnceAndABatchSentAgainChangesNothing() {
		long subscriptionId = this.fixtures.subscription(this.bizId);
		long record = this.fixtures.task(subscriptionId, this.fixtures.hosts(this.bizId, 1)).records().get(0).recordId();
		List<Map<String, Object>> batch = List.of(Fixtures.event(record, 0, "RUNNING", T0, "[x INFO] started"),
				Fixtures.event(record, 0, "RUNNING", T0.plusSeconds(5), "[x INFO] 50% copied"),
				Fixtures.event(record, 0, "RUNNING", T0.plusSeconds(5), "[x INFO] 50% copied"));
		JsonNode first = this.api.post("/api/v1/events", Map.of("events", batch)).get("data");
		assertThat(first.get("applied").asInt()).isEqualTo(2);
		JsonNode second = this.api.post("/api/v1/events", Map.of("events", batch)).get("data");
		assertThat(second.get("applied").asInt()).isZero();
		this.api.post("/api/v1/events", Map.of("events", List.of(
				Fixtures.event(record, 0, "FAILED", T0.plusSeconds(9), "[x ERROR] ssh refused"),
				Fixtures.event(record, 0, "FAILED", T0.plusSeconds(9), "[x ERROR] collected: disk full"))));
		JsonNode sub = this.api.post("/backend/api/subscription/task_result_detail/",
				Map.of("subscription_id", subscriptionId, "instance_id", instanceOf(subscriptionId)))
			.get("data").get("steps").get(0).get("target_hosts").get(0).get("sub_steps").get(0);
		assertThat(sub.get("log").asString()).isEqualTo(
				"[x INFO] started\n[x INFO] 50% copied\n[x ERROR] collected: disk full\n[x ERROR] ssh refused");
	}

	private String instanceOf(long subscriptionId) {
		return this.api.taskResult(Map.of("subscription_id", subscriptionId, "pagesize", 1)).get("data").get("list")
			.get(0).get("instance_id").asString();
	}

	@Test
	void aRowFinishesWithItsLastStepAsTheSpecSays() {
		long subscriptionId = this.api.post("/api/v1/subscriptions", Map.of("name", "two steps", "bk_biz_id", this.bizId,
				"steps", List.of(Map.of("id", "agent", "type", "AGENT"), Map.of("id", "plugin", "type", "PLUGIN"))))
			.get("data").get("subscription_id").asLong();
		Map<String, Object> instance = Map.of("instance_id", "host|instance|host|" + System.nanoTime(), "steps",
				List.of(Map.of("id", "agent", "action", "INSTALL_AGENT", "sub_steps", List.of("a", "b")),
						Map.of("id", "plugin", "action", "MAIN_INSTALL_PLUGIN", "sub_steps", List.of("c"))));
		long record = this.api.post("/api/v1/subscriptions/" + subscriptionId + "/tasks",
				Map.of("instances", List.of(instance))).get("data").get("records").get(0).get("record_id").asLong();
		this.fixtures.send(List.of(Fixtures.event(record, 0, "RUNNING", T0), Fixtures.event(record, 0, "FAILED",
				T0.plusSeconds(3))));
		JsonNode row = this.api.taskResult(Map.of("subscription_id", subscriptionId, "pagesize", 1)).get("data")
			.get("list").get(0);
		assertThat(row.get("status").asString()).isEqualTo("FAILED");
		assertThat(row.get("steps").get(0).get("finish_time").isNull()).isFalse();
		assertThat(row.get("steps").get(1).get("finish_time").isNull()).isTrue();
		assertThat(row.get("finish_time").isNull()).as("the last step never finished").isTrue();
	}

	@Test
	void unknownApiPathsAndMethodsAnswerWithTheEnvelope() {
		JsonNode unknown = this.api.post("/api/v1/nothing", Map.of());
		assertThat(this.api.lastStatus).isEqualTo(404);
		assertThat(unknown.get("result").asBoolean()).isFalse();
		assertThat(unknown.get("message").asString()).contains("no API endpoint answers POST /api/v1/nothing");
		JsonNode wrongMethod = this.api.get("/backend/api/subscription/retry/");
		assertThat(this.api.lastStatus).isEqualTo(200);
		assertThat(wrongMethod.get("code").asInt()).isEqualTo(3800405);
		assertThat(wrongMethod.get("message").asString())
			.contains("method GET is not allowed on subscription/retry; use POST");
	}

	@Test
	void oversizedListsAndNumbersAreRefusedNamingTheField() {
		long subscriptionId = this.fixtures.subscription(this.bizId);
		this.fixtures.task(subscriptionId, this.fixtures.hosts(this.bizId, 1));
		JsonNode bigBoolean = this.api.taskResult(Map.of("subscription_id", subscriptionId, "need_detail", 4294967297L));
		assertThat(bigBoolean.get("message").asString()).contains("need_detail must be true or false");
		List<Long> tasks = new java.util.ArrayList<>();
		for (long i = 1; i <= 1001; i++) {
			tasks.add(i);
		}
		JsonNode tooMany = this.api.taskResult(Map.of("subscription_id", subscriptionId, "task_id_list", tasks));
		assertThat(tooMany.get("message").asString()).contains("task_id_list has 1001 ids; at most 1000");
		JsonNode indexed = this.api.get("/backend/api/subscription/task_result/?subscription_id=" + subscriptionId
				+ "&pagesize=5&statuses[0]=FAILED");
		assertThat(indexed.get("data").get("total").asInt()).as("statuses[0]=FAILED is a status filter").isZero();
	}

}
