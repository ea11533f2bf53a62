package io.subwatch.subscription;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
public class InstanceRecordDao {

	/** Largest IN list sent in one statement; longer lists are split. */
	public static final int CHUNK = 1000;

	static final String COLUMNS = """
			id, subscription_id, task_id, instance_id, plan_id, status, is_latest, create_time, start_time,
			finish_time, update_time, bk_host_id, bk_host_innerip, bk_host_innerip_v6, bk_cloud_id, bk_host_name,
			bk_biz_id, service_name, simple_info""";

	public static final RowMapper<InstanceRecord> MAPPER = InstanceRecordDao::map;

	private final JdbcClient jdbc;

	private final JdbcTemplate jdbcTemplate;

	InstanceRecordDao(JdbcClient jdbc, JdbcTemplate jdbcTemplate) {
		this.jdbc = jdbc;
		this.jdbcTemplate = jdbcTemplate;
	}

	static InstanceRecord map(ResultSet rs, int row) throws SQLException {
		return new InstanceRecord(rs.getLong("id"), rs.getLong("subscription_id"), rs.getLong("task_id"),
				rs.getString("instance_id"), rs.getLong("plan_id"), Status.valueOf(rs.getString("status")),
				rs.getBoolean("is_latest"), DbTime.read(rs, "create_time"), DbTime.read(rs, "start_time"),
				DbTime.read(rs, "finish_time"), DbTime.read(rs, "update_time"), rs.getObject("bk_host_id", Long.class),
				rs.getString("bk_host_innerip"), rs.getString("bk_host_innerip_v6"),
				rs.getObject("bk_cloud_id", Long.class), rs.getString("bk_host_name"),
				rs.getObject("bk_biz_id", Long.class), rs.getString("service_name"), rs.getString("simple_info"));
	}

	/**
	 * Inserts PENDING records of a task as their instances' latest, with their full instance_info; returns the new
	 * record ids by instance id. The caller has already cleared the previous latest flags.
	 */
	public Map<String, Long> insertAll(long subscriptionId, long taskId, List<NewRecord> records, Instant now) {
		Map<String, Long> ids = new HashMap<>(records.size() * 2);
		for (int from = 0; from < records.size(); from += CHUNK) {
			List<NewRecord> chunk = records.subList(from, Math.min(records.size(), from + CHUNK));
			// The caller holds the subscription lock, so the task's rows above its current highest id are this
			// chunk's: read them through (task_id, id) instead of an IN list H2 filters row by row.
			long before = this.jdbc.sql("SELECT COALESCE(MAX(id), 0) FROM instance_record WHERE task_id = :taskId")
				.param("taskId", taskId)
				.query(Long.class)
				.single();
			insertChunk(subscriptionId, taskId, chunk, now);
			this.jdbc.sql("""
					SELECT id, instance_id FROM instance_record
					WHERE task_id = :taskId AND id > :before ORDER BY id
					""")
				.param("taskId", taskId)
				.param("before", before)
				.query((rs) -> {
					ids.put(rs.getString(2), rs.getLong(1));
				});
			this.jdbcTemplate.batchUpdate("INSERT INTO instance_info (record_id, info) VALUES (?, ?)", chunk, chunk.size(),
					(ps, record) -> {
						ps.setLong(1, ids.get(record.instanceId()));
						ps.setString(2, record.fullInfo());
					});
		}
		return ids;
	}

	private void insertChunk(long subscriptionId, long taskId, List<NewRecord> chunk, Instant now) {
		this.jdbcTemplate.batchUpdate("""
				INSERT INTO instance_record (subscription_id, task_id, instance_id, plan_id, status, is_latest,
				  create_time, update_time, bk_host_id, bk_host_innerip, bk_host_innerip_v6, bk_cloud_id, bk_host_name,
				  bk_biz_id, service_name, simple_info)
				VALUES (?, ?, ?, ?, 'PENDING', TRUE, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
				""", chunk, chunk.size(), (ps, record) -> {
			ps.setLong(1, subscriptionId);
			ps.setLong(2, taskId);
			ps.setString(3, record.instanceId());
			ps.setLong(4, record.planId());
			DbTime.bind(ps, 5, now);
			DbTime.bind(ps, 6, now);
			ps.setObject(7, record.bkHostId(), Types.BIGINT);
			ps.setString(8, record.innerIp());
			ps.setString(9, record.innerIpV6());
			ps.setObject(10, record.bkCloudId(), Types.BIGINT);
			ps.setString(11, record.hostName());
			ps.setObject(12, record.bkBizId(), Types.BIGINT);
			ps.setString(13, record.serviceName());
			ps.setString(14, record.simpleInfo());
		});
	}

