package io.subwatch.bench;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.subwatch.result.RowAssembler;
import io.subwatch.subscription.CounterDao;
import io.subwatch.subscription.Status;
import io.subwatch.subscription.StatusRanks;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The raw SQL behind each query, through JDBC and the row mapping, without HTTP, security or JSON: the floor that
 * shows what the layers above cost. The statements are the ones task_result runs.
 */
final class SqlFloor {

	private final JdbcClient jdbc;

	private final CounterDao counters;

	private final RowAssembler assembler;

	private final StatusRanks ranks;

	private final LargeDataset.Generated data;

	/** Instance ids per lookup statement, as the app uses them ({@code RecordQueryDao#instanceLookup}). */
	private final int instanceLookup;

	SqlFloor(JdbcClient jdbc, CounterDao counters, RowAssembler assembler, StatusRanks ranks,
			LargeDataset.Generated data, int instanceLookup) {
		this.instanceLookup = instanceLookup;
		this.ranks = ranks;
		this.jdbc = jdbc;
		this.counters = counters;
		this.assembler = assembler;
		this.data = data;
	}

	static final String TASK_WINDOW = "SELECT r.id FROM instance_record r WHERE r.task_id = :task"
			+ " ORDER BY r.task_id, r.id LIMIT :limit OFFSET :offset";

	/** A deep page's first step: the rank counters of its statuses, summed per block (StatusRanks). */
	static final String STATUS_BUCKETS = "SELECT bucket, SUM(cnt) FROM status_bucket_count WHERE by_task = TRUE"
			+ " AND scope_id = :task AND status IN ('FAILED', 'RUNNING') GROUP BY bucket ORDER BY bucket";

	/** One status's ids in index order; the app merges one such read per status. */
	static final String STATUS_WINDOW = "SELECT r.id FROM instance_record r WHERE r.task_id = :task"
			+ " AND r.status = :status ORDER BY r.task_id, r.status, r.id LIMIT :limit OFFSET :offset";

	/** The ids of a part of a long instance-id list; the app looks the list up once and keeps the matching ids. */
	static final String INSTANCE_LOOKUP = "SELECT r.id FROM instance_record r WHERE r.task_id = :task"
			+ " AND r.instance_id IN (:ids)";

	static final String LATEST_WINDOW = "SELECT r.id FROM instance_record r WHERE r.subscription_id = :subscription"
			+ " AND r.is_latest = TRUE ORDER BY r.subscription_id, r.is_latest, r.id LIMIT :limit OFFSET :offset";

	List<String> sampleInstances() {
		List<String> sample = new ArrayList<>(1000);
		int step = Math.max(1, this.data.instanceIds().size() / 1000);
		for (int i = 0; i < this.data.instanceIds().size() && sample.size() < 1000; i += step) {
			sample.add(this.data.instanceIds().get(i));
		}
		return sample;
	}

	private List<Long> window(String sql, long offset, int limit) {
		return window(sql, offset, limit, null);
	}

	private List<Long> window(String sql, long offset, int limit, String status) {
		List<Long> ids = new ArrayList<>(this.jdbc.sql(sql)
			.param("task", this.data.taskId())
			.param("status", status)
			.param("subscription", this.data.subscriptionId())
			.param("ids", sampleInstances())
			.param("limit", limit)
			.param("offset", offset)
			.query(Long.class)
			.list());
		Collections.reverse(ids);
		return ids;
	}

