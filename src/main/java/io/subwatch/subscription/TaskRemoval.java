package io.subwatch.subscription;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Removes the records of a task whose creation failed, as NodeMan does: the records each replaced become their
 * instances' latest again, and the counters follow. Runs in the caller's transaction, which holds the subscription lock.
 */
@Component
public class TaskRemoval {

	private final JdbcClient jdbc;

	private final InstanceRecordDao records;

	private final TaskDao tasks;

	private final CounterDao counters;

	private final RecordPlaces places;

	TaskRemoval(JdbcClient jdbc, InstanceRecordDao records, TaskDao tasks, CounterDao counters,
			RecordPlaces places) {
		this.places = places;
		this.jdbc = jdbc;
		this.records = records;
		this.tasks = tasks;
		this.counters = counters;
	}

	@Transactional(propagation = Propagation.MANDATORY)
	public void removeRecords(long subscriptionId, long taskId) {
		long after = 0;
		List<InstanceRecord> chunk;
		while (!(chunk = this.records.findAllByTask(taskId, after, InstanceRecordDao.CHUNK)).isEmpty()) {
			after = chunk.get(chunk.size() - 1).id();
			removeChunk(subscriptionId, taskId, chunk);
		}
	}

	private void removeChunk(long subscriptionId, long taskId, List<InstanceRecord> chunk) {
		List<String> latestInstances = chunk.stream().filter(InstanceRecord::latest).map(InstanceRecord::instanceId).toList();
		List<Long> previousIds = latestInstances.isEmpty() ? List.of() : this.jdbc.sql("""
				SELECT MAX(id) FROM instance_record
				WHERE instance_id IN (:instanceIds) AND subscription_id = :subscriptionId AND task_id <> :taskId
				GROUP BY instance_id ORDER BY MAX(id)
				""")
			.param("instanceIds", latestInstances)
			.param("subscriptionId", subscriptionId)
			.param("taskId", taskId)
			.query(Long.class)
			.list();
		Map<Long, InstanceRecord> previous = this.records.findByIds(previousIds);
		// One sorted lock call for every task involved, the same order event batches use.
		this.tasks.lockAll(Stream.concat(Stream.of(taskId), previous.values().stream().map(InstanceRecord::taskId))
			.toList());
		Map<Long, InstanceRecord> locked = this.records.findByIds(chunk.stream().map(InstanceRecord::id).toList());
		previous = this.records.findByIds(previousIds);
		CounterDeltas deltas = new CounterDeltas();
		for (InstanceRecord record : locked.values()) {
			deltas.move(record.id(), taskId, subscriptionId, record.latest(), record.status(), null);
		}
		for (InstanceRecord restored : previous.values()) {
			deltas.joinLatest(restored.id(), subscriptionId, restored.status());
		}
		List<Long> ids = new ArrayList<>(locked.keySet());
		// counters first, then places, as every writer does; both before the rows (and their places) go
		this.counters.apply(deltas);
		this.places.removed(locked.values(), previous.values());
		this.records.setLatest(new ArrayList<>(previous.keySet()));
		deleteRows(ids);
		this.tasks.addInstanceCount(taskId, -ids.size());
	}

	/**
	 * Removes up to {@code limit} records of a task that are no longer their instances' latest (retention of old
	 * tasks): nothing anyone sees as current changes, only the task's own counters and instance count follow. Locks the
	 * task like every other writer of its records. Returns how many records went; 0 when none are left.
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public int removeSupersededRecords(long subscriptionId, long taskId, int limit) {
		this.tasks.lockAll(List.of(taskId));
		List<InstanceRecord> chunk = this.jdbc.sql("SELECT " + InstanceRecordDao.COLUMNS + " " + """
				FROM instance_record WHERE task_id = :taskId AND is_latest = FALSE ORDER BY task_id, id LIMIT :limit
				""").param("taskId", taskId).param("limit", limit).query(InstanceRecordDao.MAPPER).list();
		if (chunk.isEmpty()) {
			return 0;
		}
		CounterDeltas deltas = new CounterDeltas();
		chunk.forEach((record) -> deltas.move(record.id(), taskId, subscriptionId, false, record.status(), null));
		this.counters.apply(deltas);
		this.places.removed(chunk, List.of());
		deleteRows(chunk.stream().map(InstanceRecord::id).toList());
		this.tasks.addInstanceCount(taskId, -chunk.size());
		return chunk.size();
	}

	/** Deletes records and everything kept per record. */
	private void deleteRows(List<Long> ids) {
		for (String table : List.of("sub_step_log", "record_host_status")) {
			this.jdbc.sql("DELETE FROM " + table + " WHERE record_id IN (:ids)").param("ids", ids).update();
		}
		this.jdbc.sql("DELETE FROM instance_info WHERE record_id IN (:ids)").param("ids", ids).update();
		this.jdbc.sql("DELETE FROM instance_record WHERE id IN (:ids)").param("ids", ids).update();
	}

}
