package io.subwatch.bench;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.subwatch.ingest.Event;
import io.subwatch.subscription.DatabaseKind;
import io.subwatch.subscription.DbTime;
import io.subwatch.subscription.RecordProgress;
import io.subwatch.subscription.Status;
import io.subwatch.subscription.SubStepColumn;
import io.subwatch.subscription.SubStepState;

import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * M9's SQL floor: the rows M9's events must change, written by plain JDBC, one transaction committed per 1,000
 * events, with nothing read and nothing checked. Per batch: a log row per success, and one row per record for its
 * sub-step states (the column's text, built before the clock starts), status, times and place, in the fastest form
 * each database has (one joined UPDATE on MySQL, batches on H2). What the application adds on top of it is its reads
 * (locks, stored sub-steps), its checks and counters, HTTP and JSON.
 */
final class IngestFloor {

	private final ConfigurableApplicationContext app;

	private final JdbcTemplate jdbc;

	private final TransactionTemplate transactions;

	private final boolean mysql;

	IngestFloor(ConfigurableApplicationContext app) {
		this.app = app;
		this.jdbc = app.getBean(JdbcTemplate.class);
		this.transactions = new TransactionTemplate(app.getBean(PlatformTransactionManager.class));
		this.mysql = app.getBean(DatabaseKind.class).mysql();
	}

	/** One log row. */
	private record LogRow(long recordId, int step, int sub, String text, Instant time) {
	}

	/** One record row as a batch leaves it, with its sub-step column's text and its running sub-step's start. */
	private record RecordRow(long id, Status status, Instant start, Instant finish, Instant update, int step, int sub,
			String subSteps, Instant runningSince) {
	}

	private record Batch(List<LogRow> logs, List<RecordRow> records) {
	}

	/** Writes a new task's events as the floor does: "N events/s (E events in S s)". */
	String measure(int hosts, long firstHostId) {
		List<Event> events = IngestWritePath.events(IngestWritePath.newTask(this.app, hosts, firstHostId));
		List<Batch> batches = batches(events);
		long start = System.nanoTime();
		for (Batch batch : batches) {
			this.transactions.executeWithoutResult((status) -> write(batch));
		}
		double seconds = (System.nanoTime() - start) / 1e9;
		return String.format(Locale.ROOT, "%,.0f events/s (%,d events in %.1f s)", events.size() / seconds,
				events.size(), seconds);
	}

	private static List<Batch> batches(List<Event> events) {
		List<Batch> batches = new ArrayList<>();
		Map<Long, Map<Integer, SubStepState>> states = new LinkedHashMap<>();
		for (int from = 0; from < events.size(); from += 1_000) {
			Batch batch = new Batch(new ArrayList<>(), new ArrayList<>());
			Map<Long, Event> lastEvents = new LinkedHashMap<>();
			for (Event event : events.subList(from, Math.min(events.size(), from + 1_000))) {
				int step = event.stepId().equals("agent") ? 0 : 1;
				int key = RecordProgress.key(step, event.subStep());
				Instant time = event.time();
				Map<Integer, SubStepState> record = states.computeIfAbsent(event.recordId(), (id) -> new HashMap<>());
				if (event.status() == Status.RUNNING) {
					record.put(key, new SubStepState(step, event.subStep(), Status.RUNNING, time, null));
				}
				else {
					record.put(key, new SubStepState(step, event.subStep(), event.status(), record.get(key).startTime(),
							time));
					batch.logs().add(new LogRow(event.recordId(), step, event.subStep(), event.log(), time));
				}
				lastEvents.put(event.recordId(), event);
			}
			lastEvents.forEach((recordId, event) -> {
				int step = event.stepId().equals("agent") ? 0 : 1;
				boolean last = step == 1 && event.subStep() == 3 && event.status() == Status.SUCCESS;
				Map<Integer, SubStepState> record = states.get(recordId);
				batch.records().add(new RecordRow(recordId, last ? Status.SUCCESS : Status.RUNNING,
						record.get(RecordProgress.key(0, 0)).startTime(), last ? event.time() : null, event.time(), step,
						event.subStep(), SubStepColumn.encode(record.values()), SubStepColumn.runningSince(record.values())));
			});
			batches.add(batch);
		}
		return batches;
	}

	private void write(Batch batch) {
		this.jdbc.batchUpdate("""
				INSERT INTO sub_step_log (record_id, step_index, sub_index, continued, text, event_time, status)
				VALUES (?, ?, ?, FALSE, ?, ?, 'SUCCESS')
				""", batch.logs(), 1000, (ps, row) -> {
			ps.setLong(1, row.recordId());
			ps.setInt(2, row.step());
			ps.setInt(3, row.sub());
			ps.setString(4, row.text());
			bind(ps, 5, row.time());
		});
		if (this.mysql) {
			updateJoined(batch.records());
		}
		else {
			this.jdbc.batchUpdate("""
					UPDATE instance_record SET status = ?, start_time = ?, finish_time = ?, update_time = ?,
					    at_step = ?, at_sub = ?, sub_steps = ?, running_since = ?, sub_steps_at = ?
					WHERE id = ?
					""", batch.records(), 1000, (ps, row) -> {
				ps.setString(1, row.status().name());
				bind(ps, 2, row.start());
				bind(ps, 3, row.finish());
				bind(ps, 4, row.update());
				ps.setInt(5, row.step());
				ps.setInt(6, row.sub());
				ps.setString(7, row.subSteps());
				bind(ps, 8, row.runningSince());
				bind(ps, 9, row.update());
				ps.setLong(10, row.id());
			});
		}
	}

	private void updateJoined(List<RecordRow> rows) {
		String values = "SELECT ? AS id, ? AS status, ? AS start_time, ? AS finish_time, ? AS update_time,"
				+ " ? AS at_step, ? AS at_sub, ? AS sub_steps, ? AS running_since"
				+ " UNION ALL SELECT ?, ?, ?, ?, ?, ?, ?, ?, ?".repeat(rows.size() - 1);
		this.jdbc.update("""
				UPDATE instance_record r JOIN (%s) v ON r.id = v.id
				SET r.status = v.status, r.start_time = v.start_time, r.finish_time = v.finish_time,
				    r.update_time = v.update_time, r.at_step = v.at_step, r.at_sub = v.at_sub,
				    r.sub_steps = v.sub_steps, r.running_since = v.running_since, r.sub_steps_at = v.update_time
				""".formatted(values), (ps) -> {
			int at = 0;
			for (RecordRow row : rows) {
				ps.setLong(++at, row.id());
				ps.setString(++at, row.status().name());
				bind(ps, ++at, row.start());
				bind(ps, ++at, row.finish());
				bind(ps, ++at, row.update());
				ps.setInt(++at, row.step());
				ps.setInt(++at, row.sub());
				ps.setString(++at, row.subSteps());
				bind(ps, ++at, row.runningSince());
			}
		});
	}

	private static void bind(PreparedStatement ps, int index, Instant instant) throws SQLException {
		ps.setObject(index, DbTime.toDb(instant), Types.TIMESTAMP);
	}

}
