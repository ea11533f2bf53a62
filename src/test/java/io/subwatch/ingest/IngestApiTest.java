package io.subwatch.ingest;

import java.util.List;
import java.util.Map;

import io.subwatch.subscription.SubscriptionDao;
import io.subwatch.subscription.SubscriptionOptions;
import io.subwatch.support.Api;
import io.subwatch.support.Fixtures;
import io.subwatch.support.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;

/** Subscriptions, tasks (inline and in batches with ready/error) and the pending listing of the reporting API. */
@IntegrationTest
class IngestApiTest {

	@Autowired
	Fixtures fixtures;

	@Autowired
	MockMvc mvc;

	@Autowired
	JsonMapper json;

	@Autowired
	SubscriptionDao subscriptions;

	Api api;

	long bizId;

	@BeforeEach
	void setUp() {
		this.api = new Api(this.mvc, this.json);
		this.bizId = this.fixtures.newBizId();
	}

	long createSubscription() {
		JsonNode response = this.api.post("/api/v1/subscriptions", Map.of("name", "Install agents", "bk_biz_id",
				this.bizId, "object_type", "HOST", "node_type", "INSTANCE", "category", "once", "steps",
				List.of(Map.of("id", "agent", "type", "AGENT"), Map.of("id", "bkmonitorbeat", "type", "PLUGIN"))));
		assertThat(response.get("result").asBoolean()).as(response.toString()).isTrue();
		return response.get("data").get("subscription_id").asLong();
	}

