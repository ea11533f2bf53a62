package io.subwatch.result;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.subwatch.ingest.IngestRequests;
import io.subwatch.ingest.IngestService;
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

/** info, statistic and instance_status (spec section 8) in NodeMan's shapes, over the subscription's scope. */
@IntegrationTest
class SubscriptionViewsTest {

	@Autowired
	Fixtures fixtures;

	@Autowired
	OperatorActions actions;

	@Autowired
	IngestService ingest;

	@Autowired
	IngestRequests requests;

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

	JsonNode call(String name, Object... params) {
		Map<String, Object> body = new LinkedHashMap<>();
		for (int i = 0; i < params.length; i += 2) {
			body.put((String) params[i], params[i + 1]);
		}
		JsonNode answer = this.api.post("/backend/api/subscription/" + name + "/", body);
		assertThat(answer.get("result").asBoolean()).as(answer.toString()).isTrue();
		return answer.get("data");
	}

	static Map<String, Integer> statuses(JsonNode statistic) {
		Map<String, Integer> counts = new LinkedHashMap<>();
		statistic.get("status").forEach((item) -> counts.put(item.get("status").asString(), item.get("count").asInt()));
		return counts;
	}

	@Test
	void infoDescribesEachVisibleSubscriptionWithWhatTheExecutorDeclared() {
		long bizId = this.fixtures.newBizId();
		Map<String, Object> step = new LinkedHashMap<>();
		step.put("id", "bkmonitorbeat");
		step.put("type", "PLUGIN");
		step.put("config", Map.of("plugin_name", "bkmonitorbeat", "plugin_version", "latest"));
		step.put("params", Map.of("context", Map.of("interval", 60)));
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("name", "collect " + bizId);
		body.put("bk_biz_id", bizId);
		body.put("category", "policy");
		body.put("plugin_name", "bkmonitorbeat");
		body.put("enable", false);
		body.put("bk_biz_scope", List.of(bizId));
		body.put("scope_nodes", List.of(Map.of("bk_inst_id", 7, "bk_obj_id", "module")));
		body.put("steps", List.of(step));
		long declared = this.ingest.createSubscription(this.requests.subscription(this.json.valueToTree(body)), Fixtures.SYSTEM);

		JsonNode data = call("info", "subscription_id_list", List.of(declared, this.s.subscriptionId, Long.MAX_VALUE));
		assertThat(data.size()).as("a missing id is left out").isEqualTo(2);
		JsonNode first = data.get(0);
		assertThat(first.get("id").asLong()).isEqualTo(declared);
		assertThat(first.get("enable").asBoolean()).isFalse();
		assertThat(first.get("category").asString()).isEqualTo("policy");
		assertThat(first.get("plugin_name").asString()).isEqualTo("bkmonitorbeat");
		assertThat(first.get("bk_biz_scope").get(0).asLong()).isEqualTo(bizId);
		assertThat(first.get("scope").get("bk_biz_id").asLong()).isEqualTo(bizId);
		assertThat(first.get("scope").get("nodes").get(0).get("bk_obj_id").asString()).isEqualTo("module");
		assertThat(first.get("pid").asInt()).isEqualTo(-1);
		assertThat(first.get("target_hosts").isNull()).isTrue();
		JsonNode infoStep = first.get("steps").get(0);
		assertThat(infoStep.get("id").asString()).isEqualTo("bkmonitorbeat");
		assertThat(infoStep.get("type").asString()).isEqualTo("PLUGIN");
		assertThat(infoStep.get("config").get("plugin_version").asString()).isEqualTo("latest");
		assertThat(infoStep.get("params").get("context").get("interval").asInt()).isEqualTo(60);

		JsonNode scenario = data.get(1);
		assertThat(scenario.get("enable").asBoolean()).isTrue();
		assertThat(scenario.get("bk_biz_scope").isArray()).isTrue();
		assertThat(scenario.get("steps").get(0).get("config").isObject()).isTrue();
		JsonNode nodes = scenario.get("scope").get("nodes");
		assertThat(nodes.size()).as("the scope's 12 hosts, not the 2 retried").isEqualTo(12);
		List<String> ids = new ArrayList<>();
		nodes.forEach((node) -> ids.add("host|instance|host|" + node.get("bk_host_id").asLong()));
		assertThat(ids).containsExactlyInAnyOrderElementsOf(this.s.instances);
		assertThat(call("info", "subscription_id_list", List.of(), "show_deleted", true).size()).isZero();
	}

	@Test
	void statisticCountsTheScopesLatestRecordsWithRevokedHostsAsFailed() {
		this.actions.revoke(this.s.subscriptionId, List.of(this.s.instances.get(8)), null, Fixtures.SYSTEM);
		JsonNode data = call("statistic", "subscription_id_list", List.of(this.s.subscriptionId, Long.MAX_VALUE));
		assertThat(data.size()).isEqualTo(1);
		JsonNode one = data.get(0);
		assertThat(one.get("subscription_id").asLong()).isEqualTo(this.s.subscriptionId);
		assertThat(statuses(one)).containsExactly(Map.entry("SUCCESS", 7), Map.entry("PENDING", 3),
				Map.entry("FAILED", 1), Map.entry("RUNNING", 1));
		assertThat(one.get("instances").asInt()).isEqualTo(12);
		assertThat(one.get("versions").isArray()).isTrue();
		assertThat(one.get("versions").size()).isZero();

		// a new full task of 3 hosts narrows the scope: the other 9 leave the statistic
		List<Map<String, Object>> three = new ArrayList<>();
		for (int i = 0; i < 3; i++) {
			three.add(Map.of("instance_id", this.s.instances.get(i), "steps", List.of(Map.of("id", "agent", "action",
					"INSTALL_AGENT", "sub_steps", Fixtures.AGENT_SUBS))));
		}
		this.fixtures.task(this.s.subscriptionId, three);
		JsonNode narrowed = call("statistic", "subscription_id_list", List.of(this.s.subscriptionId)).get(0);
		assertThat(narrowed.get("instances").asInt()).isEqualTo(3);
		assertThat(statuses(narrowed).get("PENDING")).isEqualTo(3);
	}

