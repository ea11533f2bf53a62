package io.subwatch.bench;

import java.time.LocalDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import io.subwatch.progress.ProgressPanels;
import io.subwatch.subscription.CounterDao;
import io.subwatch.subscription.SubStepDao;
import io.subwatch.subscription.Task;
import io.subwatch.subscription.TaskDao;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The progress panels of issue 12 on the large task: P3 (stragglers: the 1,000-host duration sample and the running
 * hosts' running sub-steps) and P4 (progress and ETA: last finish, finished per time bucket, finished in the last 10
 * minutes) as the raw SQL the panels run, and P the whole panel build in-process (every read and the view model, no
 * HTTP or template), the server time the page spends on them.
 */
final class ProgressFloor {

	static final String RECENTLY_FINISHED = "SELECT r.id, r.plan_id FROM instance_record r WHERE r.task_id = :task"
			+ " AND r.finish_time > :zero ORDER BY r.task_id DESC, r.finish_time DESC LIMIT 1000";

	static final String RUNNING = "SELECT r.id, r.instance_id, r.bk_host_innerip, r.bk_host_name, r.plan_id,"
			+ " r.at_step, r.at_sub, r.sub_steps FROM instance_record r"
			+ " WHERE r.task_id = :task AND r.status = 'RUNNING' AND r.running_since IS NOT NULL"
			+ " ORDER BY r.task_id, r.status, r.id LIMIT 5000";

	/** The chart's most buckets (61), a minute each from the task's creation: one range count per bucket. */
	static final String BUCKETS = IntStream.range(0, 61)
		.mapToObj((i) -> "SELECT " + i + " AS bucket, COUNT(*) AS hosts FROM instance_record r WHERE r.task_id = :task"
				+ " AND r.finish_time >= :from" + i + " AND r.finish_time < :from" + (i + 1))
		.collect(Collectors.joining(" UNION ALL ", "", " ORDER BY bucket"));

	static final LocalDateTime ZERO = LocalDateTime.of(1970, 1, 1, 0, 0);

	private final JdbcClient jdbc;

	private final ProgressPanels panels;

	private final TaskDao tasks;

	private final CounterDao counters;

	private final SubStepDao subSteps;

	private final long taskId;

	ProgressFloor(JdbcClient jdbc, ProgressPanels panels, TaskDao tasks, CounterDao counters, SubStepDao subSteps,
			long taskId) {
		this.jdbc = jdbc;
		this.subSteps = subSteps;
		this.panels = panels;
		this.tasks = tasks;
		this.counters = counters;
		this.taskId = taskId;
	}

	/** P3 and P4 as raw SQL, P as the panels' build in-process. */
	Map<String, Stats> measure(int runs) throws Exception {
		Map<String, Stats> measured = new LinkedHashMap<>();
		measured.put("P3", Stats.measure(20, runs, () -> {
			List<Long> ids = this.jdbc.sql(RECENTLY_FINISHED)
				.param("task", this.taskId)
				.param("zero", ZERO)
				.query((rs, n) -> rs.getLong(1))
				.list();
			this.subSteps.findByRecordIds(ids);
			this.jdbc.sql(RUNNING).param("task", this.taskId).query((rs) -> {
			});
		}));
		Task task = this.tasks.findById(this.taskId).orElseThrow();
		LocalDateTime origin = LocalDateTime.ofInstant(task.createdAt(), java.time.ZoneOffset.UTC);
		measured.put("P4", Stats.measure(20, runs, () -> {
			this.counters.findByTask(this.taskId);
			this.jdbc.sql("SELECT r.finish_time FROM instance_record r WHERE r.task_id = :task AND r.finish_time > :zero"
					+ " ORDER BY r.task_id DESC, r.finish_time DESC LIMIT 1")
				.param("task", this.taskId)
				.param("zero", ZERO)
				.query((rs) -> {
				});
			JdbcClient.StatementSpec buckets = this.jdbc.sql(BUCKETS).param("task", this.taskId);
			for (int i = 0; i <= 61; i++) {
				buckets = buckets.param("from" + i, origin.plusMinutes(i));
			}
			buckets.query((rs) -> {
			});
			this.jdbc.sql("SELECT COUNT(*) FROM instance_record r WHERE r.task_id = :task AND r.finish_time >= :since")
				.param("task", this.taskId)
				.param("since", origin.plusMinutes(30))
				.query(Long.class)
				.single();
		}));
		measured.put("P", Stats.measure(20, runs,
				() -> this.panels.forTask(this.tasks.findById(this.taskId).orElseThrow(),
						this.counters.findByTask(this.taskId))));
		return measured;
	}

	/** The plans of the panels' two index reads that could grow with the task. */
	Map<String, String> plans(SqlFloor floor) {
		Map<String, String> plans = new LinkedHashMap<>();
		plans.put("P3 duration sample (1,000 most recently finished)", floor.explainText("EXPLAIN "
				+ RECENTLY_FINISHED.replace(":task", String.valueOf(this.taskId)).replace(":zero", "'1970-01-01 00:00:00'")));
		plans.put("P3 running hosts' running sub-step", floor.explainText("EXPLAIN "
				+ RUNNING.replace(":task", String.valueOf(this.taskId))));
		return plans;
	}

}
