package io.subwatch.result;

import java.util.List;
import java.util.Map;

import io.subwatch.audit.AuditDao;
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

/** retry and revoke (spec section 8): who is picked, who never is, and the audit trail. */
@IntegrationTest
class RetryRevokeApiTest {

	@Autowired
	Fixtures fixtures;

	@Autowired
	OperatorActions actions;

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

	JsonNode aggregated(String... statuses) {
		return this.api.taskResult(Map.of("subscription_id", this.s.subscriptionId, "need_aggregate_all_tasks", true,
				"statuses", List.of(statuses), "return_all", true)).get("data");
	}

	@Test
	void retryRunsOnlyFailedOrTerminatedLatestRecords() {
		this.api.post("/backend/api/subscription/revoke/", Map.of("subscription_id", this.s.subscriptionId,
				"instance_id_list", List.of(this.s.instances.get(8))));
		JsonNode retried = this.api.post("/backend/api/subscription/retry/", Map.of("subscription_id",
				this.s.subscriptionId, "instance_id_list", List.of(this.s.instances.get(0), this.s.instances.get(7),
						this.s.instances.get(8), this.s.instances.get(10))));
		assertThat(retried.get("data").get("instance_count").asInt()).as("only the terminated one: 0 succeeded,"
				+ " 7 is pending in the first retry, 10 is pending").isEqualTo(1);
		long taskId = retried.get("data").get("task_id").asLong();
		JsonNode newest = this.api.taskResult(Map.of("subscription_id", this.s.subscriptionId, "return_all", true));
		assertThat(newest.get("data").get("list").get(0).get("task_id").asLong()).isEqualTo(taskId);
		assertThat(newest.get("data").get("list").get(0).get("instance_id").asString())
			.isEqualTo(this.s.instances.get(8));
	}

	@Test
	void retryWithNothingToRetryIsRefusedAndCreatesNoTask() {
		JsonNode refused = this.api.post("/backend/api/subscription/retry/", Map.of("subscription_id",
				this.s.subscriptionId, "instance_id_list", List.of(this.s.instances.get(0))));
		assertThat(refused.get("code").asInt()).as("NodeMan's code for nothing to retry").isEqualTo(3800007);
		assertThat(refused.get("message").asString()).contains("nothing to retry");
		JsonNode newest = this.api.taskResult(Map.of("subscription_id", this.s.subscriptionId, "pagesize", 1));
		assertThat(newest.get("data").get("list").get(0).get("task_id").asLong()).isEqualTo(this.s.retryTask);
	}

	@Test
	void retryOfATaskTakesItsInstancesWhoseLatestRecordFailed() {
		this.fixtures.send(io.subwatch.support.Fixtures.finish(this.s.retryRecords.get(1), 0,
				java.time.Instant.parse("2026-11-28T03:00:00Z")));
		JsonNode retried = this.api.post("/v2/nodeman/backend/api/subscription/retry/", Map.of("subscription_id",
				this.s.subscriptionId, "task_id_list", List.of(this.s.firstTask)));
		assertThat(retried.get("data").get("instance_count").asInt()).isEqualTo(1);
		JsonNode foreign = this.api.post("/backend/api/subscription/retry/", Map.of("subscription_id",
				this.s.subscriptionId, "task_id_list", List.of(-1)));
		assertThat(foreign.get("code").asInt()).isEqualTo(3800003);
	}

	@Test
	void revokeTerminatesPendingAndRunningLatestRecordsOnly() {
		JsonNode revoked = this.api.post("/backend/api/subscription/revoke", Map.of("subscription_id",
				this.s.subscriptionId, "reason", "maintenance window over"));
		assertThat(revoked.get("data").get("terminated").asInt()).as("2 running, 2 pending, 1 pending retry")
			.isEqualTo(5);
		// stored TERMINATED, reported FAILED (spec section 5)
		assertThat(aggregated("FAILED").get("total").asInt()).isEqualTo(5);
		assertThat(aggregated("TERMINATED").get("total").asInt()).isZero();
		assertThat(aggregated("SUCCESS").get("total").asInt()).isEqualTo(7);
		assertThat(aggregated("PENDING", "RUNNING").get("total").asInt()).isZero();
		var entries = this.audit.findRecentBySubscription(this.s.subscriptionId, 5);
		assertThat(entries.get(0).action()).isEqualTo("TERMINATE");
		assertThat(entries.get(0).hostCount()).isEqualTo(5);
		assertThat(entries.get(0).detail()).isEqualTo("maintenance window over");
		assertThat(entries.get(1).action()).isEqualTo("RETRY");
	}

	@Test
	void anEmptyInstanceIdListMeansAllHostsForRevokeAndRetry() {
		// NodeMan drops empty lists: its "retry all" button sends instance_id_list: []
		JsonNode revoked = this.api.post("/backend/api/subscription/revoke/", Map.of("subscription_id",
				this.s.subscriptionId, "instance_id_list", List.of()));
		assertThat(revoked.get("result").asBoolean()).as(revoked.toString()).isTrue();
		assertThat(revoked.get("data").get("terminated").asInt()).isEqualTo(5);
		JsonNode retried = this.api.post("/backend/api/subscription/retry/", Map.of("subscription_id",
				this.s.subscriptionId, "instance_id_list", List.of(), "task_id_list", List.of()));
		assertThat(retried.get("result").asBoolean()).as(retried.toString()).isTrue();
		assertThat(retried.get("data").get("instance_count").asInt()).isEqualTo(5);
		JsonNode query = this.api.post("/backend/api/subscription/revoke/?subscription_id=" + this.s.subscriptionId,
				"{}");
		assertThat(query.get("data").get("terminated").asInt()).as("the retried hosts, pending again").isEqualTo(5);
	}

	@Test
	void numericInstanceIdsAndSubscriptionIdsAreReadAsDjangoRestFrameworkReadsThem() {
		JsonNode refused = this.api.post("/backend/api/subscription/retry/", Map.of("subscription_id",
				this.s.subscriptionId + ".0", "instance_id_list", List.of(12345)));
		assertThat(refused.get("code").asInt()).as("12345 is the instance id \"12345\", which has no record")
			.isEqualTo(3800007);
		JsonNode revoked = this.api.post("/backend/api/subscription/revoke/", "{\"subscription_id\": "
				+ this.s.subscriptionId + ".0, \"instance_id_list\": [\"" + this.s.instances.get(8) + "\"]}");
		assertThat(revoked.get("data").get("terminated").asInt()).isEqualTo(1);
	}

}
