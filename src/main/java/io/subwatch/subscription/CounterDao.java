package io.subwatch.subscription;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The maintained per-task and per-subscription status counters, and the rank counters beside them. */
@Repository
public class CounterDao {

	private final JdbcClient jdbc;

	private final JdbcTemplate jdbcTemplate;

	CounterDao(JdbcClient jdbc, JdbcTemplate jdbcTemplate) {
		this.jdbc = jdbc;
		this.jdbcTemplate = jdbcTemplate;
	}

	/** Applies the deltas in key order; call inside the transaction that changed the statuses. */
	public void apply(CounterDeltas deltas) {
		update("UPDATE task_status_count SET cnt = cnt + ? WHERE task_id = ? AND status = ?", deltas.taskDeltas());
		update("UPDATE subscription_status_count SET cnt = cnt + ? WHERE subscription_id = ? AND status = ?",
				deltas.subscriptionDeltas());
		applyBucketDeltas(deltas);
	}

	/** The rank counters of {@link StatusRanks}, after the others: a row appears with the first record of its block. */
	private void applyBucketDeltas(CounterDeltas deltas) {
		List<Object[]> args = new ArrayList<>();
		deltas.bucketDeltas().forEach((bucket, delta) -> {
			if (delta != 0) {
				args.add(new Object[] { bucket.byTask(), bucket.scopeId(), bucket.status(), bucket.bucket(), delta });
			}
		});
		if (!args.isEmpty()) {
			this.jdbcTemplate.batchUpdate("""
					INSERT INTO status_bucket_count (by_task, scope_id, status, bucket, cnt)
					VALUES (?, ?, ?, ?, ?) ON DUPLICATE KEY UPDATE cnt = cnt + VALUES(cnt)
					""", args);
		}
	}

	private void update(String sql, Map<CounterDeltas.Key, Integer> deltas) {
		List<Object[]> args = new ArrayList<>();
		deltas.forEach((key, delta) -> {
			if (delta != 0) {
				args.add(new Object[] { delta, key.id(), key.status() });
			}
		});
		if (!args.isEmpty()) {
			this.jdbcTemplate.batchUpdate(sql, args);
		}
	}

	/** Records of one task by status (the statuses with a count above zero). */
	public StatusCounts findByTask(long taskId) {
		return StatusCounts.of(this.jdbc.sql("""
				SELECT status, cnt FROM task_status_count WHERE task_id = :taskId AND cnt > 0 ORDER BY status
				""").param("taskId", taskId).query((rs, n) -> Map.entry(rs.getString(1), rs.getInt(2))).list());
	}

	/** Latest records of a subscription by status. */
	public StatusCounts findBySubscription(long subscriptionId) {
		return StatusCounts.of(this.jdbc.sql("""
				SELECT status, cnt FROM subscription_status_count
				WHERE subscription_id = :subscriptionId AND cnt > 0 ORDER BY status
				""").param("subscriptionId", subscriptionId)
			.query((rs, n) -> Map.entry(rs.getString(1), rs.getInt(2)))
			.list());
	}

	/** Counts of several tasks in one query (the subscription list). */
	public Map<Long, StatusCounts> findByTasks(Collection<Long> taskIds) {
		Map<Long, List<Map.Entry<String, Integer>>> rows = new HashMap<>();
		if (!taskIds.isEmpty()) {
			this.jdbc.sql("""
					SELECT task_id, status, cnt FROM task_status_count
					WHERE task_id IN (:taskIds) AND cnt > 0 ORDER BY task_id, status
					""").param("taskIds", taskIds).query((rs) -> {
				rows.computeIfAbsent(rs.getLong(1), (id) -> new ArrayList<>())
					.add(Map.entry(rs.getString(2), rs.getInt(3)));
			});
		}
		Map<Long, StatusCounts> result = new HashMap<>();
		rows.forEach((taskId, entries) -> result.put(taskId, StatusCounts.of(entries)));
		return result;
	}


}
