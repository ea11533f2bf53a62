package io.subwatch.support;

import java.util.Map;
import java.util.TreeMap;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The rank counters (status_bucket_count) of a task or a subscription's latest records, and the same counted over
 * the records: the two must always be equal. Keys are "STATUS/bucket"; zero rows are left out.
 */
public final class RankRecount {

	private RankRecount() {
	}

	public static Map<String, Long> stored(JdbcClient jdbc, boolean byTask, long scopeId) {
		Map<String, Long> counts = new TreeMap<>();
		jdbc.sql("""
				SELECT status, bucket, cnt FROM status_bucket_count
				WHERE by_task = :byTask AND scope_id = :scopeId AND cnt <> 0 ORDER BY status, bucket
				""").param("byTask", byTask).param("scopeId", scopeId).query((rs) -> {
			counts.put(rs.getString(1) + "/" + rs.getLong(2), rs.getLong(3));
		});
		return counts;
	}

	public static Map<String, Long> recounted(JdbcClient jdbc, boolean byTask, long scopeId) {
		Map<String, Long> counts = new TreeMap<>();
		String where = byTask ? "task_id = :scopeId" : "subscription_id = :scopeId AND is_latest = TRUE";
		jdbc.sql("SELECT id, status FROM instance_record WHERE " + where + " ORDER BY id")
			.param("scopeId", scopeId)
			.query((rs) -> {
				counts.merge(rs.getString(2) + "/" + Math.floorDiv(rs.getLong(1), 1024), 1L, Long::sum);
			});
		return counts;
	}

}
