package io.subwatch.retention;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.subwatch.audit.AuditDao;
import io.subwatch.subscription.DbTime;
import io.subwatch.subscription.Status;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Removes the sub-step logs of hosts that finished longer ago than {@code subwatch.retention.logs}: by default only of
 * succeeded hosts, since a failed host's log says why it failed ({@code keep-failed-logs}). Records, statuses, times
 * and counters stay as they are; only the log lines go. It walks the finished records oldest first along
 * {@code ix_instance_record_finish}, {@code batch-size} records per transaction, and audits each batch per task
 * ({@code LOGS_REMOVED}: how many hosts, how many lines). Each run walks the whole finished past again, so records
 * that arrive already old (a mirrored history) are cleaned too.
 */
@Component
class LogRetention {

	static final String ACTION = "LOGS_REMOVED";

	static final String ACTOR = "retention";

	private static final Logger log = LoggerFactory.getLogger(LogRetention.class);

	private static final Instant BEGINNING = Instant.parse("1970-01-01T00:00:00Z");

	/** A finished record, where the walk stands. */
	private record Finished(long id, long subscriptionId, long taskId, Instant finishTime) {
	}

	/** A task of a batch (what the audit entries are per). */
	private record TaskLogs(long subscriptionId, long taskId) {
	}

	/** What one run removed. */
	record Removed(int hosts, long lines) {
	}

	private final JdbcClient jdbc;

	private final AuditDao audit;

	private final RetentionSettings settings;

	private final TransactionTemplate transaction;

	LogRetention(JdbcClient jdbc, AuditDao audit, RetentionSettings settings, PlatformTransactionManager transactions) {
		this.jdbc = jdbc;
		this.audit = audit;
		this.settings = settings;
		this.transaction = new TransactionTemplate(transactions);
	}

	Removed run(Instant now) {
		if (!this.settings.removesLogs()) {
			return new Removed(0, 0);
		}
		Instant cutoff = now.minus(this.settings.logs());
		List<String> statuses = (this.settings.keepFailedLogs() ? List.of(Status.SUCCESS)
				: List.of(Status.SUCCESS, Status.FAILED, Status.TERMINATED)).stream().map(Status::name).toList();
		Finished after = new Finished(0, 0, 0, BEGINNING);
		int hosts = 0;
		long lines = 0;
		while (true) {
			List<Finished> batch = findFinished(cutoff, statuses, after);
			if (batch.isEmpty()) {
				break;
			}
			Removed removed = this.transaction.execute((status) -> remove(batch, cutoff, now));
			hosts += removed.hosts();
			lines += removed.lines();
			after = batch.get(batch.size() - 1);
		}
		if (hosts > 0) {
			log.info("Retention: removed {} log lines of {} hosts finished before {}", lines, hosts, cutoff);
		}
		return new Removed(hosts, lines);
	}

	/**
	 * The next batch after {@code after} along {@code (finish_time, id)}: first the rest of its finish time, then the
	 * later ones. Two range reads of the index instead of one {@code OR} condition, which the databases read as a
	 * scan of every record of that finish time (thousands of hosts finishing in the same second made each batch read
	 * all of them again).
	 */
	private List<Finished> findFinished(Instant cutoff, List<String> statuses, Finished after) {
		List<Finished> batch = new java.util.ArrayList<>(this.jdbc.sql("""
				SELECT id, subscription_id, task_id, finish_time FROM instance_record
				WHERE finish_time = :afterTime AND id > :afterId AND status IN (:statuses)
				ORDER BY finish_time, id
				LIMIT :batch
				""")
			.param("afterTime", DbTime.toDb(after.finishTime()))
			.param("afterId", after.id())
			.param("statuses", statuses)
			.param("batch", this.settings.batchSize())
			.query(LogRetention::finished)
			.list());
		if (batch.size() < this.settings.batchSize()) {
			batch.addAll(this.jdbc.sql("""
					SELECT id, subscription_id, task_id, finish_time FROM instance_record
					WHERE finish_time > :afterTime AND finish_time < :cutoff AND status IN (:statuses)
					ORDER BY finish_time, id
					LIMIT :batch
					""")
				.param("cutoff", DbTime.toDb(cutoff))
				.param("afterTime", DbTime.toDb(after.finishTime()))
				.param("statuses", statuses)
				.param("batch", this.settings.batchSize() - batch.size())
				.query(LogRetention::finished)
				.list());
		}
		return batch;
	}

	private static Finished finished(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
		return new Finished(rs.getLong("id"), rs.getLong("subscription_id"), rs.getLong("task_id"),
				DbTime.read(rs, "finish_time"));
	}

	/** Removes the logs of one batch and audits them per task; one transaction. */
	private Removed remove(List<Finished> batch, Instant cutoff, Instant now) {
		Map<Long, Long> linesByRecord = new LinkedHashMap<>();
		this.jdbc.sql("""
				SELECT record_id, COUNT(*) AS line_count FROM sub_step_log
				WHERE record_id IN (:ids) GROUP BY record_id ORDER BY record_id
				""")
			.param("ids", batch.stream().map(Finished::id).toList())
			.query((rs) -> {
				linesByRecord.put(rs.getLong("record_id"), rs.getLong("line_count"));
			});
		if (linesByRecord.isEmpty()) {
			return new Removed(0, 0);
		}
		long lines = this.jdbc.sql("DELETE FROM sub_step_log WHERE record_id IN (:ids)")
			.param("ids", List.copyOf(linesByRecord.keySet()))
			.update();
		Map<TaskLogs, long[]> byTask = new LinkedHashMap<>();
		for (Finished record : batch) {
			Long count = linesByRecord.get(record.id());
			if (count != null) {
				long[] sums = byTask.computeIfAbsent(new TaskLogs(record.subscriptionId(), record.taskId()),
						(task) -> new long[2]);
				sums[0]++;
				sums[1] += count;
			}
		}
		byTask.forEach((task, sums) -> this.audit.insert(now, ACTOR, ACTION, task.subscriptionId(), task.taskId(),
				(int) sums[0], "log lines: " + sums[1] + "; hosts finished before " + cutoff + " ("
						+ (this.settings.keepFailedLogs() ? "failed hosts' logs kept" : "failed hosts' logs too") + ")"));
		return new Removed(linesByRecord.size(), lines);
	}

}