	/** The current latest records of these instances (ascending id). */
	public List<InstanceRecord> findLatest(long subscriptionId, Collection<String> instanceIds) {
		List<InstanceRecord> result = new ArrayList<>();
		for (List<String> chunk : chunks(new ArrayList<>(instanceIds))) {
			result.addAll(this.jdbc.sql("SELECT " + COLUMNS + """
					 FROM instance_record
					WHERE instance_id IN (:instanceIds) AND subscription_id = :subscriptionId AND is_latest = TRUE
					ORDER BY id
					""").param("subscriptionId", subscriptionId).param("instanceIds", chunk).query(MAPPER).list());
		}
		return result;
	}

	public void clearLatest(Collection<Long> recordIds) {
		for (List<Long> chunk : chunks(new ArrayList<>(recordIds))) {
			this.jdbc.sql("UPDATE instance_record SET is_latest = FALSE WHERE id IN (:ids)").param("ids", chunk).update();
		}
	}

	public void setLatest(Collection<Long> recordIds) {
		for (List<Long> chunk : chunks(new ArrayList<>(recordIds))) {
			this.jdbc.sql("UPDATE instance_record SET is_latest = TRUE WHERE id IN (:ids)").param("ids", chunk).update();
		}
	}

	/** Records of a task with an id above {@code afterId}, ascending. */
	public List<InstanceRecord> findAllByTask(long taskId, long afterId, int limit) {
		return this.jdbc.sql("SELECT " + COLUMNS + """
				 FROM instance_record WHERE task_id = :taskId AND id > :afterId ORDER BY id LIMIT :limit
				""").param("taskId", taskId).param("afterId", afterId).param("limit", limit).query(MAPPER).list();
	}

	/** Which of these instances already have a record in the task. */
	public List<String> findInstancesOfTask(long taskId, List<String> instanceIds) {
		List<String> found = new ArrayList<>();
		for (List<String> chunk : chunks(instanceIds)) {
			found.addAll(this.jdbc.sql("""
					SELECT instance_id FROM instance_record WHERE instance_id IN (:instanceIds) AND task_id = :taskId
					ORDER BY instance_id
					""").param("instanceIds", chunk).param("taskId", taskId).query(String.class).list());
		}
		return found;
	}

	/** Who a record belongs to: its subscription (whose writers may change it) and its task (which locks it). */
	public record Owner(long subscriptionId, long taskId) {
	}

	/** The subscription and task of each record, by record id (unknown ids are absent; a record never moves). */
	public Map<Long, Owner> findOwners(Collection<Long> recordIds) {
		Map<Long, Owner> result = new HashMap<>(recordIds.size() * 2);
		for (IdBatches.Batch batch : IdBatches.of("id", recordIds)) {
			this.jdbc.sql("SELECT id, subscription_id, task_id FROM instance_record WHERE " + batch.condition()
					+ " ORDER BY id")
				.params(batch.params())
				.query((rs) -> {
					result.put(rs.getLong(1), new Owner(rs.getLong(2), rs.getLong(3)));
				});
		}
		return result;
	}

	/** The tasks of these records (a record never changes task), to lock before touching the records. */
	public List<Long> findTaskIds(Collection<Long> recordIds) {
		List<Long> taskIds = new ArrayList<>();
		for (IdBatches.Batch batch : IdBatches.of("id", recordIds)) {
			taskIds.addAll(this.jdbc.sql("SELECT DISTINCT task_id FROM instance_record WHERE " + batch.condition()
					+ " ORDER BY task_id")
				.params(batch.params())
				.query(Long.class)
				.list());
		}
		return taskIds.stream().distinct().sorted().toList();
	}

	/** Records by id; unknown ids are absent. Call with their tasks locked to read a state nobody else is changing. */
	public Map<Long, InstanceRecord> findByIds(Collection<Long> recordIds) {
		Map<Long, InstanceRecord> result = new HashMap<>(recordIds.size() * 2);
		for (IdBatches.Batch batch : IdBatches.of("id", recordIds)) {
			this.jdbc.sql("SELECT " + COLUMNS + " FROM instance_record WHERE " + batch.condition() + " ORDER BY id")
				.params(batch.params())
				.query(MAPPER)
				.list()
				.forEach((record) -> result.put(record.id(), record));
		}
		return result;
	}

	/** Records by id, in the order of {@code recordIds}. */
	public List<InstanceRecord> findAllByIds(List<Long> recordIds) {
		return inOrder(recordIds, findByIds(recordIds));
	}

	/** The found values in the order of {@code ids}; ids not found are left out. */
	private static <T> List<T> inOrder(List<Long> ids, Map<Long, T> found) {
		List<T> ordered = new ArrayList<>(ids.size());
		for (Long id : ids) {
			T value = found.get(id);
			if (value != null) {
				ordered.add(value);
			}
		}
		return ordered;
	}

