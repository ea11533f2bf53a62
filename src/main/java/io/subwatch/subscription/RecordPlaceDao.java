package io.subwatch.subscription;

import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The place columns of instance_record and the place counters they feed. */
@Repository
class RecordPlaceDao {

	private final JdbcClient jdbc;

	private final JdbcTemplate jdbcTemplate;

	RecordPlaceDao(JdbcClient jdbc, JdbcTemplate jdbcTemplate) {
		this.jdbc = jdbc;
		this.jdbcTemplate = jdbcTemplate;
	}

	/** The stored places of records, by record id (unknown ids are absent). */
	Map<Long, RecordPlace> findByIds(Collection<Long> recordIds) {
		Map<Long, RecordPlace> result = new HashMap<>(recordIds.size() * 2);
		for (IdBatches.Batch batch : IdBatches.of("id", recordIds)) {
			this.jdbc.sql("SELECT id, at_step, at_sub, error_key, error_line FROM instance_record WHERE "
					+ batch.condition() + " ORDER BY id")
				.params(batch.params())
				.query((rs) -> {
					result.put(rs.getLong(1), new RecordPlace(rs.getInt(2), rs.getInt(3), rs.getString(4),
							rs.getString(5)));
				});
		}
		return result;
	}

	void updateAll(Map<Long, RecordPlace> places) {
		this.jdbcTemplate.batchUpdate("""
				UPDATE instance_record SET at_step = ?, at_sub = ?, error_key = ?, error_line = ? WHERE id = ?
				""", new ArrayList<>(places.entrySet()), 500, (ps, entry) -> {
			RecordPlace place = entry.getValue();
			ps.setInt(1, place.stepIndex());
			ps.setInt(2, place.subIndex());
			ps.setString(3, place.errorKey());
			ps.setString(4, place.errorLine());
			ps.setLong(5, entry.getKey());
		});
	}

	/**
	 * A record's row as one batch of events leaves it: status and times, and its place when that changed (else null).
	 *
	 * @param updateTime the new {@code update_time}, null to keep it (only the place changed)
	 */
	record RecordRow(long id, RecordProgress progress, Instant updateTime, RecordPlace place) {
	}

	/** One UPDATE per record for its status, times and place together. */
	void updateWithProgress(List<RecordRow> rows) {
		this.jdbcTemplate.batchUpdate("""
				UPDATE instance_record SET status = ?, start_time = ?, finish_time = ?,
				    update_time = COALESCE(?, update_time), at_step = COALESCE(?, at_step), at_sub = COALESCE(?, at_sub),
				    error_key = CASE WHEN ? THEN ? ELSE error_key END, error_line = CASE WHEN ? THEN ? ELSE error_line END
				WHERE id = ?
				""", rows, 500, (ps, row) -> {
			RecordPlace place = row.place();
			ps.setString(1, row.progress().status().name());
			DbTime.bind(ps, 2, row.progress().startTime());
			DbTime.bind(ps, 3, row.progress().finishTime());
			DbTime.bind(ps, 4, row.updateTime());
			ps.setObject(5, (place != null) ? place.stepIndex() : null, Types.INTEGER);
			ps.setObject(6, (place != null) ? place.subIndex() : null, Types.INTEGER);
			ps.setBoolean(7, place != null);
			ps.setString(8, (place != null) ? place.errorKey() : null);
			ps.setBoolean(9, place != null);
			ps.setString(10, (place != null) ? place.errorLine() : null);
			ps.setLong(11, row.id());
		});
	}

	/** Applies the deltas in key order (rows appear with their first record); call inside the writing transaction. */
	void apply(PlaceDeltas deltas) {
		List<Object[]> cells = new ArrayList<>();
		deltas.cells().forEach((cell, delta) -> {
			if (delta != 0) {
				cells.add(new Object[] { cell.byTask(), cell.scopeId(), cell.planId(), cell.stepIndex(),
						cell.subIndex(), cell.status(), delta });
			}
		});
		if (!cells.isEmpty()) {
			this.jdbcTemplate.batchUpdate("""
					INSERT INTO step_status_count (by_task, scope_id, plan_id, step_index, sub_index, status, cnt)
					VALUES (?, ?, ?, ?, ?, ?, ?) ON DUPLICATE KEY UPDATE cnt = cnt + VALUES(cnt)
					""", cells);
		}
		List<Object[]> failures = new ArrayList<>();
		deltas.failures().forEach((failure, delta) -> {
			if (delta != 0) {
				failures.add(new Object[] { failure.byTask(), failure.scopeId(), failure.stepIndex(),
						failure.subIndex(), failure.errorKey(), delta });
			}
		});
		if (!failures.isEmpty()) {
			this.jdbcTemplate.batchUpdate("""
					INSERT INTO failure_count (by_task, scope_id, step_index, sub_index, error_key, cnt)
					VALUES (?, ?, ?, ?, ?, ?) ON DUPLICATE KEY UPDATE cnt = cnt + VALUES(cnt)
					""", failures);
		}
	}

}
