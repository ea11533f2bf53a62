package io.subwatch.result;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import io.subwatch.support.Api;
import io.subwatch.support.Fixtures;
import io.subwatch.support.IntegrationTest;
import io.subwatch.support.ResultScenario;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;

/** The row shape of spec section 4, simple versus full instance_info, logs, and the URL aliases. */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TaskResultShapeTest {

	private static final Pattern PIPELINE_ID = Pattern.compile("[0-9a-f]{32}");

	private static final Pattern TIME = Pattern.compile("\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}:\\d{2}");

	@Autowired
	Fixtures fixtures;

	@Autowired
	OperatorActions actions;

	@Autowired
	MockMvc mvc;

	@Autowired
	JsonMapper json;

	ResultScenario s;

	Api api;

	@BeforeAll
	void scenario() {
		this.s = new ResultScenario(this.fixtures, this.actions);
		this.api = new Api(this.mvc, this.json);
	}

	JsonNode rows(boolean detail) {
		JsonNode response = this.api.taskResult(Map.of("subscription_id", this.s.subscriptionId, "task_id_list",
				List.of(this.s.firstTask), "return_all", true, "need_detail", detail));
		return response.get("data").get("list");
	}

	@Test
	void everyRowHasStepsWithOneTargetHostAndSubStepsWithPipelineIdsTheFirstSharedWithItsStep() {
		Set<String> pipelineIds = new HashSet<>();
		for (JsonNode row : rows(false)) {
			assertThat(row.get("pipeline_id").asString()).matches(PIPELINE_ID);
			assertThat(row.get("create_time").asString()).matches(TIME);
			assertThat(row.get("steps")).hasSize(1);
			JsonNode step = row.get("steps").get(0);
			assertThat(step.get("id").asString()).isEqualTo("agent");
			assertThat(step.get("action").asString()).isEqualTo("INSTALL_AGENT");
			assertThat(step.get("node_name").asString()).isEqualTo("[agent] INSTALL_AGENT");
			assertThat(step.get("step_code").isNull()).isTrue();
			assertThat(step.get("target_hosts")).hasSize(1);
			JsonNode host = step.get("target_hosts").get(0);
			String ip = row.get("instance_info").get("host").get("bk_host_innerip").asString();
			assertThat(host.get("node_name").asString()).isEqualTo("[agent] INSTALL_AGENT 0:" + ip);
			assertThat(host.get("sub_steps")).hasSize(4);
			// NodeMan's task_tools: the step, its target host and its first sub-step share one pipeline id
			assertThat(step.get("pipeline_id").asString()).matches(PIPELINE_ID)
				.isEqualTo(host.get("pipeline_id").asString())
				.isEqualTo(host.get("sub_steps").get(0).get("pipeline_id").asString());
			for (JsonNode sub : host.get("sub_steps")) {
				assertThat(sub.get("pipeline_id").asString()).matches(PIPELINE_ID);
				assertThat(pipelineIds.add(sub.get("pipeline_id").asString())).as("unique per sub-step").isTrue();
				assertThat(sub.get("ex_data").isNull()).isTrue();
				assertThat(sub.has("step_code")).isTrue();
			}
		}
	}

	@Test
	void pipelineIdsAreStableAcrossReads() {
		assertThat(rows(false).toString()).isEqualTo(rows(false).toString());
	}

	@Test
	void rowStatusAgreesWithStepsAndTimesFollowTheSubSteps() {
		for (JsonNode row : rows(false)) {
			JsonNode step = row.get("steps").get(0);
			assertThat(step.get("status").asString()).isEqualTo(row.get("status").asString());
			JsonNode subs = step.get("target_hosts").get(0).get("sub_steps");
			switch (row.get("status").asString()) {
				case "SUCCESS" -> {
					assertThat(row.get("start_time").asString()).isEqualTo(subs.get(0).get("start_time").asString());
					assertThat(row.get("finish_time").asString()).isEqualTo(subs.get(3).get("finish_time").asString());
				}
				case "FAILED" -> {
					assertThat(subs.get(2).get("status").asString()).isEqualTo("FAILED");
					assertThat(subs.get(3).get("status").asString()).isEqualTo("PENDING");
					assertThat(row.get("finish_time").asString()).isEqualTo(subs.get(2).get("finish_time").asString());
				}
				case "RUNNING" -> {
					assertThat(subs.get(0).get("status").asString()).as("back-filled").isEqualTo("SUCCESS");
					assertThat(subs.get(1).get("status").asString()).isEqualTo("RUNNING");
					assertThat(row.get("finish_time").isNull()).isTrue();
				}
				case "PENDING" -> {
					assertThat(row.get("start_time").isNull()).isTrue();
					assertThat(subs.get(0).get("start_time").isNull()).isTrue();
				}
				default -> throw new AssertionError(row.get("status"));
			}
		}
	}

	@Test
	void simpleInstanceInfoWithoutDetailAndFullWithIt() {
		JsonNode simple = rows(false).get(0).get("instance_info");
		assertThat(simple.get("host").propertyNames()).containsExactlyInAnyOrder("bk_host_innerip", "bk_cloud_id",
				"bk_host_name", "bk_host_id", "bk_biz_id", "bk_biz_name");
		assertThat(simple.get("host").get("bk_host_id").isNumber()).isTrue();
		assertThat(simple.get("service").isObject()).isTrue();
		assertThat(simple.has("scope")).isFalse();
		JsonNode full = rows(true).get(0).get("instance_info");
		assertThat(full.get("scope").get("bk_biz_id").asLong()).isEqualTo(this.s.bizId);
		assertThat(full.get("host").get("os_type").asString()).isEqualTo("LINUX");
	}

	@Test
	void logsOnlyWithNeedDetail() {
		for (JsonNode row : rows(false)) {
			for (JsonNode sub : row.get("steps").get(0).get("target_hosts").get(0).get("sub_steps")) {
				assertThat(sub.get("log").asString()).isEmpty();
			}
		}
		JsonNode failed = null;
		for (JsonNode row : rows(true)) {
			if (row.get("status").asString().equals("FAILED")) {
				failed = row;
			}
		}
		JsonNode subs = failed.get("steps").get(0).get("target_hosts").get(0).get("sub_steps");
		assertThat(subs.get(0).get("log").asString()).isEqualTo("[x INFO] done 0");
		assertThat(subs.get(2).get("log").asString()).isEqualTo("[x ERROR] failed at 2");
	}

	@Test
	void everyUrlAliasAnswersGetAndPostWithAndWithoutTheSlash() {
		List<String> paths = List.of("/backend/api/subscription/task_result", "/system/backend/api/subscription/task_result",
				"/v2/nodeman/backend/api/subscription/task_result",
				"/api/bk-nodeman/prod/system/backend/api/subscription/task_result",
				"/api/c/compapi/v2/nodeman/subscription_task_result", "/v2/nodeman/subscription_task_result");
		for (String path : paths) {
			for (String slash : List.of("", "/")) {
				JsonNode post = this.api.post(path + slash, Map.of("subscription_id", this.s.subscriptionId, "pagesize", 1));
				assertThat(post.get("data").get("total").asInt()).as(path + slash).isEqualTo(2);
				JsonNode get = this.api.get(path + slash + "?subscription_id=" + this.s.subscriptionId
						+ "&pagesize=1&task_id_list=" + this.s.firstTask + "&statuses=FAILED&statuses=RUNNING");
				assertThat(get.get("data").get("total").asInt()).as(path + slash).isEqualTo(4);
			}
		}
	}

	@Test
	void getAcceptsBracketedAndCommaSeparatedLists() {
		JsonNode get = this.api.get("/backend/api/subscription/task_result/?subscription_id=" + this.s.subscriptionId
				+ "&pagesize=1&task_id_list[]=" + this.s.firstTask + "&statuses=FAILED,PENDING&return_all=true");
		assertThat(get.get("data").get("total").asInt()).isEqualTo(4);
	}

	@Test
	void taskResultDetailGivesTheNewestRecordWithLogs() {
		String instance = this.s.instances.get(6);
		JsonNode latest = this.api.post("/backend/api/subscription/task_result_detail/",
				Map.of("subscription_id", this.s.subscriptionId, "instance_id", instance));
		assertThat(latest.get("data").get("record_id").asLong()).isEqualTo(this.s.retryRecords.get(0));
		JsonNode older = this.api.post("/api/c/compapi/v2/nodeman/subscription_task_result_detail/",
				Map.of("subscription_id", this.s.subscriptionId, "instance_id", instance, "task_id", this.s.firstTask));
		assertThat(older.get("data").get("status").asString()).isEqualTo("FAILED");
		assertThat(older.get("data").get("instance_info").has("scope")).isTrue();
		JsonNode missing = this.api.post("/backend/api/subscription/task_result_detail/",
				Map.of("subscription_id", this.s.subscriptionId, "instance_id", "host|instance|host|0"));
		assertThat(missing.get("code").asInt()).isEqualTo(3800007);
	}

	@Test
	void anIpv6OnlyHostsTargetNodeNameEndsInItsCloudAndAColon() {
		long bizId = this.fixtures.newBizId();
		long subscriptionId = this.fixtures.subscription(bizId);
		Map<String, Object> host = Map.of("bk_host_id", 990_001, "bk_host_innerip_v6", "fd00::1", "bk_cloud_id", 3,
				"bk_biz_id", bizId);
		this.fixtures.task(subscriptionId, List.of(Map.of("instance_id", "host|instance|host|990001", "instance_info",
				Map.of("host", host), "steps", List.of(Map.of("id", "agent", "action", "INSTALL_AGENT", "node_name",
						"[agent] 安装", "sub_steps", Fixtures.AGENT_SUBS)))));
		JsonNode row = this.api.taskResult(Map.of("subscription_id", subscriptionId, "pagesize", 1)).get("data")
			.get("list").get(0);
		assertThat(row.get("instance_info").get("host").get("bk_host_innerip").asString()).isEmpty();
		assertThat(row.get("steps").get(0).get("target_hosts").get(0).get("node_name").asString())
			.isEqualTo("[agent] 安装 3:");
	}

}
