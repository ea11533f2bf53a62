package io.subwatch.progress;

import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;

import io.subwatch.subscription.DbTime;
import io.subwatch.subscription.RecordProgress;
import io.subwatch.subscription.Status;
import io.subwatch.subscription.SubStepColumn;
import io.subwatch.subscription.SubStepDao;
import io.subwatch.subscription.SubStepState;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The panels' reads of one task, each bounded whatever the task's size: the most recently finished records
 * (index (task_id, finish_time), newest first) and their sub-steps by primary key; the running records (index
 * (task_id, status, id)) with their running sub-step; counts per time bucket over the finished range of the same
 * (task_id, finish_time) index, read from the index alone.
 */
@Repository
class ProgressDao {

	/** A finished sub-step of a sampled record. */
	record FinishedSubStep(long planId, int stepIndex, int subIndex, long millis) {
	}

	/** A running record's running sub-step. */
	record RunningSubStep(long recordId, String instanceId, String ip, String hostName, long planId, int stepIndex,
			int subIndex, Instant start) {
	}

	/** The finished sub-steps of {@code records} sampled hosts. */
	record FinishedSample(int records, List<FinishedSubStep> subSteps) {
	}

	/** Hosts finished in bucket {@code index} (width and origin chosen by the caller). */
	record Bucket(int index, long hosts) {
	}

	/**
	 * A lower bound that makes "finished" an index range: unfinished records (NULL) sort first or last depending on
	 * the database's NULL ordering, and a descending read must not walk past them.
	 */
	private static final LocalDateTime ZERO = LocalDateTime.of(1970, 1, 1, 0, 0);

	private final JdbcClient jdbc;

	private final SubStepDao subSteps;

	ProgressDao(JdbcClient jdbc, SubStepDao subSteps) {
		this.jdbc = jdbc;
		this.subSteps = subSteps;
	}

	/** Ids and plans of the task's {@code limit} most recently finished records, newest first. */
	private List<long[]> findRecentlyFinished(long taskId, int limit) {
		return this.jdbc.sql("""
				SELECT r.id, r.plan_id FROM instance_record r
				WHERE r.task_id = :task AND r.finish_time > :zero
				ORDER BY r.task_id DESC, r.finish_time DESC LIMIT """ + " " + limit)
			.param("task", taskId)
			.param("zero", ZERO)
			.query((rs, n) -> new long[] { rs.getLong(1), rs.getLong(2) })
			.list();
	}

	/**
	 * Durations of the sub-steps that succeeded or failed, of the task's {@code limit} most recently finished records
	 * (a sub-step terminated by an operator did not run its course and is left out). The sub-steps come through
	 * {@link SubStepDao#findByRecordIds}, which turns the ids into index ranges and short IN lists (H2 tests a long
	 * IN list against every row it reads).
	 */
	FinishedSample findFinishedSample(long taskId, int limit) {
		List<long[]> records = findRecentlyFinished(taskId, limit);
		Map<Long, Long> plans = new HashMap<>();
		records.forEach((r) -> plans.put(r[0], r[1]));
		List<FinishedSubStep> sample = new ArrayList<>();
		this.subSteps.findByRecordIds(plans.keySet()).forEach((recordId, states) -> {
			for (SubStepState state : states.values()) {
				boolean ran = state.status() == Status.SUCCESS || state.status() == Status.FAILED;
				if (ran && state.startTime() != null && state.finishTime() != null && !state.finishTime().isBefore(state.startTime())) {
					sample.add(new FinishedSubStep(plans.get(recordId), state.stepIndex(), state.subIndex(),
							state.finishTime().toEpochMilli() - state.startTime().toEpochMilli()));
				}
			}
		});
		return new FinishedSample(records.size(), sample);
	}

	/**
	 * The running sub-step of the task's first {@code limit} records with a sub-step running, in record id order. A
	 * record's place ({@code at_step}, {@code at_sub}, kept on every write) is its furthest running sub-step, whose start
	 * is read from the record's own sub-step column: one row per host (issue 12's P3 joined twelve sub-step rows per
	 * host and sorted them, 320 ms on MariaDB for 20,000 running hosts).
	 */
	List<RunningSubStep> findRunning(long taskId, int limit) {
		List<RunningSubStep> running = new ArrayList<>();
		this.jdbc.sql("""
				SELECT r.id, r.instance_id, r.bk_host_innerip, r.bk_host_name, r.plan_id, r.at_step, r.at_sub,
				       r.sub_steps
				FROM instance_record r
				WHERE r.task_id = :task AND r.status = 'RUNNING' AND r.running_since IS NOT NULL
				ORDER BY r.task_id, r.status, r.id LIMIT :limit""")
			.param("task", taskId)
			.param("limit", limit)
			.query((rs) -> {
				int step = rs.getInt(6);
				int sub = rs.getInt(7);
				SubStepState state = SubStepColumn.decode(rs.getString(8)).get(RecordProgress.key(step, sub));
				if (state != null && state.status() == Status.RUNNING) {
					running.add(new RunningSubStep(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
							rs.getLong(5), step, sub, state.startTime()));
				}
			});
		return running;
	}

	/** Records of the task finished at or after {@code since}. */
	long countFinishedSince(long taskId, Instant since) {
		return this.jdbc.sql("""
				SELECT COUNT(*) FROM instance_record r WHERE r.task_id = :task AND r.finish_time >= :since""")
			.param("task", taskId)
			.param("since", DbTime.toDb(since))
			.query(Long.class)
			.single();
	}

	/** The task's last finish time, or null when nothing finished. */
	Instant findLastFinish(long taskId) {
		return this.jdbc.sql("""
				SELECT r.finish_time FROM instance_record r WHERE r.task_id = :task AND r.finish_time > :zero
				ORDER BY r.task_id DESC, r.finish_time DESC LIMIT 1""")
			.param("task", taskId)
			.param("zero", ZERO)
			.query((rs, n) -> DbTime.read(rs, 1))
			.optional()
			.orElse(null);
	}

	/**
	 * Finished records in each of {@code count} buckets of {@code widthSeconds} from {@code origin}. One range count per
	 * bucket over {@code (task_id, finish_time)}: the database counts index entries and computes nothing per row, where
	 * grouping the task's finished records by a computed bucket built a temporary table of them (48 → 22 ms on MariaDB
	 * for 70,000 finished hosts, issue 12's P4).
	 */
	List<Bucket> findFinishedPerBucket(long taskId, Instant origin, long widthSeconds, int count) {
		StringJoiner sql = new StringJoiner(" UNION ALL ", "", " ORDER BY bucket");
		for (int i = 0; i < count; i++) {
			sql.add("SELECT " + i + " AS bucket, COUNT(*) AS hosts FROM instance_record r WHERE r.task_id = :task"
					+ " AND r.finish_time >= :from" + i + " AND r.finish_time < :from" + (i + 1));
		}
		JdbcClient.StatementSpec statement = this.jdbc.sql(sql.toString()).param("task", taskId);
		for (int i = 0; i <= count; i++) {
			statement = statement.param("from" + i, DbTime.toDb(origin.plusSeconds(widthSeconds * i)));
		}
		return statement
			.query((rs, n) -> new Bucket(rs.getInt(1), rs.getLong(2)))
			.list();
	}

}