	@Test
	void declaredSubscriptionOptionsAreKeptAsGiven() {
		JsonNode response = this.api.post("/api/v1/subscriptions", Map.of("name", "Collect", "bk_biz_id", this.bizId,
				"enable", "false", "bk_biz_scope", List.of(this.bizId, 7), "scope_nodes",
				List.of(Map.of("bk_host_id", 1, "bk_cloud_id", 0)), "steps",
				List.of(Map.of("id", "bkmonitorbeat", "type", "PLUGIN", "config",
						Map.of("plugin_name", "bkmonitorbeat", "plugin_version", "latest"), "params",
						Map.of("context", Map.of("k", "v"))), Map.of("id", "agent", "type", "AGENT"))));
		assertThat(response.get("result").asBoolean()).as(response.toString()).isTrue();
		long id = response.get("data").get("subscription_id").asLong();
		SubscriptionOptions options = this.subscriptions.findOptions(id).orElseThrow();
		assertThat(options.enable()).isFalse();
		assertThat(options.bkBizScope()).isEqualTo("[" + this.bizId + ",7]");
		assertThat(this.json.readTree(options.scopeNodes()).get(0).get("bk_host_id").asInt()).isEqualTo(1);
		assertThat(this.json.readTree(options.step("bkmonitorbeat").config()).get("plugin_version").asString())
			.isEqualTo("latest");
		assertThat(this.json.readTree(options.step("bkmonitorbeat").params()).get("context").get("k").asString())
			.isEqualTo("v");
		assertThat(options.step("agent")).isEqualTo(SubscriptionOptions.StepOptions.NONE);
		SubscriptionOptions plain = this.subscriptions.findOptions(createSubscription()).orElseThrow();
		assertThat(plain.enable()).isTrue();
		assertThat(plain.bkBizScope()).isNull();
		assertThat(plain.scopeNodes()).isNull();
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', value = { "bk_biz_scope|must be an array", "enable|must be true or false" })
	void badDeclaredOptionsAreRefused(String field, String message) {
		JsonNode response = this.api.post("/api/v1/subscriptions", Map.of("name", "x", "bk_biz_id", this.bizId,
				field, Map.of("a", 1), "steps", List.of(Map.of("id", "agent", "type", "AGENT"))));
		assertThat(response.get("code").asInt()).isEqualTo(3800001);
		assertThat(response.get("message").asString()).contains(field + " " + message);
		JsonNode stepConfig = this.api.post("/api/v1/subscriptions", Map.of("name", "x", "bk_biz_id", this.bizId,
				"steps", List.of(Map.of("id", "agent", "type", "AGENT", "config", List.of(1)))));
		assertThat(stepConfig.get("message").asString()).contains("steps[0].config must be an object");
	}

	@Test
	void aTaskWithInlineInstancesAnswersItsRecordIdsAndIsReadable() {
		long subscriptionId = createSubscription();
		Map<String, Object> host = this.fixtures.host(this.bizId);
		JsonNode created = this.api.post("/api/v1/subscriptions/" + subscriptionId + "/tasks",
				Map.of("is_auto_trigger", false, "ready", true, "instances", List.of(host)));
		long taskId = created.get("data").get("task_id").asLong();
		JsonNode record = created.get("data").get("records").get(0);
		assertThat(record.get("instance_id").asString()).isEqualTo(host.get("instance_id"));
		JsonNode result = this.api.taskResult(Map.of("subscription_id", subscriptionId, "pagesize", 5));
		JsonNode row = result.get("data").get("list").get(0);
		assertThat(row.get("task_id").asLong()).isEqualTo(taskId);
		assertThat(row.get("record_id").asLong()).isEqualTo(record.get("record_id").asLong());
		assertThat(row.get("status").asString()).isEqualTo("PENDING");
		assertThat(result.get("data").get("status_counter").toString()).isEqualTo("{\"PENDING\":1,\"total\":1}");
	}

	@Test
	void aLargeTaskIsBuiltInBatchesThenMarkedReady() {
		long subscriptionId = createSubscription();
		long taskId = this.api.post("/api/v1/subscriptions/" + subscriptionId + "/tasks", Map.of("ready", false))
			.get("data").get("task_id").asLong();
		JsonNode notYet = this.api.taskResult(Map.of("subscription_id", subscriptionId));
		assertThat(notYet.get("code").asInt()).isEqualTo(3800015);
		for (int batch = 0; batch < 3; batch++) {
			JsonNode added = this.api.post("/api/v1/tasks/" + taskId + "/instances",
					Map.of("instances", this.fixtures.hosts(this.bizId, 4)));
			assertThat(added.get("data").get("records")).hasSize(4);
		}
		assertThat(this.api.post("/api/v1/tasks/" + taskId + "/ready", Map.of()).get("result").asBoolean()).isTrue();
		JsonNode result = this.api.taskResult(Map.of("subscription_id", subscriptionId, "pagesize", 1));
		assertThat(result.get("data").get("total").asInt()).isEqualTo(12);
		JsonNode late = this.api.post("/api/v1/tasks/" + taskId + "/instances",
				Map.of("instances", this.fixtures.hosts(this.bizId, 1)));
		assertThat(late.get("message").asString()).contains("is ready");
	}

	@Test
	void aFailedCreationIsReportedThroughReady() {
		long subscriptionId = createSubscription();
		long taskId = this.api.post("/api/v1/subscriptions/" + subscriptionId + "/tasks", Map.of("ready", false))
			.get("data").get("task_id").asLong();
		this.api.post("/api/v1/tasks/" + taskId + "/ready", Map.of("error", "scope query failed"));
		JsonNode result = this.api.taskResult(Map.of("subscription_id", subscriptionId));
		assertThat(result.get("code").asInt()).isEqualTo(3800014);
		assertThat(result.get("message").asString()).contains("scope query failed");
	}

	@Test
	void pendingTasksAreListedOldestFirstUntilTheirRecordsStart() {
		long subscriptionId = createSubscription();
		var first = this.fixtures.task(subscriptionId, List.of(this.fixtures.host(this.bizId)));
		var second = this.fixtures.task(subscriptionId, List.of(this.fixtures.host(this.bizId)));
		JsonNode listed = this.api.get("/api/v1/tasks?pending=true&subscription_id=" + subscriptionId);
		assertThat(listed.get("data").get(0).get("task_id").asLong()).isEqualTo(first.taskId());
		assertThat(listed.get("data").get(1).get("task_id").asLong()).isEqualTo(second.taskId());
		this.fixtures.send(Fixtures.finish(first.records().get(0).recordId(), -1, java.time.Instant.now()));
		JsonNode after = this.api.get("/api/v1/tasks?pending=true&subscription_id=" + subscriptionId);
		assertThat(after.get("data")).hasSize(1);
		assertThat(after.get("data").get(0).get("pending_count").asInt()).isEqualTo(1);
	}

	@Test
	void aTaskReplacesTheLatestRecordOfItsInstances() {
		long subscriptionId = createSubscription();
		Map<String, Object> host = this.fixtures.host(this.bizId);
		this.fixtures.task(subscriptionId, List.of(host));
		long second = this.fixtures.task(subscriptionId, List.of(host)).records().get(0).recordId();
		JsonNode all = this.api.taskResult(Map.of("subscription_id", subscriptionId, "need_aggregate_all_tasks", true,
				"return_all", true));
		assertThat(all.get("data").get("list")).hasSize(1);
		assertThat(all.get("data").get("list").get(0).get("record_id").asLong()).isEqualTo(second);
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', value = { "{\"bk_biz_id\": 1, \"steps\": []}|name is required",
			"{\"name\": \"x\", \"steps\": [{\"id\": \"a\", \"type\": \"AGENT\"}]}|bk_biz_id is required",
			"{\"name\": \"x\", \"bk_biz_id\": \"four\", \"steps\": []}|bk_biz_id must be an integer",
			"{\"name\": \"x\", \"bk_biz_id\": 1, \"steps\": [{\"id\": \"a\", \"type\": \"ROBOT\"}]}|steps[0].type must be one of",
			"{\"name\": \"x\", \"bk_biz_id\": 1, \"steps\": [{\"id\": \"a\", \"type\": \"AGENT\"}, {\"id\": \"a\", \"type\": \"AGENT\"}]}|steps[1].id 'a' appears twice",
			"{\"name\": \"x\", \"bk_biz_id\": 1, \"object_type\": \"CAR\", \"steps\": [{\"id\": \"a\", \"type\": \"AGENT\"}]}|object_type must be one of",
			"{\"name\": \"x\", \"bk_biz_id\": 1}|steps is required", "nonsense|request body" })
	void badSubscriptionsAreRefusedNamingTheField(String body, String message) {
		JsonNode response = this.api.post("/api/v1/subscriptions", body);
		assertThat(response.get("code").asInt()).isEqualTo(3800001);
		assertThat(response.get("message").asString()).contains(message);
	}

