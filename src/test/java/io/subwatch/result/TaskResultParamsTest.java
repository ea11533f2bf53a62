package io.subwatch.result;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

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

/** One test per row of the parameter table (spec section 2) and the row rules of section 3. */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TaskResultParamsTest {

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

	JsonNode data(Map<String, Object> params) {
		Map<String, Object> all = new LinkedHashMap<>(params);
		all.putIfAbsent("subscription_id", this.s.subscriptionId);
		JsonNode response = this.api.taskResult(all);
		assertThat(response.get("result").asBoolean()).as(response.toString()).isTrue();
		return response.get("data");
	}

	List<Long> recordIds(JsonNode data) {
		List<Long> ids = new ArrayList<>();
		(data.isArray() ? data : data.get("list")).forEach((row) -> ids.add(row.get("record_id").asLong()));
		return ids;
	}

	List<Long> first(int... indexes) {
		List<Long> ids = new ArrayList<>();
		for (int i : indexes) {
			ids.add(this.s.records.get(i));
		}
		return ids;
	}

	@Test
	void subscriptionIdAcceptsNumericStrings() {
		JsonNode data = data(Map.of("subscription_id", String.valueOf(this.s.subscriptionId), "pagesize", 10));
		assertThat(data.get("total").asInt()).isEqualTo(2);
	}

	@Test
	void taskIdListDefaultsToTheNewestTask() {
		JsonNode data = data(Map.of("return_all", true));
		assertThat(recordIds(data)).containsExactly(this.s.retryRecords.get(1), this.s.retryRecords.get(0));
		assertThat(data.get("status_counter").toString()).isEqualTo("{\"PENDING\":1,\"SUCCESS\":1,\"total\":2}");
	}

	@Test
	void taskIdListTakesTheLatestRecordPerInstanceAmongTheTasks() {
		JsonNode data = data(Map.of("task_id_list", List.of(this.s.firstTask, this.s.retryTask), "return_all", true));
		assertThat(data.get("total").asInt()).isEqualTo(12);
		assertThat(recordIds(data)).contains(this.s.retryRecords.get(0), this.s.retryRecords.get(1))
			.doesNotContain(this.s.records.get(6), this.s.records.get(7));
		assertThat(data.get("status_counter").toString())
			.isEqualTo("{\"PENDING\":3,\"RUNNING\":2,\"SUCCESS\":7,\"total\":12}");
	}

	@Test
	void pageAndPagesizeCutAscendingWindowsListedDescending() {
		Map<String, Object> firstTask = Map.of("task_id_list", List.of(this.s.firstTask), "pagesize", 5);
		assertThat(recordIds(data(firstTask))).containsExactly(first(4, 3, 2, 1, 0).toArray(Long[]::new));
		Map<String, Object> page3 = new LinkedHashMap<>(firstTask);
		page3.put("page", 3);
		JsonNode data = data(page3);
		assertThat(recordIds(data)).containsExactly(first(11, 10).toArray(Long[]::new));
		assertThat(data.get("total").asInt()).isEqualTo(12);
	}

	@Test
	void pagesizeZeroGivesAnEmptyPageAndPagesizeHasNoCap() {
		assertThat(recordIds(data(Map.of("task_id_list", List.of(this.s.firstTask), "pagesize", 0)))).isEmpty();
		assertThat(recordIds(data(Map.of("task_id_list", List.of(this.s.firstTask), "pagesize", 1_000_000))))
			.hasSize(12);
	}

	@Test
	void startIsAOneBasedOffsetThatWinsOverPage() {
		JsonNode data = data(Map.of("task_id_list", List.of(this.s.firstTask), "start", 3, "page", 5, "pagesize", 2));
		assertThat(recordIds(data)).containsExactly(first(3, 2).toArray(Long[]::new));
	}

	@Test
	void statusesFilterAfterAggregationAndTheCounterStaysGlobal() {
		JsonNode data = data(Map.of("task_id_list", List.of(this.s.firstTask), "statuses", List.of("FAILED", "RUNNING"),
				"pagesize", 10));
		assertThat(recordIds(data)).containsExactly(first(9, 8, 7, 6).toArray(Long[]::new));
		assertThat(data.get("total").asInt()).isEqualTo(4);
		assertThat(data.get("status_counter").get("total").asInt()).isEqualTo(12);
		JsonNode none = data(Map.of("task_id_list", List.of(this.s.firstTask), "statuses", List.of(), "pagesize", 10));
		assertThat(none.get("total").asInt()).isZero();
		assertThat(recordIds(none)).isEmpty();
	}

	@Test
	void statusesMatchTheLatestRecordNotAnOlderOne() {
		JsonNode data = data(Map.of("need_aggregate_all_tasks", true, "statuses", List.of("FAILED"), "pagesize", 10));
		assertThat(data.get("total").asInt()).isZero();
	}

	@Test
	void instanceIdListKeepsExactIds() {
		JsonNode data = data(Map.of("task_id_list", List.of(this.s.firstTask), "instance_id_list",
				List.of(this.s.instances.get(2), this.s.instances.get(5), "host|instance|host|0"), "pagesize", 10));
		assertThat(recordIds(data)).containsExactly(first(5, 2).toArray(Long[]::new));
		assertThat(data.get("total").asInt()).isEqualTo(2);
		JsonNode none = data(Map.of("task_id_list", List.of(this.s.firstTask), "instance_id_list", List.of(),
				"pagesize", 10));
		assertThat(none.get("total").asInt()).isZero();
	}

	@Test
	void aLongInstanceIdListIsLookedUpInPartsWithTheSameAnswer() {
		// more ids than one statement looks up on either database (100 on H2, 1,000 on MySQL), matches in two parts
		List<Object> ids = new ArrayList<>();
		for (int i = 0; i < 2_500; i++) {
			ids.add("host|instance|host|missing-" + i);
		}
		ids.add(1_234, this.s.instances.get(5));
		ids.add(this.s.instances.get(2));
		ids.add(this.s.instances.get(2));
		JsonNode data = data(Map.of("task_id_list", List.of(this.s.firstTask), "instance_id_list", ids, "pagesize", 10));
		assertThat(recordIds(data)).containsExactly(first(5, 2).toArray(Long[]::new));
		assertThat(data.get("total").asInt()).isEqualTo(2);
		JsonNode second = data(Map.of("task_id_list", List.of(this.s.firstTask), "instance_id_list", ids, "pagesize", 1,
				"page", 2));
		assertThat(recordIds(second)).containsExactly(first(5).toArray(Long[]::new));
	}

	@Test
	void excludeInstanceIdsDropsInstances() {
		JsonNode data = data(Map.of("task_id_list", List.of(this.s.firstTask), "exclude_instance_ids",
				this.s.instances.subList(0, 10), "return_all", true));
		assertThat(recordIds(data)).containsExactly(first(11, 10).toArray(Long[]::new));
	}

	@Test
	void returnAllIgnoresPagingAndKeepsTheDictShape() {
		JsonNode data = data(Map.of("task_id_list", List.of(this.s.firstTask), "return_all", true, "page", 2,
				"pagesize", 5));
		assertThat(data.isObject()).isTrue();
		assertThat(recordIds(data)).hasSize(12);
		assertThat(recordIds(data).get(0)).isEqualTo(this.s.records.get(11));
	}

	@Test
	void needAggregateAllTasksReadsTheLatestRecordOfEveryInstance() {
		JsonNode data = data(Map.of("need_aggregate_all_tasks", true, "return_all", true));
		assertThat(data.get("total").asInt()).isEqualTo(12);
		assertThat(data.get("status_counter").toString())
			.isEqualTo("{\"PENDING\":3,\"RUNNING\":2,\"SUCCESS\":7,\"total\":12}");
		JsonNode stillValidated = this.api.taskResult(Map.of("subscription_id", this.s.subscriptionId,
				"need_aggregate_all_tasks", true, "task_id_list", List.of(-5)));
		assertThat(stillValidated.get("code").asInt()).isEqualTo(3800003);
		JsonNode notFiltering = data(Map.of("need_aggregate_all_tasks", true, "task_id_list",
				List.of(this.s.firstTask), "return_all", true));
		assertThat(recordIds(notFiltering)).contains(this.s.retryRecords.get(0));
	}

	@Test
	void needOutOfScopeSnapshotsFalseKeepsTheScopeWhichARetryDoesNotShrink() {
		JsonNode data = data(Map.of("task_id_list", List.of(this.s.firstTask), "need_out_of_scope_snapshots", false,
				"return_all", true));
		assertThat(recordIds(data)).hasSize(12);
		assertThat(data.get("status_counter").get("total").asInt()).isEqualTo(12);
		JsonNode aggregated = data(Map.of("need_aggregate_all_tasks", true, "need_out_of_scope_snapshots", false,
				"return_all", true));
		assertThat(recordIds(aggregated)).hasSize(12).contains(this.s.retryRecords.toArray(Long[]::new));
	}

	@Test
	void pagesizeMinusOneWithoutReturnAllIsTheBareList() {
		JsonNode data = data(Map.of("task_id_list", List.of(this.s.firstTask)));
		assertThat(data.isArray()).isTrue();
		assertThat(recordIds(data)).hasSize(12);
		assertThat(recordIds(data).get(0)).isEqualTo(this.s.records.get(11));
	}

	@Test
	void integersAndBooleansAreReadAsDjangoRestFrameworkReadsThem() {
		JsonNode strict = data(Map.of("task_id_list", List.of(this.s.firstTask), "page", 2, "pagesize", 5,
				"need_detail", false, "return_all", false));
		for (Object page : List.of(2.0, "2", " 2 ", "2.0")) {
			for (Object flag : List.of("false", "FALSE", "f", "No", "off", 0, 0.0, "0")) {
				JsonNode lenient = data(Map.of("subscription_id", this.s.subscriptionId + ".0", "task_id_list",
						List.of(this.s.firstTask + ".0"), "page", page, "pagesize", "5", "need_detail", flag,
						"return_all", flag));
				assertThat(lenient).as("page %s, flags %s", page, flag).isEqualTo(strict);
			}
		}
		for (Object flag : List.of("true", "True", "t", "YES", "on", 1, 1.0, "1")) {
			JsonNode all = data(Map.of("task_id_list", List.of(this.s.firstTask), "return_all", flag));
			assertThat(all.get("list")).as("return_all %s", flag).hasSize(12);
		}
	}

	@Test
	void anyStatusStringIsAcceptedAndAnUnknownOneMatchesNothing() {
		JsonNode unknown = data(Map.of("task_id_list", List.of(this.s.firstTask), "statuses", List.of("DONE"),
				"pagesize", 10));
		assertThat(unknown.get("total").asInt()).isZero();
		assertThat(unknown.get("list")).isEmpty();
		assertThat(unknown.get("status_counter").get("total").asInt()).isEqualTo(12);
		JsonNode mixed = data(Map.of("task_id_list", List.of(this.s.firstTask), "statuses",
				List.of("FAILED", "DONE", 3, "success", "PART_FAILED"), "pagesize", 10));
		assertThat(mixed.get("total").asInt()).as("FAILED only: statuses are case-sensitive as NodeMan stores them")
			.isEqualTo(2);
	}

	@Test
	void numericInstanceIdsAreComparedAsText() {
		JsonNode none = data(Map.of("task_id_list", List.of(this.s.firstTask), "instance_id_list", List.of(1, 2.5),
				"exclude_instance_ids", List.of(7), "pagesize", 10));
		assertThat(none.get("total").asInt()).isZero();
		JsonNode detail = this.api.post("/backend/api/subscription/task_result_detail/",
				Map.of("subscription_id", this.s.subscriptionId, "instance_id", 12345));
		assertThat(detail.get("code").asInt()).isEqualTo(3800007);
		assertThat(detail.get("message").asString()).contains("no record of instance 12345");
	}

}
