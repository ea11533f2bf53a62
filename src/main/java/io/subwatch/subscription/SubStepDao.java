package io.subwatch.subscription;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Sub-step states and their log text. */
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
		for (List<Long> chunk : InstanceRecordDao.chunks(new ArrayList<>(recordIds))) {
			this.jdbc.sql("""
					SELECT record_id, step_index, sub_index, status, start_time, finish_time
					FROM record_sub_step WHERE record_id IN (:ids)
					ORDER BY record_id, step_index, sub_index
					""").param("ids", chunk).query((rs) -> {
				SubStepState state = new SubStepState(rs.getInt(2), rs.getInt(3), Status.valueOf(rs.getString(4)),
						DbTime.read(rs, 5), DbTime.read(rs, 6));
				result.computeIfAbsent(rs.getLong(1), (id) -> new HashMap<>())
					.put(RecordProgress.key(state.stepIndex(), state.subIndex()), state);
			});
		}
		return result;
	}

	/** A sub-step state to write for a record. */
	public record Write(long recordId, SubStepState state) {
	}

	public void insertAll(List<Write> writes) {
		this.jdbcTemplate.batchUpdate("""
				INSERT INTO record_sub_step (record_id, step_index, sub_index, status, start_time, finish_time)
				VALUES (?, ?, ?, ?, ?, ?)
				""", writes, 1000, (ps, write) -> {
			ps.setLong(1, write.recordId());
			ps.setInt(2, write.state().stepIndex());
			ps.setInt(3, write.state().subIndex());
			ps.setString(4, write.state().status().name());
			ps.setTimestamp(5, DbTime.timestamp(write.state().startTime()));
			ps.setTimestamp(6, DbTime.timestamp(write.state().finishTime()));
		});
	}

	public void updateAll(List<Write> writes) {
		this.jdbcTemplate.batchUpdate("""
				UPDATE record_sub_step SET status = ?, start_time = ?, finish_time = ?
				WHERE record_id = ? AND step_index = ? AND sub_index = ?
				""", writes, 1000, (ps, write) -> {
			ps.setString(1, write.state().status().name());
			ps.setTimestamp(2, DbTime.timestamp(write.state().startTime()));
			ps.setTimestamp(3, DbTime.timestamp(write.state().finishTime()));
			ps.setLong(4, write.recordId());
			ps.setInt(5, write.state().stepIndex());
			ps.setInt(6, write.state().subIndex());
		});
	}

	/** A chunk of log text for one sub-step. */
	public record LogAppend(long recordId, int stepIndex, int subIndex, String text) {
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
				INSERT INTO sub_step_log (record_id, step_index, sub_index, continued, text) VALUES (?, ?, ?, ?, ?)
				""", parts, 1000, (ps, part) -> {
			ps.setLong(1, part.log().recordId());
			ps.setInt(2, part.log().stepIndex());
			ps.setInt(3, part.log().subIndex());
			ps.setBoolean(4, part.continued());
			ps.setString(5, part.text());
		});
	}

	/** Whole log text per record and sub-step key: the chunks joined by newlines, in the order they arrived. */
	public Map<Long, Map<Integer, String>> findLogs(Collection<Long> recordIds) {
		Map<Long, Map<Integer, StringBuilder>> logs = new HashMap<>();
		for (List<Long> chunk : InstanceRecordDao.chunks(new ArrayList<>(recordIds))) {
			this.jdbc.sql("""
					SELECT record_id, step_index, sub_index, continued, text FROM sub_step_log
					WHERE record_id IN (:ids) ORDER BY record_id, step_index, sub_index, id
					""").param("ids", chunk).query((rs) -> {
				StringBuilder text = logs.computeIfAbsent(rs.getLong(1), (id) -> new HashMap<>())
					.computeIfAbsent(RecordProgress.key(rs.getInt(2), rs.getInt(3)), (k) -> new StringBuilder());
				if (!text.isEmpty() && !rs.getBoolean(4)) {
					text.append('\n');
				}
				text.append(rs.getString(5));
			});
		}
		Map<Long, Map<Integer, String>> result = new HashMap<>(logs.size() * 2);
		logs.forEach((recordId, bySub) -> {
			Map<Integer, String> texts = new HashMap<>();
			bySub.forEach((key, text) -> texts.put(key, text.toString()));
			result.put(recordId, texts);
		});
		return result;
	}

}