	@ParameterizedTest
	@CsvSource(delimiterString = " => ", value = { "{\"instances\": []} => instances is required and must not be empty",
			"{\"instances\": [{\"instance_id\": \"HOST|x|y|1\", \"steps\": []}]} => instances[0].instance_id must have four lower-case parts",
			"{\"instances\": [{\"instance_id\": \"host|instance|host\", \"steps\": []}]} => instances[0].instance_id must have four",
			"{\"instances\": [{\"instance_id\": \"host|instance|host|1\", \"steps\": []}]} => instances[0].steps must have at least one step",
			"{\"instances\": [{\"instance_id\": \"host|instance|host|1\", \"steps\": [{\"id\": \"nope\", \"action\": \"A\", \"sub_steps\": [\"s\"]}]}]} => instances[0].steps[0].id 'nope' is not a step",
			"{\"instances\": [{\"instance_id\": \"host|instance|host|1\", \"steps\": [{\"id\": \"agent\", \"action\": \"A\", \"sub_steps\": []}]}]} => instances[0].steps[0].sub_steps must have at least one",
			"{\"instances\": [{\"instance_id\": \"host|instance|host|1\", \"steps\": [{\"id\": \"agent\", \"action\": \"A\", \"sub_steps\": [7]}]}]} => instances[0].steps[0].sub_steps[0] must be a name",
			"{\"instances\": [{\"instance_id\": \"host|instance|host|1\", \"instance_info\": {\"host\": {\"bk_host_id\": \"h\"}}, \"steps\": [{\"id\": \"agent\", \"action\": \"A\", \"sub_steps\": [\"s\"]}]}]} => instances[0].instance_info.host.bk_host_id must be an integer",
			"{\"instances\": [{\"instance_id\": \"host|instance|host|1\", \"steps\": [{\"id\": \"agent\", \"action\": \"A\", \"sub_steps\": [\"s\"]}]}, {\"instance_id\": \"host|instance|host|1\", \"steps\": [{\"id\": \"agent\", \"action\": \"A\", \"sub_steps\": [\"s\"]}]}]} => instances[1].instance_id host|instance|host|1 appears twice" })
	void badTasksAreRefusedNamingTheFieldAndStoreNothing(String body, String message) {
		long subscriptionId = createSubscription();
		JsonNode response = this.api.post("/api/v1/subscriptions/" + subscriptionId + "/tasks", body);
		assertThat(response.get("code").asInt()).isEqualTo(3800001);
		assertThat(response.get("message").asString()).contains(message);
		assertThat(this.api.taskResult(Map.of("subscription_id", subscriptionId)).get("code").asInt())
			.as("no task was stored")
			.isEqualTo(3800003);
	}

