package io.subwatch.bench;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.subwatch.result.RowAssembler;
import io.subwatch.subscription.CounterDao;
import io.subwatch.subscription.Status;
import io.subwatch.subscription.StatusRanks;
import io.subwatch.support.Api;
import io.subwatch.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * M2 (page 500 of FAILED + RUNNING, 50 rows) on LargeDataset's big task, in process: its SQL floor as the app read it
 * before the rank counters (both statuses' first 25,000 ids merged, SqlFloor's M2) and now (StatusRanks), in the same
 * run on the same data, and task_result through MockMvc (security, JSON; no socket). Off by default:
 * {@code ./mvnw -o test -Dtest=StatusRankBenchmarkTest -Dsubwatch.bench=true} (add {@code -Dspring.datasource.url=…}
 * and credentials for MariaDB; {@code -Dsubwatch.bench.hosts=} for another size).
 */
@IntegrationTest
@EnabledIfSystemProperty(named = "subwatch.bench", matches = "true")
class StatusRankBenchmarkTest {

	static final int HOSTS = Integer.getInteger("subwatch.bench.hosts", 100_000);

	static final int RUNS = 100;

	@Autowired
	ApplicationContext context;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	CounterDao counters;

	@Autowired
	RowAssembler assembler;

	@Autowired
	StatusRanks ranks;

	@Autowired
	MockMvc mvc;

	@Autowired
	JsonMapper json;

	@Test
	void deepPageOfTwoStatuses() throws Exception {
		LargeDataset.Generated data = new LargeDataset(this.context)
			.generate(new LargeDataset.Size("rank", HOSTS, 0, 0, 0));
		long deep = Math.max(0, Math.min(24_950, (long) (HOSTS * 0.3) - 50));
		List<Status> statuses = List.of(Status.FAILED, Status.RUNNING);
		StatusRanks.Scope scope = StatusRanks.Scope.task(data.taskId());
		assertThat(this.ranks.findPage(scope, statuses, deep, 50)).isEqualTo(merged(data.taskId(), deep));

		Stats merge = Stats.measure(20, RUNS, () -> {
			this.counters.findByTask(data.taskId());
			List<Long> page = merged(data.taskId(), deep);
			Collections.reverse(page);
			this.assembler.assemble(page, false, RowAssembler.pipelineIdCache());
		});
		Stats seek = Stats.measure(20, RUNS, () -> {
			this.counters.findByTask(data.taskId());
			List<Long> page = new ArrayList<>(this.ranks.findPage(scope, statuses, deep, 50));
			Collections.reverse(page);
			this.assembler.assemble(page, false, RowAssembler.pipelineIdCache());
		});
		Stats seekOnly = Stats.measure(20, RUNS, () -> this.ranks.seek(scope, statuses, deep));
		Api api = new Api(this.mvc, this.json);
		Map<String, Object> m2 = Map.of("subscription_id", data.subscriptionId(), "task_id_list",
				List.of(data.taskId()), "statuses", List.of("FAILED", "RUNNING"), "page", deep / 50 + 1, "pagesize", 50);
		JsonNode answer = api.taskResult(m2).get("data");
		assertThat(answer.get("list").get(49).get("record_id").asLong())
			.isEqualTo(this.ranks.findPage(scope, statuses, deep, 50).get(0));
		Stats http = Stats.measure(Stats.warmup(RUNS), RUNS, () -> api.taskResult(m2));
		Stats page1 = Stats.measure(Stats.warmup(RUNS), RUNS, () -> api.taskResult(Map.of("subscription_id",
				data.subscriptionId(), "task_id_list", List.of(data.taskId()), "page", 1, "pagesize", 50)));

		String database = this.context.getEnvironment().getProperty("spring.datasource.url", "").split("[:;?]")[1];
		System.out.printf(Locale.ROOT, "%nRANK BENCH %s, %,d hosts, dataset %.1f s, bucket rows of the task: %d%n",
				database, HOSTS, data.took().toMillis() / 1000.0, bucketRows(data.taskId()));
		print("M2 floor, merge of the statuses' first ids (before)", merge);
		print("M2 floor, rank counters (after)", seek);
		print("  of which the seek (bucket rows summed)", seekOnly);
		print("M2 task_result in process (MockMvc), after", http);
		print("M1 task_result in process (MockMvc), for scale", page1);
		System.out.println(explain("EXPLAIN SELECT bucket, SUM(cnt) FROM status_bucket_count WHERE by_task = TRUE"
				+ " AND scope_id = " + data.taskId() + " AND status IN ('FAILED', 'RUNNING') GROUP BY bucket ORDER BY bucket"));
		System.out.println(explain("EXPLAIN SELECT r.id FROM instance_record r WHERE r.task_id = " + data.taskId()
				+ " AND r.status = 'FAILED' AND r.id >= 0 ORDER BY r.task_id, r.status, r.id LIMIT 300"));
	}

	private List<Long> merged(long taskId, long deep) {
		List<Long> merged = new ArrayList<>(window(taskId, "FAILED", deep + 50));
		merged.addAll(window(taskId, "RUNNING", deep + 50));
		Collections.sort(merged);
		return new ArrayList<>(merged.subList((int) Math.min(deep, merged.size()),
				(int) Math.min(deep + 50, merged.size())));
	}

	private List<Long> window(long taskId, String status, long limit) {
		return this.jdbc.sql(SqlFloor.STATUS_WINDOW)
			.param("task", taskId)
			.param("status", status)
			.param("limit", limit)
			.param("offset", 0)
			.query(Long.class)
			.list();
	}

	private long bucketRows(long taskId) {
		return this.jdbc.sql("SELECT COUNT(*) FROM status_bucket_count WHERE by_task = TRUE AND scope_id = :taskId")
			.param("taskId", taskId)
			.query(Long.class)
			.single();
	}

	private String explain(String sql) {
		List<String> lines = new ArrayList<>();
		this.jdbc.sql(sql).query((rs) -> {
			StringBuilder line = new StringBuilder();
			for (int c = 1; c <= rs.getMetaData().getColumnCount(); c++) {
				line.append((c > 1) ? " | " : "").append(rs.getMetaData().getColumnLabel(c)).append('=')
					.append(rs.getString(c));
			}
			lines.add(line.toString());
		});
		return String.join("\n", lines);
	}

	private static void print(String what, Stats stats) {
		System.out.printf(Locale.ROOT, "RANK BENCH %-52s median %s ms, p95 %s ms, max %s ms (%d runs)%n", what,
				Stats.ms(stats.median()), Stats.ms(stats.p95()), Stats.ms(stats.max()), stats.runs());
	}

}
