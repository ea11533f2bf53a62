package io.subwatch.subscription;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Sub-step states (a column of the record, {@link SubStepColumn}) and their log text. */
@Repository
public class SubStepDao {

	private final JdbcClient jdbc;

	private final JdbcTemplate jdbcTemplate;

	SubStepDao(JdbcClient jdbc, JdbcTemplate jdbcTemplate) {
		this.jdbc = jdbc;
		this.jdbcTemplate = jdbcTemplate;
	}

	/** The stored sub-steps of the records, by record id, each keyed by {@link RecordProgress#key}. */
	public Map<Long, Map<Integer, SubStepState>> findByRecordIds(Collection<Long> recordIds) {
		Map<Long, Map<Integer, SubStepState>> result = new HashMap<>(recordIds.size() * 2);
		for (IdBatches.Batch batch : IdBatches.of("id", recordIds)) {
			this.jdbc.sql("""
					SELECT id, sub_steps FROM instance_record WHERE %s AND sub_steps IS NOT NULL ORDER BY id
					""".formatted(batch.condition())).params(batch.params()).query((rs) -> {
				result.put(rs.getLong(1), SubStepColumn.decode(rs.getString(2)));
			});
		}
		return result;
	}

	/** Every stored sub-step state of one record (pending sub-steps have none). */
	public record States(long recordId, Collection<SubStepState> all) {
	}

	/**
	 * Replaces the records' sub-step states; {@code now} is the server's time of arrival (the zombie check reads it).
	 * Writers that also change a record's status or place write the states with them instead
	 * ({@link RecordPlaces#movedWithProgress}).
	 */
	public void writeAll(List<States> writes, Instant now) {
		this.jdbcTemplate.batchUpdate("""
				UPDATE instance_record SET sub_steps = ?, running_since = ?, sub_steps_at = ? WHERE id = ?
				""", writes, 1000, (ps, write) -> {
			ps.setString(1, SubStepColumn.encode(write.all()));
			DbTime.bind(ps, 2, SubStepColumn.runningSince(write.all()));
			DbTime.bind(ps, 3, now);
			ps.setLong(4, write.recordId());
		});
	}

	/** When each record last had a sub-step written, by the server's clock (for the zombie check). */
	public Map<Long, Instant> findLastActivity(Collection<Long> recordIds) {
		Map<Long, Instant> result = new HashMap<>(recordIds.size() * 2);
		for (IdBatches.Batch batch : IdBatches.of("id", recordIds)) {
			this.jdbc.sql("""
					SELECT id, sub_steps_at FROM instance_record WHERE %s AND sub_steps_at IS NOT NULL ORDER BY id
					""".formatted(batch.condition())).params(batch.params()).query((rs) -> {
				result.put(rs.getLong(1), DbTime.read(rs, 2));
			});
		}
		return result;
	}

	/**
	 * Log text an event brought for one sub-step, with the event's time (to the millisecond, as stored) and status,
	 * which place it in the log. Both are null only when an entry stored before entries had them is copied (retry_node
	 * carries earlier sub-steps' logs over), so the copy reads first, like the original.
	 */
	public record LogAppend(long recordId, int stepIndex, int subIndex, String text, Instant time, Status status) {

		public LogAppend {
			time = (time != null) ? time.truncatedTo(ChronoUnit.MILLIS) : null;
		}

	}

	/** Gives a stored entry an earlier event's time and status (the same text came again, from an earlier event). */
	public record LogMove(long recordId, int stepIndex, int subIndex, LogEntry entry, Instant time, Status status) {
	}

	/** Longest text of one stored chunk; longer log text continues in further chunks. */
	static final int CHUNK_CHARS = 16_000;

	private record Part(LogAppend log, boolean continued, String text) {
	}

