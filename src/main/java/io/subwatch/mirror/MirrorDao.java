package io.subwatch.mirror;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import io.subwatch.subscription.DbTime;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The sync state of each source and the maps from source ids to local ones (V65). */
@Repository
class MirrorDao {

	private final JdbcClient jdbc;

	private final JdbcTemplate jdbcTemplate;

	MirrorDao(JdbcClient jdbc, JdbcTemplate jdbcTemplate) {
		this.jdbc = jdbc;
		this.jdbcTemplate = jdbcTemplate;
	}

	/** A source task as last synced: its local task, its counters as read, and whether it is done. */
	record MirroredTask(long sourceId, long taskId, String counters, boolean finished) {
	}

	Optional<MirrorState> findState(String source) {
		return this.jdbc.sql("""
				SELECT name, last_attempt_at, last_success_at, last_error, requests, lag_ms
				FROM mirror_source WHERE name = :name
				""").param("name", source).query((rs, n) -> new MirrorState(rs.getString("name"),
				DbTime.read(rs, "last_attempt_at"), DbTime.read(rs, "last_success_at"), rs.getString("last_error"),
				rs.getLong("requests"), (Long) rs.getObject("lag_ms", Long.class))).optional();
	}

	/** The source a local subscription is mirrored from, if any. */
	Optional<String> findSourceOf(long subscriptionId) {
		return this.jdbc.sql("SELECT source FROM mirror_subscription WHERE subscription_id = :id")
			.param("id", subscriptionId)
			.query(String.class)
			.optional();
	}

	/** A local subscription's source and its id there. */
	record SourceSubscriptionRef(String source, long sourceId) {
	}

	Optional<SourceSubscriptionRef> findSourceSubscription(long subscriptionId) {
		return this.jdbc.sql("SELECT source, source_id FROM mirror_subscription WHERE subscription_id = :id")
			.param("id", subscriptionId)
			.query((rs, n) -> new SourceSubscriptionRef(rs.getString("source"), rs.getLong("source_id")))
			.optional();
	}

	/** Source subscription id → local subscription id, for every subscription of a source mirrored so far. */
	Map<Long, Long> findSubscriptions(String source) {
		return this.jdbc.sql("""
				SELECT source_id, subscription_id FROM mirror_subscription WHERE source = :source ORDER BY source_id
				""")
			.param("source", source)
			.query((rs, n) -> Map.entry(rs.getLong("source_id"), rs.getLong("subscription_id")))
			.list()
			.stream()
			.collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
	}

	void recordAttempt(String source, Instant at, long requests, Instant success, String error, Long lagMs) {
		int updated = this.jdbc.sql("""
				UPDATE mirror_source SET last_attempt_at = :at, requests = requests + :requests,
				    last_success_at = COALESCE(:success, last_success_at), last_error = :error,
				    lag_ms = COALESCE(:lag, lag_ms)
				WHERE name = :name
				""")
			.param("at", DbTime.toDb(at))
			.param("requests", requests)
			.param("success", (success != null) ? DbTime.toDb(success) : null)
			.param("error", (error != null && error.length() > 2000) ? error.substring(0, 2000) : error)
			.param("lag", lagMs)
			.param("name", source)
			.update();
		if (updated == 0) {
			this.jdbc.sql("""
					INSERT INTO mirror_source (name, last_attempt_at, last_success_at, last_error, requests, lag_ms)
					VALUES (:name, :at, :success, :error, :requests, :lag)
					""")
				.param("name", source)
				.param("at", DbTime.toDb(at))
				.param("success", (success != null) ? DbTime.toDb(success) : null)
				.param("error", (error != null && error.length() > 2000) ? error.substring(0, 2000) : error)
				.param("requests", requests)
				.param("lag", lagMs)
				.update();
		}
	}

	/** Failed syncs in a row and when the next sync is due, as the node that last ran one scheduled it. */
	Optional<MirrorBackoffs.Pending> findSchedule(String source) {
		return this.jdbc.sql("SELECT failures, next_attempt_at FROM mirror_source WHERE name = :name")
			.param("name", source)
			.query((rs, n) -> {
				Instant next = DbTime.read(rs, "next_attempt_at");
				return (next != null) ? Optional.of(new MirrorBackoffs.Pending(rs.getInt("failures"), next))
						: Optional.<MirrorBackoffs.Pending>empty();
			})
			.optional()
			.flatMap((pending) -> pending);
	}