	@Test
	void versionsAndHostStatusesComeFromWhatExecutorsReportInInstanceInfo() {
		long bizId = this.fixtures.newBizId();
		long subscriptionId = this.fixtures.subscription(bizId);
		List<Map<String, Object>> hosts = new ArrayList<>();
		for (String version : List.of("3.1.0", "3.1.0", "3.2.0")) {
			Map<String, Object> host = new LinkedHashMap<>(this.fixtures.host(bizId));
			@SuppressWarnings("unchecked")
			Map<String, Object> info = new LinkedHashMap<>((Map<String, Object>) host.get("instance_info"));
			info.put("host_statuses", List.of(Map.of("name", "bkmonitorbeat", "status", "RUNNING", "version", version)));
			host.put("instance_info", info);
			hosts.add(host);
		}
		hosts.add(this.fixtures.host(bizId));
		long taskId = this.fixtures.task(subscriptionId, hosts).taskId();
		JsonNode statistic = call("statistic", "subscription_id_list", List.of(subscriptionId)).get(0);
		assertThat(statistic.get("versions").toString()).isEqualTo(
				"[{\"name\":\"bkmonitorbeat\",\"version\":\"3.1.0\",\"count\":2},"
						+ "{\"name\":\"bkmonitorbeat\",\"version\":\"3.2.0\",\"count\":1}]");
		assertThat(statuses(statistic).get("PENDING")).isEqualTo(4);

		JsonNode status = call("instance_status", "subscription_id_list", List.of(subscriptionId)).get(0);
		assertThat(status.get("subscription_id").asLong()).isEqualTo(subscriptionId);
		JsonNode instances = status.get("instances");
		assertThat(instances.size()).isEqualTo(4);
		JsonNode first = instances.get(0);
		assertThat(first.get("instance_id").asString()).isEqualTo(hosts.get(0).get("instance_id"));
		assertThat(first.get("status").asString()).isEqualTo("PENDING");
		assertThat(first.get("create_time").asString()).matches("\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d");
		assertThat(first.get("host_statuses").toString())
			.isEqualTo("[{\"name\":\"bkmonitorbeat\",\"status\":\"RUNNING\",\"version\":\"3.1.0\"}]");
		assertThat(first.get("instance_info").get("host").has("bk_host_innerip")).isTrue();
		assertThat(first.get("running_task").get("id").asLong()).isEqualTo(taskId);
		assertThat(first.get("running_task").get("is_auto_trigger").asBoolean()).isFalse();
		assertThat(first.get("last_task").toString()).isEqualTo("{\"id\":" + taskId + "}");
		assertThat(instances.get(3).get("host_statuses").size()).isZero();
	}

	@Test
	void instanceStatusListsTheScopeWithTheLatestRecordsStepsOnRequest() {
		JsonNode status = call("instance_status", "subscription_id_list", List.of(this.s.subscriptionId),
				"show_task_detail", true).get(0);
		JsonNode instances = status.get("instances");
		assertThat(instances.size()).isEqualTo(12);
		Map<String, JsonNode> byInstance = new LinkedHashMap<>();
		instances.forEach((item) -> byInstance.put(item.get("instance_id").asString(), item));
		JsonNode succeeded = byInstance.get(this.s.instances.get(0));
		assertThat(succeeded.get("status").asString()).isEqualTo("SUCCESS");
		assertThat(succeeded.get("running_task").isNull()).isTrue();
		JsonNode lastTask = succeeded.get("last_task");
		assertThat(lastTask.get("id").asLong()).isEqualTo(this.s.firstTask);
		assertThat(lastTask.get("record_id").asLong()).isEqualTo(this.s.records.get(0));
		assertThat(lastTask.get("status").asString()).isEqualTo("SUCCESS");
		assertThat(lastTask.get("steps").get(0).get("target_hosts").get(0).get("sub_steps").size()).isEqualTo(4);
		assertThat(lastTask.has("instance_info")).isFalse();
		JsonNode retried = byInstance.get(this.s.instances.get(7));
		assertThat(retried.get("status").asString()).isEqualTo("PENDING");
		assertThat(retried.get("running_task").get("id").asLong()).isEqualTo(this.s.retryTask);
		assertThat(retried.get("last_task").get("id").asLong()).isEqualTo(this.s.retryTask);
		JsonNode plain = call("instance_status", "subscription_id_list", List.of(this.s.subscriptionId)).get(0);
		assertThat(plain.get("instances").get(0).get("last_task").size()).isEqualTo(1);
	}

}
