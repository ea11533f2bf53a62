package io.subwatch.result;

import java.util.List;
import java.util.Map;

import io.subwatch.ingest.IngestRequests;
import io.subwatch.ingest.IngestService;
import io.subwatch.support.Api;
import io.subwatch.support.Fixtures;
import io.subwatch.support.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;

/** Every error code of spec section 7, with a message naming the field or id, and HTTP 200 as NodeMan answers. */
@IntegrationTest
class TaskResultErrorsTest {

	@Autowired
	Fixtures fixtures;

	@Autowired
	IngestService ingest;

	@Autowired
	IngestRequests requests;

	@Autowired
	MockMvc mvc;

	@Autowired
	JsonMapper json;

	Api api;

	long subscriptionId;

	@BeforeEach
	void setUp() {
		this.api = new Api(this.mvc, this.json);
		this.subscriptionId = this.fixtures.subscription();
	}

	void assertError(JsonNode response, int code, String messagePart) {
		assertThat(this.api.lastStatus).isEqualTo(200);
		assertThat(response.get("result").asBoolean()).isFalse();
		assertThat(response.get("code").asInt()).isEqualTo(code);
		assertThat(response.get("message").asString()).contains(messagePart).endsWith("（" + code + "）");
		assertThat(response.get("data").isNull()).isTrue();
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', value = { "{}|subscription_id is required",
			"{\"subscription_id\": \"x1\"}|subscription_id must be an integer",
			"{\"subscription_id\": 1.5}|subscription_id must be an integer",
			"{\"subscription_id\": 1, \"page\": 0}|page must be an integer ≥ 1",
			"{\"subscription_id\": 1, \"page\": \"two\"}|page must be an integer",
			"{\"subscription_id\": 1, \"pagesize\": -2}|pagesize must be an integer ≥ -1",
			"{\"subscription_id\": 1, \"start\": 0}|start must be an integer ≥ 1",
			"{\"subscription_id\": 1, \"task_id_list\": 5}|task_id_list must be an array",
			"{\"subscription_id\": 1, \"task_id_list\": [\"a\"]}|task_id_list[0] must be an integer",
			"{\"subscription_id\": 1, \"statuses\": [{}]}|statuses[0] must be a string",
			"{\"subscription_id\": 1, \"instance_id_list\": [true]}|instance_id_list[0] must be a string",
			"{\"subscription_id\": 1, \"page\": 1.5}|page must be an integer",
			"{\"subscription_id\": 1, \"need_detail\": \"yess\"}|need_detail must be true or false",
			"{\"subscription_id\": 1, \"need_detail\": 2}|need_detail must be true or false",
			"{\"subscription_id\": 1, \"instance_id_list\": {}}|instance_id_list must be an array",
			"{\"subscription_id\": 1, \"exclude_instance_ids\": \"x\"}|exclude_instance_ids must be an array",
			"{\"subscription_id\": 1, \"return_all\": \"maybe\"}|return_all must be true or false",
			"{\"subscription_id\": 1, \"need_detail\": []}|need_detail must be true or false",
			"[1, 2]|the request body must be a JSON object", "{\"subscription_id\": |not valid JSON" })
	void wrongParametersAreRejectedNamingTheField(String body, String message) {
		assertError(this.api.post("/backend/api/subscription/task_result/", body), 3800001, message);
	}

	@Test
	void unknownSubscriptionIs3800003() {
		assertError(this.api.taskResult(Map.of("subscription_id", 987_654_321L)), 3800003,
				"subscription 987654321 does not exist");
	}

	@Test
	void subscriptionWithoutTaskIs3800003() {
		assertError(this.api.taskResult(Map.of("subscription_id", this.subscriptionId)), 3800003, "has no task");
	}

	@Test
	void taskOfAnotherSubscriptionIs3800003NamingIt() {
		long other = this.fixtures.subscription();
		long foreignTask = this.fixtures.task(other, this.fixtures.hosts(1, 1)).taskId();
		assertError(this.api.taskResult(Map.of("subscription_id", this.subscriptionId, "task_id_list",
				List.of(foreignTask))), 3800003, "task [" + foreignTask + "] does not belong");
	}

	@Test
	void taskNotReadyIs3800015ButAggregationSkipsTheCheck() {
		this.fixtures.task(this.subscriptionId, this.fixtures.hosts(1, 2));
		this.ingest.createTask(this.subscriptionId, this.requests.task(this.json.valueToTree(Map.of("ready", false))), Fixtures.SYSTEM);
		assertError(this.api.taskResult(Map.of("subscription_id", this.subscriptionId)), 3800015, "not ready");
		JsonNode aggregated = this.api.taskResult(Map.of("subscription_id", this.subscriptionId,
				"need_aggregate_all_tasks", true, "pagesize", 10));
		assertThat(aggregated.get("data").get("total").asInt()).isEqualTo(2);
	}

	@Test
	void taskCreationFailureIs3800014WithItsError() {
		long taskId = this.ingest
			.createTask(this.subscriptionId, this.requests.task(this.json.valueToTree(Map.of("ready", false))), Fixtures.SYSTEM)
			.taskId();
		this.ingest.markReady(taskId, this.requests.readyError(this.json.valueToTree(Map.of("error", "CMDB timed out"))), Fixtures.SYSTEM);
		assertError(this.api.taskResult(Map.of("subscription_id", this.subscriptionId)), 3800014, "CMDB timed out");
	}

	@Test
	void revokeWithNothingPendingOrRunningIs3800016() {
		long taskId = this.fixtures.task(this.subscriptionId, this.fixtures.hosts(1, 1)).taskId();
		long recordId = this.fixtures.recordId(taskId, firstInstance(taskId));
		this.fixtures.send(Fixtures.finish(recordId, -1, java.time.Instant.now()));
		assertError(this.api.post("/backend/api/subscription/revoke/", Map.of("subscription_id", this.subscriptionId)),
				3800016, "nothing to revoke");
	}

	@Test
	void eachNeighbourAnswersAMissingSubscriptionWithItsOwnCode() {
		long missing = 987_654_321L;
		assertError(this.api.post("/backend/api/subscription/task_result_detail/", Map.of("subscription_id", missing,
				"instance_id", "host|instance|host|1")), 3800007, "subscription 987654321 does not exist");
		assertError(this.api.post("/backend/api/subscription/revoke/", Map.of("subscription_id", missing)), 3800016,
				"subscription 987654321 does not exist");
		assertError(this.api.post("/backend/api/subscription/retry/", Map.of("subscription_id", missing)), 3800001,
				"subscription 987654321 does not exist");
	}

	@Test
	void taskResultDetailWithATaskOfAnotherSubscriptionIs3800007() {
		long taskId = this.fixtures.task(this.subscriptionId, this.fixtures.hosts(1, 1)).taskId();
		long other = this.fixtures.subscription();
		long foreignTask = this.fixtures.task(other, this.fixtures.hosts(1, 1)).taskId();
		String instance = firstInstance(taskId);
		assertError(this.api.post("/backend/api/subscription/task_result_detail/", Map.of("subscription_id",
				this.subscriptionId, "instance_id", instance, "task_id", foreignTask)), 3800007,
				"task [" + foreignTask + "] does not belong");
		assertError(this.api.post("/backend/api/subscription/task_result_detail/", Map.of("subscription_id",
				this.subscriptionId, "instance_id", instance, "task_id_list", List.of(taskId, foreignTask))), 3800007,
				"does not belong");
	}

	@Test
	void aWrongHttpMethodIs3800405() {
		for (String path : List.of("/backend/api/subscription/retry/", "/backend/api/subscription/revoke",
				"/v2/nodeman/backend/api/subscription/retry/")) {
			assertError(this.api.get(path + "?subscription_id=" + this.subscriptionId), 3800405,
					"method GET is not allowed");
		}
	}

	private String firstInstance(long taskId) {
		return this.fixtures.json()
			.readTree(this.api.taskResult(Map.of("subscription_id", this.subscriptionId, "task_id_list", List.of(taskId),
					"pagesize", 1)).toString())
			.get("data").get("list").get(0).get("instance_id").asString();
	}

}
