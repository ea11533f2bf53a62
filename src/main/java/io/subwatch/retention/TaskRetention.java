package io.subwatch.retention;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

import io.subwatch.audit.AuditDao;
import io.subwatch.subscription.CounterDao;
import io.subwatch.subscription.DbTime;
import io.subwatch.subscription.StatusCounts;
import io.subwatch.subscription.SubscriptionDao;
import io.subwatch.subscription.TaskRemoval;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Removes whole tasks whose last event is older than {@code subwatch.retention.tasks} (off by default). A task goes
 * only when nobody can see it as current: it is not its subscription's newest task nor its scope task, nothing of it
 * is pending or running, none of its records is still an instance's latest (a host never retried since keeps its
 * only record, and with it its task), no newer task of the subscription is still being built (whose failure would
 * make these records latest again) and, when mirrored, the source's task is finished. So the subscription counters,
 * the latest view and every page of the newer tasks are unchanged. Records go {@code batch-size} per transaction, each
 * under the subscription lock that task creation, retry and revoke take; the task row goes last with an audit entry
 * ({@code TASK_REMOVED}) that keeps what it was: created, last event, pipeline, hosts and the final status counts.
 */
@Component
class TaskRetention {

	static final String ACTION = "TASK_REMOVED";

	private static final Logger log = LoggerFactory.getLogger(TaskRetention.class);

	/** On {@code subscription_task t} joined to its {@code subscription s}: not the newest task, nothing to do in it. */
	private static final String NOT_NEWEST_NOR_BUSY = """
			(s.latest_task_id IS NULL OR s.latest_task_id <> t.id)
			AND NOT EXISTS (SELECT 1 FROM task_status_count c
			                WHERE c.task_id = t.id AND c.status IN ('PENDING', 'RUNNING') AND c.cnt > 0)
			""";

	/** Candidates looked at per query. */
	private static final int CANDIDATES = 100;

	/** A task old enough to be looked at. */
	private record Candidate(long id, long subscriptionId, Instant createdAt, Instant lastEventAt, String pipelineId,
			int instanceCount) {
	}

	/** What one run removed. */
	record Removed(int tasks, long records) {
	}

	private final JdbcClient jdbc;

	private final SubscriptionDao subscriptions;

	private final TaskRemoval removal;

	private final CounterDao counters;

	private final AuditDao audit;

	private final RetentionSettings settings;

	private final TransactionTemplate transaction;

	TaskRetention(JdbcClient jdbc, SubscriptionDao subscriptions, TaskRemoval removal, CounterDao counters,
			AuditDao audit, RetentionSettings settings, PlatformTransactionManager transactions) {
		this.jdbc = jdbc;
		this.subscriptions = subscriptions;
		this.removal = removal;
		this.counters = counters;
		this.audit = audit;
		this.settings = settings;
		this.transaction = new TransactionTemplate(transactions);
	}

	Removed run(Instant now) {
		if (!this.settings.removesTasks()) {
			return new Removed(0, 0);
		}
		Instant cutoff = now.minus(this.settings.tasks());
		int tasks = 0;
		long records = 0;
		long after = 0;
		List<Candidate> candidates;
		while (!(candidates = findCandidates(cutoff, after)).isEmpty()) {
			for (Candidate candidate : candidates) {
				Optional<Long> removed = remove(candidate, cutoff, now);
				if (removed.isPresent()) {
					tasks++;
					records += removed.get();
				}
			}
			after = candidates.get(candidates.size() - 1).id();
		}
		if (tasks > 0) {
			log.info("Retention: removed {} tasks ({} records) silent since before {}", tasks, records, cutoff);
		}
		return new Removed(tasks, records);
	}

	/** Old tasks that are neither their subscription's newest nor busy; the rest is checked under the lock. */
	private List<Candidate> findCandidates(Instant cutoff, long after) {
		return this.jdbc.sql("""
				SELECT t.id, t.subscription_id, t.created_at, t.last_event_at, t.pipeline_id, t.instance_count
				FROM subscription_task t JOIN subscription s ON s.id = t.subscription_id
				WHERE t.id > :after AND t.last_event_at < :cutoff AND t.is_ready = TRUE AND """ + NOT_NEWEST_NOR_BUSY + """
				ORDER BY t.id
				LIMIT :limit
				""")
			.param("after", after)
			.param("cutoff", DbTime.toDb(cutoff))
			.param("limit", CANDIDATES)
			.query((rs, n) -> new Candidate(rs.getLong("id"), rs.getLong("subscription_id"),
					DbTime.read(rs, "created_at"), DbTime.read(rs, "last_event_at"), rs.getString("pipeline_id"),
					rs.getInt("instance_count")))
			.list();
	}