	Map<String, Stats> measure(int runs) throws Exception {
		Map<String, Stats> floor = new LinkedHashMap<>();
		long deep = Math.max(0, Math.min(24_950, (long) (this.data.instanceIds().size() * 0.3) - 50));
		floor.put("M1", Stats.steady(runs, () -> {
			this.counters.findByTask(this.data.taskId());
			this.assembler.assemble(window(TASK_WINDOW, 0, 50), false, RowAssembler.pipelineIdCache());
		}));
		floor.put("M2", Stats.steady(runs, () -> {
			this.counters.findByTask(this.data.taskId());
			List<Long> page = new ArrayList<>(this.ranks.findPage(StatusRanks.Scope.task(this.data.taskId()),
					List.of(Status.FAILED, Status.RUNNING), deep, 50));
			Collections.reverse(page);
			this.assembler.assemble(page, false, RowAssembler.pipelineIdCache());
		}));
		floor.put("M3", Stats.steady(runs, () -> {
			this.counters.findByTask(this.data.taskId());
			this.assembler.assemble(window(TASK_WINDOW, 0, 50), true, RowAssembler.pipelineIdCache());
		}));
		floor.put("M4", Stats.steady(runs, () -> {
			this.counters.findByTask(this.data.taskId());
			List<Long> matching = new ArrayList<>();
			List<String> sample = sampleInstances();
			for (int from = 0; from < sample.size(); from += this.instanceLookup) {
				matching.addAll(this.jdbc.sql(INSTANCE_LOOKUP)
					.param("task", this.data.taskId())
					.param("ids", sample.subList(from, Math.min(sample.size(), from + this.instanceLookup)))
					.query(Long.class)
					.list());
			}
			List<Long> page = new ArrayList<>(matching.stream().sorted().limit(50).toList());
			Collections.reverse(page);
			this.assembler.assemble(page, false, RowAssembler.pipelineIdCache());
		}));
		floor.put("M5", Stats.steady(runs, () -> {
			this.counters.findBySubscription(this.data.subscriptionId());
			this.assembler.assemble(window(LATEST_WINDOW, 0, 50), false, RowAssembler.pipelineIdCache());
		}));
		floor.put("M6", Stats.measure(1, Math.max(3, runs / 10), () -> {
			long high = Long.MAX_VALUE;
			Map<Long, String> cache = RowAssembler.pipelineIdCache();
			while (true) {
				List<Long> ids = this.jdbc.sql("SELECT r.id FROM instance_record r WHERE r.task_id = :task"
						+ " AND r.id <= :high ORDER BY r.task_id DESC, r.id DESC LIMIT 1000")
					.param("task", this.data.taskId())
					.param("high", high)
					.query(Long.class)
					.list();
				this.assembler.assemble(ids, false, cache);
				if (ids.size() < 1000) {
					return;
				}
				high = ids.get(ids.size() - 1) - 1;
			}
		}));
		return floor;
	}

	/** The query plans of the paging windows, as the database explains them. */
	Map<String, String> plans(String database) {
		Map<String, String> plans = new LinkedHashMap<>();
		plans.put("M1 window (one task, page 1)", explain(TASK_WINDOW, 0));
		plans.put("M2 rank counters (the block where page 500 starts)", explain(STATUS_BUCKETS, 0));
		plans.put("M2 window (one of the statuses from that block on; the app merges one read per status)",
				explain(STATUS_WINDOW.replace(":status", "'FAILED'").replace("ORDER BY", "AND r.id >= " + deepFromId()
						+ " ORDER BY"), 0));
		plans.put("M4 lookup (instance_id_list, one part)", explain(INSTANCE_LOOKUP, 0));
		plans.put("M5 window (need_aggregate_all_tasks)", explain(LATEST_WINDOW, 0));
		plans.put("latest per instance over two tasks", explainText("""
				EXPLAIN SELECT r.id FROM instance_record r WHERE r.subscription_id = %d AND r.task_id IN (%d, %d)
				AND NOT EXISTS (SELECT 1 FROM instance_record n WHERE n.subscription_id = r.subscription_id
				  AND n.instance_id = r.instance_id AND n.task_id IN (%d, %d) AND n.id > r.id)
				ORDER BY r.id LIMIT 50""".formatted(this.data.subscriptionId(), this.data.taskId(),
				this.data.retryTaskId(), this.data.taskId(), this.data.retryTaskId())));
		return plans;
	}

	/** Where M2's page starts: the first id of the block the rank counters find. */
	private long deepFromId() {
		long deep = Math.max(0, Math.min(24_950, (long) (this.data.instanceIds().size() * 0.3) - 50));
		return this.ranks.seek(StatusRanks.Scope.task(this.data.taskId()), List.of(Status.FAILED, Status.RUNNING), deep)
			.map(StatusRanks.Seek::fromId)
			.orElse(0L);
	}

	private String explain(String sql, long offset) {
		String inline = sql.replace(":task", String.valueOf(this.data.taskId()))
			.replace(":subscription", String.valueOf(this.data.subscriptionId()))
			.replace(":limit", "50")
			.replace(":offset", String.valueOf(offset))
			.replace(":ids", "'" + String.join("', '", sampleInstances().subList(0, 3)) + "'");
		return explainText("EXPLAIN " + inline);
	}

	String explainText(String explain) {
		List<String> lines = new ArrayList<>();
		this.jdbc.sql(explain).query((rs) -> {
			StringBuilder line = new StringBuilder();
			for (int c = 1; c <= rs.getMetaData().getColumnCount(); c++) {
				if (c > 1) {
					line.append(" | ");
				}
				line.append(rs.getMetaData().getColumnLabel(c)).append('=').append(rs.getString(c));
			}
			lines.add(line.toString());
		});
		return String.join("\n", lines);
	}

}
