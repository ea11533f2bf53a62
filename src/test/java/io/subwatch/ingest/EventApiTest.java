package io.subwatch.ingest;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
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
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;

/** The events endpoint: forward-only, idempotent, any order, partly valid batches, counters in step. */
@IntegrationTest
class EventApiTest {

	static final Instant T0 = Instant.parse("2026-11-28T02:00:00Z");

	@Autowired
	Fixtures fixtures;

	@Autowired
	MockMvc mvc;

	@Autowired
	JsonMapper json;

	@Autowired
	JdbcClient jdbc;

	Api api;

	long subscriptionId;

	CreatedTask task;

	@BeforeEach
	void setUp() {
		this.api = new Api(this.mvc, this.json);
		long bizId = this.fixtures.newBizId();
		this.subscriptionId = this.fixtures.subscription(bizId);
		this.task = this.fixtures.task(this.subscriptionId, this.fixtures.hosts(bizId, 3));
	}

	long record(int i) {
		return this.task.records().get(i).recordId();
	}

	JsonNode send(List<Map<String, Object>> events) {
		JsonNode response = this.api.post("/api/v1/events", Map.of("events", events));
		assertThat(response.get("result").asBoolean()).as(response.toString()).isTrue();
		return response.get("data");
	}

	JsonNode detail(long recordId) {
		JsonNode rows = this.api.taskResult(Map.of("subscription_id", this.subscriptionId, "need_detail", true,
				"return_all", true)).get("data").get("list");
		for (JsonNode row : rows) {
			if (row.get("record_id").asLong() == recordId) {
				return row;
			}
		}
		throw new AssertionError("no row " + recordId);
	}

	JsonNode subSteps(long recordId) {
		return detail(recordId).get("steps").get(0).get("target_hosts").get(0).get("sub_steps");
	}

	@Test
	void aRepeatedBatchIsIgnoredAndLogsAreNotDuplicated() {
		List<Map<String, Object>> batch = Fixtures.finish(record(0), -1, T0);
		JsonNode first = send(batch);
		assertThat(first.get("applied").asInt()).isEqualTo(8);
		String before = detail(record(0)).toString();
		JsonNode again = send(batch);
		assertThat(again.get("applied").asInt()).isZero();
		assertThat(again.get("ignored").asInt()).isEqualTo(8);
		assertThat(detail(record(0)).toString()).isEqualTo(before);
	}

	@Test
	void eventsOfABatchMayArriveInAnyOrder() {
		List<Map<String, Object>> ordered = Fixtures.finish(record(0), 2, T0);
		List<Map<String, Object>> reversed = new ArrayList<>(Fixtures.finish(record(1), 2, T0));
		Collections.reverse(reversed);
		send(ordered);
		send(reversed);
		assertThat(strip(detail(record(1)))).isEqualTo(strip(detail(record(0))));
		assertThat(detail(record(1)).get("status").asString()).isEqualTo("FAILED");
	}

	private String strip(JsonNode row) {
		return row.get("steps").get(0).get("target_hosts").get(0).get("sub_steps").toString()
			.replaceAll("\"pipeline_id\":\"[0-9a-f]+\"", "");
	}

	@Test
	void transitionsOnlyGoForwardAndBackwardEventsAreIgnored() {
		send(List.of(Fixtures.event(record(0), 0, "SUCCESS", T0)));
		JsonNode backward = send(List.of(Fixtures.event(record(0), 0, "RUNNING", T0.plusSeconds(9)),
				Fixtures.event(record(0), 0, "FAILED", T0.plusSeconds(9))));
		assertThat(backward.get("ignored").asInt()).isEqualTo(2);
		assertThat(subSteps(record(0)).get(0).get("status").asString()).isEqualTo("SUCCESS");
	}

	@Test
	void aLaterSubStepBackFillsEarlierPendingOnes() {
		send(List.of(Fixtures.event(record(0), 2, "RUNNING", T0)));
		JsonNode subs = subSteps(record(0));
		assertThat(subs.get(0).get("status").asString()).isEqualTo("SUCCESS");
		assertThat(subs.get(1).get("status").asString()).isEqualTo("SUCCESS");
		assertThat(subs.get(2).get("status").asString()).isEqualTo("RUNNING");
		assertThat(subs.get(3).get("status").asString()).isEqualTo("PENDING");
		assertThat(detail(record(0)).get("status").asString()).isEqualTo("RUNNING");
	}

	@Test
	void aLaterSubStepBackFillsEarlierRunningOnesSoALostEventNeverLeavesTheHostRunning() {
		send(List.of(Fixtures.event(record(0), 0, "RUNNING", T0)));
		// the SUCCESS of sub-step 0 is lost; sub-step 1 starting proves it finished
		send(List.of(Fixtures.event(record(0), 1, "RUNNING", T0.plusSeconds(10))));
		JsonNode subs = subSteps(record(0));
		assertThat(subs.get(0).get("status").asString()).isEqualTo("SUCCESS");
		assertThat(subs.get(0).get("start_time").asString()).isEqualTo("2026-11-28 10:00:00");
		assertThat(subs.get(0).get("finish_time").asString()).isEqualTo("2026-11-28 10:00:10");
		assertThat(subs.get(1).get("status").asString()).isEqualTo("RUNNING");
		// the last sub-step ends without the others reporting their ends: the host succeeded
		send(List.of(Fixtures.event(record(0), 3, "SUCCESS", T0.plusSeconds(30))));
		JsonNode row = detail(record(0));
		assertThat(row.get("status").asString()).isEqualTo("SUCCESS");
		row.get("steps").get(0).get("target_hosts").get(0).get("sub_steps")
			.forEach((sub) -> assertThat(sub.get("status").asString()).isEqualTo("SUCCESS"));
		assertThat(row.get("steps").get(0).get("target_hosts").get(0).get("sub_steps").get(1).get("start_time")
			.asString()).isEqualTo("2026-11-28 10:00:10");
	}