	/**
	 * Removes the task batch by batch; empty when it must stay. Whether any of its records is latest is asked once,
	 * before the first batch (it walks the task's records): afterwards only a newer task being built could make one
	 * latest again, which {@link #removable} checks before every batch, and each batch takes superseded records only.
	 * The task row goes once no record of it is left.
	 */
	private Optional<Long> remove(Candidate task, Instant cutoff, Instant now) {
		StatusCounts finalCounts = this.counters.findByTask(task.id());
		long records = 0;
		while (true) {
			boolean first = records == 0;
			Integer removed = this.transaction.execute((status) -> {
				if (!this.subscriptions.lock(task.subscriptionId()) || !removable(task, cutoff)
						|| (first && hasRecord(task.id(), true))) {
					return -1;
				}
				int count = this.removal.removeSupersededRecords(task.subscriptionId(), task.id(),
						this.settings.batchSize());
				if (count == 0) {
					if (hasRecord(task.id(), true)) {
						return -1;
					}
					removeTask(task, finalCounts, now);
				}
				return count;
			});
			if (removed == null || removed < 0) {
				return Optional.empty();
			}
			if (removed == 0) {
				return Optional.of(records);
			}
			records += removed;
		}
	}

	/** Under the subscription lock: whether removing the task still changes nothing current. */
	private boolean removable(Candidate task, Instant cutoff) {
		return this.jdbc.sql("""
				SELECT COUNT(*) FROM subscription_task t JOIN subscription s ON s.id = t.subscription_id
				WHERE t.id = :id AND t.last_event_at < :cutoff AND """ + NOT_NEWEST_NOR_BUSY + """
				  AND NOT EXISTS (SELECT 1 FROM subscription_task building
				                  WHERE building.subscription_id = t.subscription_id AND building.is_ready = FALSE)
				  AND (t.is_partial = TRUE OR t.err_msg IS NOT NULL
				       OR EXISTS (SELECT 1 FROM subscription_task scope
				                  WHERE scope.subscription_id = t.subscription_id AND scope.is_partial = FALSE
				                    AND scope.is_ready = TRUE AND scope.err_msg IS NULL AND scope.id > t.id))
				""")
			.param("id", task.id())
			.param("cutoff", DbTime.toDb(cutoff))
			.query(Long.class)
			.single() == 1 && !mirroredAndUnfinished(task.id());
	}

	private boolean hasRecord(long taskId, boolean latest) {
		return this.jdbc.sql("SELECT id FROM instance_record WHERE task_id = :taskId AND is_latest = :latest LIMIT 1")
			.param("taskId", taskId)
			.param("latest", latest)
			.query(Long.class)
			.optional()
			.isPresent();
	}

	private boolean mirroredAndUnfinished(long taskId) {
		return this.jdbc.sql("SELECT COUNT(*) FROM mirror_task WHERE task_id = :taskId AND finished = FALSE")
			.param("taskId", taskId)
			.query(Long.class)
			.single() > 0;
	}

	/**
	 * The task row and what is kept per task, once its records are gone. A mirrored task's row in mirror_task stays
	 * (finished, so never read again), which keeps the mirror from creating it anew; its per-record rows go.
	 */
	private void removeTask(Candidate task, StatusCounts finalCounts, Instant now) {
		this.jdbc.sql("SELECT source, source_id FROM mirror_task WHERE task_id = :taskId ORDER BY source, source_id")
			.param("taskId", task.id())
			.query((rs, n) -> List.of(rs.getString("source"), rs.getLong("source_id")))
			.list()
			.forEach((mirrored) -> this.jdbc
				.sql("DELETE FROM mirror_record WHERE source = :source AND source_task_id = :sourceTaskId")
				.param("source", mirrored.get(0))
				.param("sourceTaskId", mirrored.get(1))
				.update());
		this.jdbc.sql("DELETE FROM task_status_count WHERE task_id = :taskId").param("taskId", task.id()).update();
		// the task's step matrix, failure clusters and rank counters: all zero once its records are gone
		for (String table : List.of("step_status_count", "failure_count", "status_bucket_count")) {
			this.jdbc.sql("DELETE FROM " + table + " WHERE by_task = TRUE AND scope_id = :taskId")
				.param("taskId", task.id())
				.update();
		}
		this.jdbc.sql("DELETE FROM subscription_task WHERE id = :taskId").param("taskId", task.id()).update();
		String counts = finalCounts.byStatus()
			.entrySet()
			.stream()
			.filter((entry) -> entry.getValue() > 0)
			.map((entry) -> entry.getKey().name() + " " + entry.getValue())
			.collect(Collectors.joining(", "));
		this.audit.insert(now, LogRetention.ACTOR, ACTION, task.subscriptionId(), task.id(), finalCounts.total(),
				"task created " + task.createdAt() + ", last event " + task.lastEventAt() + ", pipeline "
						+ task.pipelineId() + ", " + finalCounts.total() + " hosts"
						+ (counts.isEmpty() ? "" : " (" + counts + ")") + "; silent longer than "
						+ this.settings.tasks());
	}

}