	public void appendLogs(List<LogAppend> logs) {
		List<Part> parts = new ArrayList<>(logs.size());
		for (LogAppend log : logs) {
			String text = log.text();
			for (int from = 0; from == 0 || from < text.length(); from += CHUNK_CHARS) {
				parts.add(new Part(log, from > 0, text.substring(from, Math.min(text.length(), from + CHUNK_CHARS))));
			}
		}
		this.jdbcTemplate.batchUpdate("""
				INSERT INTO sub_step_log (record_id, step_index, sub_index, continued, text, event_time, status)
				VALUES (?, ?, ?, ?, ?, ?, ?)
				""", parts, 1000, (ps, part) -> {
			ps.setLong(1, part.log().recordId());
			ps.setInt(2, part.log().stepIndex());
			ps.setInt(3, part.log().subIndex());
			ps.setBoolean(4, part.continued());
			ps.setString(5, part.text());
			DbTime.bind(ps, 6, part.log().time());
			ps.setString(7, (part.log().status() != null) ? part.log().status().name() : null);
		});
	}

	public void moveLogs(List<LogMove> moves) {
		this.jdbcTemplate.batchUpdate("""
				UPDATE sub_step_log SET event_time = ?, status = ?
				WHERE record_id = ? AND step_index = ? AND sub_index = ? AND id BETWEEN ? AND ?
				""", moves, 1000, (ps, move) -> {
			DbTime.bind(ps, 1, move.time());
			ps.setString(2, move.status().name());
			ps.setLong(3, move.recordId());
			ps.setInt(4, move.stepIndex());
			ps.setInt(5, move.subIndex());
			ps.setLong(6, move.entry().firstId());
			ps.setLong(7, move.entry().lastId());
		});
	}

	/** Whole log text per record and sub-step key: the entries' texts joined by newlines, in log order. */
	public Map<Long, Map<Integer, String>> findLogs(Collection<Long> recordIds) {
		Map<Long, Map<Integer, String>> result = new HashMap<>();
		findLogEntries(recordIds).forEach((recordId, bySub) -> {
			Map<Integer, String> texts = new HashMap<>();
			bySub.forEach((key, entries) -> texts.put(key,
					String.join("\n", entries.stream().map(LogEntry::text).toList())));
			result.put(recordId, texts);
		});
		return result;
	}

	/** The stored entries per record and sub-step key, in log order ({@link LogEntry#ORDER}). */
	public Map<Long, Map<Integer, List<LogEntry>>> findLogEntries(Collection<Long> recordIds) {
		return findLogEntries(recordIds, "", Map.of());
	}

	/**
	 * The stored entries of the records' sub-steps at these step and sub-step indexes (a batch of events reports on a
	 * few sub-steps of many records: their other sub-steps' logs are not read), as {@link #findLogEntries(Collection)}.
	 */
	public Map<Long, Map<Integer, List<LogEntry>>> findLogEntries(Collection<Long> recordIds,
			Collection<Integer> stepIndexes, Collection<Integer> subIndexes) {
		return findLogEntries(recordIds, " AND step_index IN (:steps) AND sub_index IN (:subs)",
				Map.of("steps", stepIndexes, "subs", subIndexes));
	}

	private Map<Long, Map<Integer, List<LogEntry>>> findLogEntries(Collection<Long> recordIds, String subCondition,
			Map<String, Object> subParams) {
		Map<Long, Map<Integer, List<LogEntry>>> entries = new HashMap<>();
		for (IdBatches.Batch batch : IdBatches.of("record_id", recordIds)) {
			this.jdbc.sql("""
					SELECT record_id, step_index, sub_index, continued, text, event_time, status, id FROM sub_step_log
					WHERE %s%s ORDER BY record_id, step_index, sub_index, id
					""".formatted(batch.condition(), subCondition))
				.params(batch.params())
				.params(subParams)
				.query((rs) -> {
				List<LogEntry> list = entries.computeIfAbsent(rs.getLong(1), (id) -> new HashMap<>())
					.computeIfAbsent(RecordProgress.key(rs.getInt(2), rs.getInt(3)), (k) -> new ArrayList<>());
				long id = rs.getLong(8);
				if (rs.getBoolean(4) && !list.isEmpty()) {
					LogEntry last = list.get(list.size() - 1);
					list.set(list.size() - 1, new LogEntry(last.time(), last.status(), last.text() + rs.getString(5),
							last.firstId(), id));
				}
				else {
					String status = rs.getString(7);
					list.add(new LogEntry(DbTime.read(rs, 6), (status != null) ? Status.valueOf(status) : null,
							rs.getString(5), id, id));
				}
			});
		}
		entries.values().forEach((bySub) -> bySub.values().forEach((list) -> list.sort(LogEntry.ORDER)));
		return entries;
	}

}