	/**
	 * A record with its sub-step states (keyed by {@link RecordProgress#key}; empty when every one is pending) and its
	 * place.
	 */
	public record WithSubSteps(InstanceRecord record, Map<Integer, SubStepState> subSteps, RecordPlace place) {
	}

	/**
	 * Records with their sub-step states and places, by id (unknown ids are absent): one read of the records' rows,
	 * which hold their states ({@link SubStepColumn}). Call with their tasks locked to read a state nobody else is
	 * changing.
	 */
	public Map<Long, WithSubSteps> findWithSubSteps(Collection<Long> recordIds) {
		Map<Long, WithSubSteps> byId = new HashMap<>(recordIds.size() * 2);
		for (IdBatches.Batch batch : IdBatches.of("id", recordIds)) {
			this.jdbc.sql("SELECT " + COLUMNS + ", sub_steps, at_step, at_sub, error_key, error_line"
					+ " FROM instance_record WHERE " + batch.condition() + " ORDER BY id")
				.params(batch.params())
				.query((rs) -> {
					InstanceRecord record = map(rs, 0);
					byId.put(record.id(), new WithSubSteps(record, SubStepColumn.decode(rs.getString("sub_steps")),
							new RecordPlace(rs.getInt("at_step"), rs.getInt("at_sub"), rs.getString("error_key"),
									rs.getString("error_line"))));
				});
		}
		return byId;
	}

	/** As {@link #findWithSubSteps}, in the order of {@code recordIds}. */
	public List<WithSubSteps> findAllWithSubSteps(List<Long> recordIds) {
		return inOrder(recordIds, findWithSubSteps(recordIds));
	}

	/** The full instance_info of records, by record id. */
	public Map<Long, String> findInstanceInfo(Collection<Long> recordIds) {
		Map<Long, String> result = new HashMap<>(recordIds.size() * 2);
		for (IdBatches.Batch batch : IdBatches.of("record_id", recordIds)) {
			this.jdbc.sql("SELECT record_id, info FROM instance_info WHERE " + batch.condition() + " ORDER BY record_id")
				.params(batch.params())
				.query((rs) -> {
					result.put(rs.getLong(1), rs.getString(2));
				});
		}
		return result;
	}

	/**
	 * The newest record of an instance: among {@code taskIds} when given, else its latest in the subscription.
	 */
	public java.util.Optional<InstanceRecord> findNewest(long subscriptionId, String instanceId,
			Collection<Long> taskIds) {
		String tasks = (taskIds != null) ? "AND task_id IN (:taskIds)" : "AND is_latest = TRUE";
		return this.jdbc.sql("SELECT " + COLUMNS + """
				 FROM instance_record
				WHERE subscription_id = :subscriptionId AND instance_id = :instanceId %s
				ORDER BY id DESC LIMIT 1
				""".formatted(tasks))
			.param("subscriptionId", subscriptionId)
			.param("instanceId", instanceId)
			.param("taskIds", taskIds)
			.query(MAPPER)
			.optional();
	}

	/** An instance's records over all tasks of its subscription, newest first: its attempt history. */
	public List<InstanceRecord> findHistory(long subscriptionId, String instanceId, int limit) {
		return this.jdbc.sql("SELECT " + COLUMNS + """
				 FROM instance_record
				WHERE subscription_id = :subscriptionId AND instance_id = :instanceId
				ORDER BY id DESC LIMIT :limit
				""")
			.param("subscriptionId", subscriptionId)
			.param("instanceId", instanceId)
			.param("limit", limit)
			.query(MAPPER)
			.list();
	}

	/** Records of a task in one status with an id above {@code afterId}, ascending: work lists for executors. */
	public List<InstanceRecord> findAllByTaskAndStatus(long taskId, Status status, long afterId, int limit) {
		return this.jdbc.sql("SELECT " + COLUMNS + """
				 FROM instance_record
				WHERE task_id = :taskId AND status = :status AND id > :afterId
				ORDER BY id LIMIT :limit
				""")
			.param("taskId", taskId)
			.param("status", status.name())
			.param("afterId", afterId)
			.param("limit", limit)
			.query(MAPPER)
			.list();
	}

	public static <T> List<List<T>> chunks(List<T> all) {
		return chunks(all, CHUNK);
	}

	public static <T> List<List<T>> chunks(List<T> all, int size) {
		List<List<T>> chunks = new ArrayList<>();
		for (int from = 0; from < all.size(); from += size) {
			chunks.add(all.subList(from, Math.min(all.size(), from + size)));
		}
		return chunks;
	}

}
