package io.subwatch.resilience;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import io.subwatch.ingest.IngestService.CreatedTask;
import io.subwatch.support.Api;
import io.subwatch.support.Fixtures;
import io.subwatch.support.IntegrationTest;
import io.subwatch.support.RankRecount;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Eight executors report the same records at once through /api/v1/events, each sending every event in batches cut
 * its own way (overlapping the others', shuffled inside, earlier batches sent again) while readers page through
 * task_result. At the end every record's statuses, times and logs, and the counters, equal those of a sequential
 * replay of the same events into a fresh subscription, and every page pass saw each record exactly once.
 */
@IntegrationTest
class ConcurrentWritersTest {

	private static final int HOSTS = 40;

	private static final int WRITERS = 8;

	private static final int READERS = 2;

	private static final int PAGE = 7;

	@Autowired
	MockMvc mvc;

	@Autowired
	JsonMapper json;

	@Autowired
	Fixtures fixtures;

	@Autowired
	JdbcClient jdbc;

	@Test
	void concurrentOverlappingBatchesEndAsASequentialReplay() throws Exception {
		long bizId = this.fixtures.newBizId();
		long concurrent = this.fixtures.subscription(bizId);
		CreatedTask task = this.fixtures.task(concurrent, this.fixtures.hosts(bizId, HOSTS));
		List<Long> records = task.records().stream().map((r) -> r.recordId()).toList();
		List<List<Map<String, Object>>> script = EventScript.of(records);

		AtomicBoolean writing = new AtomicBoolean(true);
		AtomicInteger busy = new AtomicInteger();
		AtomicInteger passes = new AtomicInteger();
		ExecutorService pool = Executors.newFixedThreadPool(WRITERS + READERS);
		try {
			List<Future<?>> writers = new ArrayList<>();
			for (int w = 0; w < WRITERS; w++) {
				List<List<Map<String, Object>>> batches = EventScript.batches(script, new Random(1300 + w));
				writers.add(pool.submit(() -> {
					send(batches, busy);
					return null;
				}));
			}
			List<Future<?>> readers = new ArrayList<>();
			for (int r = 0; r < READERS; r++) {
				readers.add(pool.submit(() -> {
					do {
						pageThrough(concurrent, Set.copyOf(records));
						passes.incrementAndGet();
					}
					while (writing.get());
					return null;
				}));
			}
			for (Future<?> writer : writers) {
				writer.get(120, TimeUnit.SECONDS);
			}
			writing.set(false);
			for (Future<?> reader : readers) {
				reader.get(60, TimeUnit.SECONDS);
			}
		}
		finally {
			pool.shutdownNow();
		}
		assertThat(passes.get()).as("page passes while writing").isGreaterThanOrEqualTo(READERS);

		long replay = this.fixtures.subscription(bizId);
		CreatedTask replayTask = this.fixtures.task(replay, this.fixtures.hosts(bizId, HOSTS));
		List<Map<String, Object>> sequential = EventScript
			.sequential(EventScript.of(replayTask.records().stream().map((r) -> r.recordId()).toList()));
		send(List.of(sequential), busy);

		JsonNode actual = result(concurrent);
		JsonNode expected = result(replay);
		assertThat(rows(actual)).isEqualTo(rows(expected));
		assertThat(actual.get("status_counter")).isEqualTo(expected.get("status_counter"));
		assertThat(counters(task.taskId())).isEqualTo(recount(task.taskId()));
		assertThat(RankRecount.stored(this.jdbc, true, task.taskId()))
			.isEqualTo(RankRecount.recounted(this.jdbc, true, task.taskId()));
		assertThat(RankRecount.stored(this.jdbc, false, concurrent))
			.isEqualTo(RankRecount.recounted(this.jdbc, false, concurrent));
	}

	/** Sends every batch; a "busy, retry" (503) is sent again, as executors do. Each must be acknowledged. */
	private void send(List<List<Map<String, Object>>> batches, AtomicInteger busy) {
		Api api = new Api(this.mvc, this.json);
		for (List<Map<String, Object>> batch : batches) {
			JsonNode answer = api.post("/api/v1/events", Map.of("events", batch));
			while (api.lastStatus == 503) {
				busy.incrementAndGet();
				answer = api.post("/api/v1/events", Map.of("events", batch));
			}
			assertThat(api.lastStatus).as(answer.toString()).isEqualTo(200);
			assertThat(answer.get("result").asBoolean()).as(answer.toString()).isTrue();
			assertThat(answer.get("data").get("errors")).as(answer.toString()).isEmpty();
		}
	}

	/** One pass over all pages of the newest task: every record exactly once, counters that add up. */
	private void pageThrough(long subscription, Set<Long> records) {
		Api api = new Api(this.mvc, this.json);
		Set<Long> seen = new HashSet<>();
		int pages = (records.size() + PAGE - 1) / PAGE;
		for (int page = 1; page <= pages; page++) {
			JsonNode data = api.taskResult(Map.of("subscription_id", subscription, "page", page, "pagesize", PAGE))
				.get("data");
			assertThat(data.get("total").asInt()).isEqualTo(records.size());
			assertThat(data.get("status_counter").get("total").asInt()).isEqualTo(records.size());
			for (JsonNode row : data.get("list")) {
				assertThat(seen.add(row.get("record_id").asLong())).as("record listed twice").isTrue();
			}
		}
		assertThat(seen).isEqualTo(records);
	}

	private JsonNode result(long subscription) {
		return new Api(this.mvc, this.json)
			.taskResult(Map.of("subscription_id", subscription, "return_all", true, "need_detail", true))
			.get("data");
	}

	/** What a record's row says about its progress, without its ids, host and pipeline ids. */
	private static List<String> rows(JsonNode data) {
		List<JsonNode> list = new ArrayList<>();
		data.get("list").forEach(list::add);
		list.sort((a, b) -> Long.compare(a.get("record_id").asLong(), b.get("record_id").asLong()));
		List<String> rows = new ArrayList<>();
		for (JsonNode row : list) {
			StringBuilder text = new StringBuilder(times(row));
			for (JsonNode step : row.get("steps")) {
				text.append(" | ").append(step.get("id").asString()).append(' ').append(times(step));
				for (JsonNode sub : step.get("target_hosts").get(0).get("sub_steps")) {
					text.append(" / ").append(times(sub)).append(' ').append(sub.get("log").asString());
				}
			}
			rows.add(text.toString());
		}
		return rows;
	}

	private static String times(JsonNode node) {
		return node.get("status").asString() + " " + node.get("start_time") + " " + node.get("finish_time");
	}

	private Map<String, Integer> counters(long taskId) {
		Map<String, Integer> counts = new java.util.TreeMap<>();
		this.jdbc.sql("SELECT status, cnt FROM task_status_count WHERE task_id = :task AND cnt <> 0 ORDER BY status")
			.param("task", taskId)
			.query((row) -> {
				counts.put(row.getString("status"), row.getInt("cnt"));
			});
		return counts;
	}

	private Map<String, Integer> recount(long taskId) {
		Map<String, Integer> counts = new java.util.TreeMap<>();
		this.jdbc
			.sql("SELECT status, COUNT(id) AS cnt FROM instance_record WHERE task_id = :task GROUP BY status"
					+ " ORDER BY status")
			.param("task", taskId)
			.query((row) -> {
				counts.put(row.getString("status"), row.getInt("cnt"));
			});
		return counts;
	}

}