	/** A record keeps its sub-steps' states in one column: a plan of 1,000 works to its last, one more is refused. */
	@Test
	void anInstanceHoldsAtMostAThousandSubStepsWhichAllKeepTheirStates() {
		long subscriptionId = createSubscription();
		Map<String, Object> host = new java.util.HashMap<>(this.fixtures.host(this.bizId));
		List<String> subs = java.util.stream.IntStream.range(0, 500).mapToObj((i) -> "sub-step " + i).toList();
		List<String> oneMore = java.util.stream.IntStream.range(0, 501).mapToObj((i) -> "sub-step " + i).toList();
		host.put("steps", List.of(Map.of("id", "agent", "action", "INSTALL_AGENT", "sub_steps", subs),
				Map.of("id", "bkmonitorbeat", "action", "INSTALL", "sub_steps", oneMore)));
		JsonNode refused = this.api.post("/api/v1/subscriptions/" + subscriptionId + "/tasks",
				Map.of("instances", List.of(host)));
		assertThat(refused.get("code").asInt()).isEqualTo(3800001);
		assertThat(refused.get("message").asString())
			.contains("instances[0].steps: at most 1000 sub-steps in all, got 1001");

		host.put("steps", List.of(Map.of("id", "agent", "action", "INSTALL_AGENT", "sub_steps", subs),
				Map.of("id", "bkmonitorbeat", "action", "INSTALL", "sub_steps", subs)));
		long recordId = this.fixtures.task(subscriptionId, List.of(host)).records().get(0).recordId();
		java.time.Instant start = java.time.Instant.parse("2026-11-28T02:00:00Z");
		List<Map<String, Object>> events = new java.util.ArrayList<>();
		events.add(Fixtures.event(recordId, 499, "SUCCESS", start.plusSeconds(1)));
		Map<String, Object> last = new java.util.HashMap<>(Fixtures.event(recordId, 499, "SUCCESS", start.plusSeconds(2)));
		last.put("step_id", "bkmonitorbeat");
		events.add(last);
		assertThat(this.fixtures.send(events).applied()).isEqualTo(2);
		JsonNode record = this.api.taskResult(Map.of("subscription_id", subscriptionId, "page", 1, "pagesize", 50))
			.get("data")
			.get("list")
			.get(0);
		assertThat(record.get("status").asString()).isEqualTo("SUCCESS");
		JsonNode lastSub = record.get("steps").get(1).get("target_hosts").get(0).get("sub_steps").get(499);
		assertThat(lastSub.get("status").asString()).isEqualTo("SUCCESS");
		assertThat(record.get("steps").get(0).get("target_hosts").get(0).get("sub_steps").get(0).get("status")
			.asString()).as("back-filled").isEqualTo("SUCCESS");
	}

	@ParameterizedTest
	@ValueSource(strings = { "host|instance|host|1/../2", "host|instance|host|1\\2", "host|instance|host|1\u0000",
			"host|instance|host|1 ", "host|instance|host|1\n", "host|instance|host|\u202E1", "service|instance|service|a" })
	void instanceIdsThatAreNotASpecFormAreRefusedInlineAndInBatchesNamingTheInstance(String instanceId) {
		long subscriptionId = createSubscription();
		Map<String, Object> good = this.fixtures.host(this.bizId);
		Map<String, Object> bad = new java.util.HashMap<>(this.fixtures.host(this.bizId));
		bad.put("instance_id", instanceId);
		JsonNode inline = this.api.post("/api/v1/subscriptions/" + subscriptionId + "/tasks",
				Map.of("instances", List.of(good, bad)));
		assertThat(inline.get("code").asInt()).isEqualTo(3800001);
		assertThat(inline.get("message").asString()).startsWith("instances[1].instance_id ");
		long taskId = this.api.post("/api/v1/subscriptions/" + subscriptionId + "/tasks", Map.of("ready", false))
			.get("data")
			.get("task_id")
			.asLong();
		JsonNode batch = this.api.post("/api/v1/tasks/" + taskId + "/instances", Map.of("instances", List.of(bad)));
		assertThat(batch.get("code").asInt()).isEqualTo(3800001);
		assertThat(batch.get("message").asString()).startsWith("instances[0].instance_id ")
			.contains("host|instance|host|<bk_host_id>");
		assertThat(this.api.post("/api/v1/tasks/" + taskId + "/instances", Map.of("instances", List.of(good)))
			.get("data").get("records")).as("the batch with the bad id stored nothing").hasSize(1);
	}

	@Test
	void unknownSubscriptionsAndTasksAreRefused() {
		assertThat(this.api.post("/api/v1/subscriptions/987654321/tasks", Map.of("ready", false)).get("message")
			.asString()).contains("subscription 987654321 does not exist");
		assertThat(this.api.post("/api/v1/tasks/987654321/ready", Map.of()).get("code").asInt()).isEqualTo(3800003);
		assertThat(this.api.post("/api/v1/subscriptions/abc/tasks", Map.of()).get("message").asString())
			.contains("subscription_id (in the path) must be an integer");
	}

}
