package io.subwatch.breakdown;

import java.util.List;

import io.subwatch.subscription.Status;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The breakdown's queries: small reads of the place counters (the sample hosts of the largest clusters come through
 * the record engine).
 */
@Repository
class BreakdownDao {

	/** More distinct cells than this means something is wrong with the plans; the matrix stops there. */
	static final int MAX_CELLS = 5000;

	record Cell(long planId, int stepIndex, int subIndex, Status status, int count) {
	}

	record Cluster(int stepIndex, int subIndex, String errorKey, int count) {
	}

	private final JdbcClient jdbc;

	BreakdownDao(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	List<Cell> findCells(BreakdownScope scope) {
		return this.jdbc.sql("""
				SELECT plan_id, step_index, sub_index, status, cnt FROM step_status_count
				WHERE by_task = :byTask AND scope_id = :scopeId AND cnt > 0
				ORDER BY plan_id, step_index, sub_index, status LIMIT :limit
				""")
			.param("byTask", scope.byTask())
			.param("scopeId", scope.scopeId())
			.param("limit", MAX_CELLS)
			.query((rs, n) -> new Cell(rs.getLong(1), rs.getInt(2), rs.getInt(3), Status.valueOf(rs.getString(4)),
					rs.getInt(5)))
			.list();
	}

	/** The largest clusters first, at most {@code limit}. */
	List<Cluster> findClusters(BreakdownScope scope, int limit) {
		return this.jdbc.sql("""
				SELECT step_index, sub_index, error_key, cnt FROM failure_count
				WHERE by_task = :byTask AND scope_id = :scopeId AND cnt > 0
				ORDER BY cnt DESC, step_index, sub_index, error_key LIMIT :limit
				""")
			.param("byTask", scope.byTask())
			.param("scopeId", scope.scopeId())
			.param("limit", limit)
			.query((rs, n) -> new Cluster(rs.getInt(1), rs.getInt(2), rs.getString(3), rs.getInt(4)))
			.list();
	}

	/** How many failed hosts stand at a place with an error (a cluster's size), from the counters. */
	int countCluster(BreakdownScope scope, int stepIndex, int subIndex, String errorKey) {
		return this.jdbc.sql("""
				SELECT COALESCE(SUM(cnt), 0) FROM failure_count
				WHERE by_task = :byTask AND scope_id = :scopeId AND step_index = :step AND sub_index = :sub
				AND error_key = :errorKey
				""")
			.param("byTask", scope.byTask())
			.param("scopeId", scope.scopeId())
			.param("step", stepIndex)
			.param("sub", subIndex)
			.param("errorKey", errorKey)
			.query(Integer.class)
			.single();
	}

	/** How many hosts stand at a sub-step in a status (a cell, over every plan), from the counters. */
	int countCell(BreakdownScope scope, int stepIndex, int subIndex, Status status) {
		return this.jdbc.sql("""
				SELECT COALESCE(SUM(cnt), 0) FROM step_status_count
				WHERE by_task = :byTask AND scope_id = :scopeId AND step_index = :step AND sub_index = :sub
				AND status = :status
				""")
			.param("byTask", scope.byTask())
			.param("scopeId", scope.scopeId())
			.param("step", stepIndex)
			.param("sub", subIndex)
			.param("status", status.name())
			.query(Integer.class)
			.single();
	}

}
