package io.subwatch.ingest;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;

import io.subwatch.ingest.IngestService.CreatedTask;
import io.subwatch.subscription.RecordProgress;
import io.subwatch.subscription.SubStepDao;
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

/**
 * A sub-step's log reads in the order of its events' times, whatever the order and batching of their arrival: each
 * text once, at its earliest event; every valid event's line counts, also one whose status changes nothing; a batch
 * sent again adds nothing.
 */
@IntegrationTest
class LogOrderTest {

	static final Instant T0 = Instant.parse("2026-11-28T02:00:00Z");

	@Autowired
	Fixtures fixtures;

	@Autowired
	MockMvc mvc;

	@Autowired
	JsonMapper json;

	@Autowired
	SubStepDao subSteps;

	Api api;

	long subscriptionId;

	CreatedTask task;

	@BeforeEach
	void setUp() {
		this.api = new Api(this.mvc, this.json);
		long bizId = this.fixtures.newBizId();
		this.subscriptionId = this.fixtures.subscription(bizId);
		this.task = this.fixtures.task(this.subscriptionId, this.fixtures.hosts(bizId, 12));
	}

	long record(int i) {
		return this.task.records().get(i).recordId();
	}

	JsonNode send(List<Map<String, Object>> events) {
		JsonNode response = this.api.post("/api/v1/events", Map.of("events", events));
		assertThat(response.get("result").asBoolean()).as(response.toString()).isTrue();
		return response.get("data");
	}

	String log(long record, int sub) {
		return this.subSteps.findLogs(List.of(record)).getOrDefault(record, Map.of()).get(RecordProgress.key(0, sub));
	}

	static Map<String, Object> event(long record, int sub, String status, int second, String log) {
		return Fixtures.event(record, sub, status, T0.plusSeconds(second), log);
	}

	@Test
	void oneBatchOfStartProgressDoneReadsInTimeOrder() {
		long r = record(0);
		JsonNode outcome = send(List.of(event(r, 0, "RUNNING", 1, "start"), event(r, 0, "RUNNING", 2, "progress 50%"),
				event(r, 0, "SUCCESS", 3, "done")));
		assertThat(outcome.get("applied").asInt()).isEqualTo(3);
		assertThat(log(r, 0)).isEqualTo("start\nprogress 50%\ndone");
		JsonNode sub = this.api.taskResult(Map.of("subscription_id", this.subscriptionId, "need_detail", true,
				"instance_id_list", List.of(this.task.records().get(0).instanceId()), "pagesize", 1))
			.get("data").get("list").get(0).get("steps").get(0).get("target_hosts").get(0).get("sub_steps").get(0);
		assertThat(sub.get("log").asString()).as("task_result reads the same").isEqualTo("start\nprogress 50%\ndone");
	}

	@Test
	void aLateEarlierEventsLineGoesBeforeLaterOnesAndChangesNoStatus() {
		long r = record(0);
		send(List.of(event(r, 0, "SUCCESS", 3, "done")));
		JsonNode late = send(List.of(event(r, 0, "RUNNING", 2, "progress 50%"), event(r, 0, "RUNNING", 1, "start")));
		assertThat(late.get("applied").asInt()).as("both brought a line").isEqualTo(2);
		assertThat(log(r, 0)).isEqualTo("start\nprogress 50%\ndone");
		assertThat(this.subSteps.findByRecordIds(List.of(r)).get(r).get(RecordProgress.key(0, 0)).status().name())
			.isEqualTo("SUCCESS");
		JsonNode again = send(List.of(event(r, 0, "RUNNING", 2, "progress 50%"), event(r, 0, "RUNNING", 1, "start")));
		assertThat(again.get("applied").asInt()).isZero();
		assertThat(again.get("ignored").asInt()).isEqualTo(2);
		assertThat(log(r, 0)).isEqualTo("start\nprogress 50%\ndone");
	}

	@Test
	void aTextThatComesAgainFromAnEarlierEventMovesThere() {
		long r = record(0);
		String longText = "[x INFO] " + "y".repeat(40_000);
		send(List.of(event(r, 0, "RUNNING", 1, "start"), event(r, 0, "RUNNING", 5, longText),
				event(r, 0, "RUNNING", 6, "retrying")));
		JsonNode earlier = send(List.of(event(r, 0, "RUNNING", 2, longText), event(r, 0, "RUNNING", 9, "retrying")));
		assertThat(earlier.get("applied").asInt()).as("only the earlier copy moved something").isEqualTo(1);
		assertThat(log(r, 0)).isEqualTo("start\n" + longText + "\nretrying");
		send(List.of(event(r, 0, "RUNNING", 0, longText)));
		assertThat(log(r, 0)).isEqualTo(longText + "\nstart\nretrying");
	}

