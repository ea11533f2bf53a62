package io.subwatch.subscription;

import java.sql.PreparedStatement;
import java.sql.SQLException;
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

	private final DatabaseKind database;

	RecordPlaceDao(JdbcClient jdbc, JdbcTemplate jdbcTemplate, DatabaseKind database) {
		this.database = database;
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

	/**
	 * A record's row as one batch of events leaves it: status and times, its place when that changed (else null), and
	 * its sub-step states when they were written (else null).
	 *
	 * @param updateTime the new {@code update_time}, null to keep it (only the place or sub-steps changed)
	 * @param written the new {@code sub_steps_at}, used only with {@code subSteps}
	 */
	record RecordRow(long id, RecordProgress progress, Instant updateTime, RecordPlace place,
			Collection<SubStepState> subSteps, Instant written) {
	}

	/**
	 * Each record's status, times, place and sub-steps together. H2 runs a batch of single-row UPDATEs in process;
	 * MySQL's driver would send that batch as one statement per row, which the server parses and plans each time (500 a
	 * batch of events, its largest cost), so there the rows go as one UPDATE joined to their values.
	 */
	void updateWithProgress(List<RecordRow> rows) {
		if (this.database.mysql()) {
			for (int from = 0; from < rows.size(); from += JOINED_ROWS) {
				updateJoined(rows.subList(from, Math.min(rows.size(), from + JOINED_ROWS)));
			}
			return;
		}
		this.jdbcTemplate.batchUpdate("""
				UPDATE instance_record SET status = ?, start_time = ?, finish_time = ?,
				    update_time = COALESCE(?, update_time), at_step = COALESCE(?, at_step), at_sub = COALESCE(?, at_sub),
				    error_key = CASE WHEN ? THEN ? ELSE error_key END, error_line = CASE WHEN ? THEN ? ELSE error_line END,
				    sub_steps = CASE WHEN ? THEN ? ELSE sub_steps END,
				    running_since = CASE WHEN ? THEN ? ELSE running_since END,
				    sub_steps_at = COALESCE(?, sub_steps_at)
				WHERE id = ?
				""", rows, 500, (ps, row) -> {
			ps.setLong(bindRow(ps, 0, row) + 1, row.id());
		});
	}

	/** Rows per joined UPDATE: 16 parameters each, far below MySQL's 65,535 per statement. */
	static final int JOINED_ROWS = 500;

	private static final String JOINED_FIRST = "SELECT ? AS id, ? AS status, ? AS start_time, ? AS finish_time,"
			+ " ? AS update_time, ? AS at_step, ? AS at_sub, ? AS placed, ? AS error_key, ? AS placed_too,"
			+ " ? AS error_line, ? AS stepped, ? AS sub_steps, ? AS stepped_too, ? AS running_since,"
			+ " ? AS sub_steps_at";

	private static final String JOINED_NEXT = " UNION ALL SELECT ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?";

	private void updateJoined(List<RecordRow> rows) {
		String values = JOINED_FIRST + JOINED_NEXT.repeat(rows.size() - 1);
		this.jdbcTemplate.update("""
				UPDATE instance_record r JOIN (%s) v ON r.id = v.id
				SET r.status = v.status, r.start_time = v.start_time, r.finish_time = v.finish_time,
				    r.update_time = COALESCE(v.update_time, r.update_time), r.at_step = COALESCE(v.at_step, r.at_step),
				    r.at_sub = COALESCE(v.at_sub, r.at_sub),
				    r.error_key = CASE WHEN v.placed = 1 THEN v.error_key ELSE r.error_key END,
				    r.error_line = CASE WHEN v.placed = 1 THEN v.error_line ELSE r.error_line END,
				    r.sub_steps = CASE WHEN v.stepped = 1 THEN v.sub_steps ELSE r.sub_steps END,
				    r.running_since = CASE WHEN v.stepped = 1 THEN v.running_since ELSE r.running_since END,
				    r.sub_steps_at = COALESCE(v.sub_steps_at, r.sub_steps_at)
				""".formatted(values), (ps) -> {
			int at = 0;
			for (RecordRow row : rows) {
				ps.setLong(++at, row.id());
				at = bindRow(ps, at, row);
			}
		});
	}

	/**
	 * Binds a row's values from {@code at + 1} on, in both statements' order (status, start_time, finish_time,
	 * update_time, at_step, at_sub, placed, error_key, placed, error_line, stepped, sub_steps, stepped, running_since,
	 * sub_steps_at); returns the last index bound.
	 */
	private static int bindRow(PreparedStatement ps, int at, RecordRow row) throws SQLException {
		RecordPlace place = row.place();
		boolean stepped = row.subSteps() != null;
		ps.setString(++at, row.progress().status().name());
		DbTime.bind(ps, ++at, row.progress().startTime());
		DbTime.bind(ps, ++at, row.progress().finishTime());
		DbTime.bind(ps, ++at, row.updateTime());
		ps.setObject(++at, (place != null) ? place.stepIndex() : null, Types.INTEGER);
		ps.setObject(++at, (place != null) ? place.subIndex() : null, Types.INTEGER);
		ps.setBoolean(++at, place != null);
		ps.setString(++at, (place != null) ? place.errorKey() : null);
		ps.setBoolean(++at, place != null);
		ps.setString(++at, (place != null) ? place.errorLine() : null);
		ps.setBoolean(++at, stepped);
		ps.setString(++at, stepped ? SubStepColumn.encode(row.subSteps()) : null);
		ps.setBoolean(++at, stepped);
		DbTime.bind(ps, ++at, stepped ? SubStepColumn.runningSince(row.subSteps()) : null);
		DbTime.bind(ps, ++at, stepped ? row.written() : null);
		return at;
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