	@Test
	void aPartlyValidBatchAppliesTheValidEventsAndListsTheOthers() {
		Map<String, Object> unknownStep = Fixtures.event(record(0), 0, "RUNNING", T0);
		unknownStep.put("step_id", "plugin");
		Map<String, Object> badTime = Fixtures.event(record(0), 1, "RUNNING", T0);
		badTime.put("time", "yesterday");
		JsonNode outcome = send(List.of(Fixtures.event(record(0), 0, "RUNNING", T0),
				Fixtures.event(987_654_321L, 0, "RUNNING", T0), Fixtures.event(record(0), 9, "RUNNING", T0),
				Fixtures.event(record(0), 1, "DONE", T0), unknownStep, badTime));
		assertThat(outcome.get("applied").asInt()).isEqualTo(1);
		List<String> errors = new ArrayList<>();
		outcome.get("errors").forEach((e) -> errors.add(e.get("index").asInt() + ": " + e.get("message").asString()));
		assertThat(errors).containsExactly("1: events[1].record_id 987654321 does not exist",
				"2: events[2].sub_step 9 is out of range: step 'agent' has 4 sub-steps (0 to 3)",
				"3: events[3].status must be one of RUNNING, SUCCESS, FAILED, TERMINATED, got DONE",
				"4: events[4].step_id 'plugin' is not a step of record " + record(0),
				"5: events[5].time must be ISO-8601 with an offset, e.g. 2026-11-28T10:00:01+08:00, got yesterday");
		assertThat(subSteps(record(0)).get(0).get("status").asString()).isEqualTo("RUNNING");
	}

	@Test
	void aLogLongerThanOneStoredChunkComesBackWhole() {
		String longLine = "[2026-11-28 10:00:09 INFO] " + "x".repeat(40_000);
		send(List.of(Fixtures.event(record(0), 0, "RUNNING", T0, "[2026-11-28 10:00:01 INFO] first"),
				Fixtures.event(record(0), 0, "SUCCESS", T0.plusSeconds(8), longLine)));
		assertThat(subSteps(record(0)).get(0).get("log").asString())
			.isEqualTo("[2026-11-28 10:00:01 INFO] first\n" + longLine);
	}

	@Test
	void moreThan5000EventsAreRefusedWholeAndNothingIsApplied() {
		List<Map<String, Object>> events = new ArrayList<>();
		for (int i = 0; i < 5001; i++) {
			events.add(Fixtures.event(record(0), 0, "RUNNING", T0));
		}
		JsonNode response = this.api.post("/api/v1/events", Map.of("events", events));
		assertThat(response.get("code").asInt()).isEqualTo(3800001);
		assertThat(response.get("message").asString()).contains("at most 5000");
		assertThat(detail(record(0)).get("status").asString()).isEqualTo("PENDING");
	}

	@Test
	void aTerminatedRecordIsNeverRevived() {
		send(List.of(Fixtures.event(record(0), 1, "RUNNING", T0)));
		JsonNode revoked = this.api.post("/backend/api/subscription/revoke/", Map.of("subscription_id",
				this.subscriptionId, "instance_id_list", List.of(this.task.records().get(0).instanceId())));
		assertThat(revoked.get("data").get("terminated").asInt()).isEqualTo(1);
		JsonNode late = send(List.of(Fixtures.event(record(0), 1, "SUCCESS", T0.plusSeconds(5)),
				Fixtures.event(record(0), 2, "RUNNING", T0.plusSeconds(5))));
		assertThat(late.get("ignored").asInt()).isEqualTo(2);
		JsonNode row = detail(record(0));
		// stored TERMINATED, reported FAILED by the API (spec section 5)
		assertThat(row.get("status").asString()).isEqualTo("FAILED");
		assertThat(row.get("steps").get(0).get("target_hosts").get(0).get("sub_steps").get(1).get("log").asString())
			.contains("WARNING] terminated by ");
	}

	@Test
	void countersAlwaysMatchTheRecords() {
		send(Fixtures.finish(record(0), -1, T0));
		send(Fixtures.finish(record(1), 1, T0));
		send(List.of(Fixtures.event(record(2), 0, "RUNNING", T0)));
		Map<String, Integer> counted = new java.util.TreeMap<>();
		this.jdbc.sql("SELECT status, COUNT(*) FROM instance_record WHERE task_id = :t GROUP BY status")
			.param("t", this.task.taskId())
			.query((rs) -> {
				counted.put(rs.getString(1), rs.getInt(2));
			});
		Map<String, Integer> maintained = new java.util.TreeMap<>();
		this.jdbc.sql("SELECT status, cnt FROM task_status_count WHERE task_id = :t AND cnt <> 0")
			.param("t", this.task.taskId())
			.query((rs) -> {
				maintained.put(rs.getString(1), rs.getInt(2));
			});
		assertThat(maintained).isEqualTo(counted).isEqualTo(Map.of("SUCCESS", 1, "FAILED", 1, "RUNNING", 1));
	}

}