	@Test
	void aStartAndAnEndInTheSameSecondReadStartFirst() {
		long r = record(0);
		send(List.of(event(r, 0, "SUCCESS", 4, "a: done")));
		send(List.of(event(r, 0, "RUNNING", 4, "z: start")));
		assertThat(log(r, 0)).isEqualTo("z: start\na: done");
	}

	@Test
	void aTerminatedRecordStillTakesLateLinesButNoStatus() {
		long r = record(0);
		send(List.of(event(r, 1, "RUNNING", 1, "start")));
		this.api.post("/backend/api/subscription/revoke/", Map.of("subscription_id", this.subscriptionId,
				"instance_id_list", List.of(this.task.records().get(0).instanceId())));
		List<Map<String, Object>> lateBatch = List.of(event(r, 1, "RUNNING", 2, "killed by the executor"),
				event(r, 2, "RUNNING", 3, null), event(r, 3, "FAILED", 4, "never started"));
		JsonNode late = send(lateBatch);
		assertThat(late.get("applied").asInt()).isEqualTo(2);
		assertThat(send(lateBatch).get("applied").asInt()).as("sent again").isZero();
		assertThat(log(r, 1)).startsWith("start\nkilled by the executor\n").contains("terminated by");
		assertThat(log(r, 3)).isEqualTo("never started");
		assertThat(this.subSteps.findByRecordIds(List.of(r)).get(r)).doesNotContainKey(RecordProgress.key(0, 2))
			.doesNotContainKey(RecordProgress.key(0, 3));
	}

	/**
	 * The same events sent to eleven records, each in another random order and batching (some batches twice): every
	 * record stores the same logs, and they are what the rule says.
	 */
	@Test
	void anyOrderAndBatchingOfTheSameEventsStoresTheSameLogs() {
		String[] texts = { "start", "progress 10%", "progress 50%", "done", "[x ERROR] refused", "retrying" };
		String[] statuses = { "RUNNING", "RUNNING", "SUCCESS", "FAILED" };
		for (long seed = 1; seed <= 4; seed++) {
			Random random = new Random(seed);
			List<int[]> events = new ArrayList<>();
			for (int i = 0; i < 16; i++) {
				events.add(new int[] { random.nextInt(3), random.nextInt(texts.length), random.nextInt(statuses.length),
						random.nextInt(8) });
			}
			List<String> first = null;
			for (int copy = 0; copy < 11; copy++) {
				long r = record(copy);
				List<Map<String, Object>> sent = new ArrayList<>();
				for (int[] e : events) {
					sent.add(event(r, e[0], statuses[e[2]], e[3], texts[e[1]] + " #" + seed));
				}
				Collections.shuffle(sent, random);
				for (List<Map<String, Object>> batch : LogMergeProperties.batches(sent, random)) {
					send(batch);
					if (random.nextInt(3) == 0) {
						send(batch);
					}
				}
				List<String> logs = List.of(String.valueOf(log(r, 0)), String.valueOf(log(r, 1)),
						String.valueOf(log(r, 2)));
				if (first == null) {
					first = logs;
				}
				assertThat(logs).as("seed %d, copy %d", seed, copy).isEqualTo(first);
			}
			assertThat(first).isEqualTo(expected(events, texts, statuses, seed));
			setUp();
		}
	}

	/** The rule stated directly, on the generated events. */
	private static List<String> expected(List<int[]> events, String[] texts, String[] statuses, long seed) {
		List<SubStepDao.LogAppend> logs = new ArrayList<>();
		for (int[] e : events) {
			logs.add(new SubStepDao.LogAppend(0, 0, e[0], texts[e[1]] + " #" + seed, T0.plusSeconds(e[3]),
					io.subwatch.subscription.Status.valueOf(statuses[e[2]])));
		}
		Map<Integer, List<String>> bySub = LogMergeProperties.expected(logs);
		List<String> result = new ArrayList<>();
		for (int sub = 0; sub < 3; sub++) {
			List<String> lines = bySub.get(RecordProgress.key(0, sub));
			result.add((lines != null) ? String.join("\n", lines) : "null");
		}
		return result;
	}

}