	void recordSchedule(String source, int failures, Instant nextAttempt) {
		int updated = this.jdbc.sql("""
				UPDATE mirror_source SET failures = :failures, next_attempt_at = :next WHERE name = :name
				""")
			.param("failures", failures)
			.param("next", DbTime.toDb(nextAttempt))
			.param("name", source)
			.update();
		if (updated == 0) {
			this.jdbc.sql("""
					INSERT INTO mirror_source (name, requests, failures, next_attempt_at)
					VALUES (:name, 0, :failures, :next)
					""")
				.param("name", source)
				.param("failures", failures)
				.param("next", DbTime.toDb(nextAttempt))
				.update();
		}
	}

	Optional<Long> findSubscription(String source, long sourceId) {
		return this.jdbc.sql("""
				SELECT subscription_id FROM mirror_subscription WHERE source = :source AND source_id = :id
				""").param("source", source).param("id", sourceId).query(Long.class).optional();
	}

	void insertSubscription(String source, long sourceId, long subscriptionId) {
		this.jdbc.sql("""
				INSERT INTO mirror_subscription (source, source_id, subscription_id) VALUES (:source, :id, :local)
				""").param("source", source).param("id", sourceId).param("local", subscriptionId).update();
	}

	List<MirroredTask> findTasks(String source, long sourceSubscriptionId) {
		return this.jdbc.sql("""
				SELECT source_id, task_id, counters, finished FROM mirror_task
				WHERE source = :source AND source_sub_id = :sub
				ORDER BY source_id
				""")
			.param("source", source)
			.param("sub", sourceSubscriptionId)
			.query((rs, n) -> new MirroredTask(rs.getLong("source_id"), rs.getLong("task_id"), rs.getString("counters"),
					rs.getBoolean("finished")))
			.list();
	}

	void insertTask(String source, long sourceSubscriptionId, long sourceId, long taskId) {
		this.jdbc.sql("""
				INSERT INTO mirror_task (source, source_id, source_sub_id, task_id, counters, finished)
				VALUES (:source, :id, :sub, :task, NULL, FALSE)
				""")
			.param("source", source)
			.param("id", sourceId)
			.param("sub", sourceSubscriptionId)
			.param("task", taskId)
			.update();
	}

	void updateTask(String source, long sourceId, String counters, boolean finished) {
		this.jdbc.sql("""
				UPDATE mirror_task SET counters = :counters, finished = :finished WHERE source = :source AND source_id = :id
				""")
			.param("counters", counters)
			.param("finished", finished)
			.param("source", source)
			.param("id", sourceId)
			.update();
	}

	/** Source record id → the status last read, for one source task. */
	Map<Long, String> findRecordStatuses(String source, long sourceTaskId) {
		return this.jdbc.sql("""
				SELECT source_id, status FROM mirror_record WHERE source = :source AND source_task_id = :task
				ORDER BY source_id
				""")
			.param("source", source)
			.param("task", sourceTaskId)
			.query((rs, n) -> Map.entry(rs.getLong("source_id"), rs.getString("status")))
			.list()
			.stream()
			.collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
	}

	void insertRecords(String source, long sourceTaskId, Map<Long, Long> localBySource, Map<Long, String> statuses) {
		List<Map.Entry<Long, Long>> rows = List.copyOf(localBySource.entrySet());
		this.jdbcTemplate.batchUpdate("""
				INSERT INTO mirror_record (source, source_id, source_task_id, record_id, status) VALUES (?, ?, ?, ?, ?)
				""", rows, 1000, (ps, row) -> {
			ps.setString(1, source);
			ps.setLong(2, row.getKey());
			ps.setLong(3, sourceTaskId);
			ps.setLong(4, row.getValue());
			ps.setString(5, statuses.get(row.getKey()));
		});
	}

	/** Local record ids of source records. */
	Map<Long, Long> findRecordIds(String source, long sourceTaskId) {
		return this.jdbc.sql("""
				SELECT source_id, record_id FROM mirror_record WHERE source = :source AND source_task_id = :task
				ORDER BY source_id
				""")
			.param("source", source)
			.param("task", sourceTaskId)
			.query((rs, n) -> Map.entry(rs.getLong("source_id"), rs.getLong("record_id")))
			.list()
			.stream()
			.collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
	}

	void updateRecordStatuses(String source, Map<Long, String> statuses) {
		List<Map.Entry<Long, String>> rows = List.copyOf(statuses.entrySet());
		this.jdbcTemplate.batchUpdate("UPDATE mirror_record SET status = ? WHERE source = ? AND source_id = ?", rows,
				1000, (ps, row) -> {
					ps.setString(1, row.getValue());
					ps.setString(2, source);
					ps.setLong(3, row.getKey());
				});
	}

}
