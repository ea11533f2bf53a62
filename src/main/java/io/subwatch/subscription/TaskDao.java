package io.subwatch.subscription;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

@Repository
public class TaskDao {

	private static final String COLUMNS = """
			id, subscription_id, is_ready, err_msg, is_auto_trigger, pipeline_id, created_by, created_at, instance_count,
			is_partial
			""";

	private static final RowMapper<Task> MAPPER = (rs, n) -> new Task(rs.getLong("id"), rs.getLong("subscription_id"),
			rs.getBoolean("is_ready"), rs.getString("err_msg"), rs.getBoolean("is_auto_trigger"),
			rs.getString("pipeline_id"), rs.getString("created_by"), DbTime.read(rs, "created_at"),
			rs.getInt("instance_count"), rs.getBoolean("is_partial"));

	private final JdbcClient jdbc;

	TaskDao(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Inserts a full task (one that sets the scope once ready): see {@link #insert(long, boolean, boolean, boolean, String, Instant, Instant)}. */
	public long insert(long subscriptionId, boolean ready, boolean autoTrigger, String createdBy, Instant createdAt,
			Instant now) {
		return insert(subscriptionId, ready, autoTrigger, false, createdBy, createdAt, now);
	}

	/**
	 * Inserts a task with zeroed counters and makes it its subscription's latest. {@code createdAt} may be a mirrored
	 * system's time; {@code now} (the server's) starts the silence the zombie check measures.
	 * @param partial a task for a subset of the subscription's instances, which never becomes its scope
	 */
	public long insert(long subscriptionId, boolean ready, boolean autoTrigger, boolean partial, String createdBy,
			Instant createdAt, Instant now) {
		KeyHolder keys = new GeneratedKeyHolder();
		this.jdbc.sql("""
				INSERT INTO subscription_task (subscription_id, is_ready, err_msg, is_auto_trigger, is_partial,
				                               pipeline_id, created_by, created_at, instance_count, last_event_at)
				VALUES (:subscriptionId, :ready, NULL, :autoTrigger, :partial, :pipelineId, :createdBy, :createdAt, 0,
				        :now)
				""")
			.param("subscriptionId", subscriptionId)
			.param("ready", ready)
			.param("autoTrigger", autoTrigger)
			.param("partial", partial)
			.param("pipelineId", UUID.randomUUID().toString().replace("-", ""))
			.param("createdBy", createdBy)
			.param("createdAt", DbTime.toDb(createdAt))
			.param("now", DbTime.toDb(now))
			.update(keys, "id");
		long id = keys.getKey().longValue();
		for (Status status : Status.RECORD_STATUSES) {
			this.jdbc.sql("INSERT INTO task_status_count (task_id, status, cnt) VALUES (:id, :status, 0)")
				.param("id", id)
				.param("status", status.name())
				.update();
		}
		this.jdbc.sql("UPDATE subscription SET latest_task_id = :id WHERE id = :subscriptionId")
			.param("id", id)
			.param("subscriptionId", subscriptionId)
			.update();
		return id;
	}

	public Optional<Task> findById(long id) {
		return this.jdbc.sql("SELECT " + COLUMNS + " FROM subscription_task WHERE id = :id")
			.param("id", id)
			.query(MAPPER)
			.optional();
	}

	/** The subscription's newest task: the one task_result reads when no task_id_list is given. */
	public Optional<Task> findNewest(long subscriptionId) {
		return this.jdbc.sql("SELECT " + COLUMNS + """
				FROM subscription_task WHERE subscription_id = :subscriptionId ORDER BY id DESC LIMIT 1
				""").param("subscriptionId", subscriptionId).query(MAPPER).optional();
	}

	/**
	 * The subscription's scope task (see {@link SubscriptionScope}): its newest full task whose creation finished
	 * without error. Reads {@code ix_subscription_task_scope} backwards, passing only tasks still being built.
	 */
	Optional<Task> findScopeTask(long subscriptionId) {
		return this.jdbc.sql("SELECT " + COLUMNS + """
				FROM subscription_task
				WHERE subscription_id = :subscriptionId AND is_partial = FALSE AND is_ready = TRUE AND err_msg IS NULL
				ORDER BY subscription_id DESC, is_partial DESC, id DESC LIMIT 1
				""").param("subscriptionId", subscriptionId).query(MAPPER).optional();
	}

	/** Tasks of the subscription among {@code ids}, newest first. */
	public List<Task> findAllByIds(long subscriptionId, Collection<Long> ids) {
		if (ids.isEmpty()) {
			return List.of();
		}
		return this.jdbc.sql("SELECT " + COLUMNS + """
				FROM subscription_task WHERE subscription_id = :subscriptionId AND id IN (:ids) ORDER BY id DESC
				""").param("subscriptionId", subscriptionId).param("ids", ids).query(MAPPER).list();
	}

	/** The newest {@code limit} tasks of a subscription, newest first. */
	public List<Task> findAllBySubscription(long subscriptionId, int limit) {
		return this.jdbc.sql("SELECT " + COLUMNS + """
				FROM subscription_task WHERE subscription_id = :subscriptionId ORDER BY id DESC LIMIT :limit
				""").param("subscriptionId", subscriptionId).param("limit", limit).query(MAPPER).list();
	}

	/**
	 * Locks task rows in ascending id until the transaction ends, and counts a change on each. Whoever changes a
	 * record's progress or latest flag holds the lock of the record's task first: event batches, revoke, the zombie
	 * check and task creation; so every such change moves {@link #changeStamp}.
	 */
	public void lockAll(Collection<Long> ids) {
		List<Long> sorted = ids.stream().distinct().sorted().toList();
		if (!sorted.isEmpty()) {
			this.jdbc.sql("SELECT id FROM subscription_task WHERE id IN (:ids) ORDER BY id FOR UPDATE")
				.param("ids", sorted)
				.query(Long.class)
				.list();
			// The rows are locked already, in order: this update takes no new locks.
			this.jdbc.sql("UPDATE subscription_task SET change_count = change_count + 1 WHERE id IN (:ids)")
				.param("ids", sorted)
				.update();
		}
	}

	/** A subscription's business and its {@linkplain #changeStamp change stamp}. */
	public record ChangeStamp(long bkBizId, String stamp) {
	}

	/**
	 * What changes whenever anything of the subscription's tasks does (a task added, removed, made ready, given
	 * records, or any of its records locked for a change): equal stamps mean nothing shown on its pages can differ.
	 * Read it before the data it stands for, so a change committed in between makes the stamp older, never newer.
	 * One statement, with the business for the access check, so an idle live poll costs one round trip.
	 */
	public Optional<ChangeStamp> changeStamp(long subscriptionId) {
		return this.jdbc.sql("""
				SELECT s.bk_biz_id, COUNT(t.id), COALESCE(MAX(t.id), 0), COALESCE(SUM(t.change_count), 0)
				FROM subscription s LEFT JOIN subscription_task t ON t.subscription_id = s.id
				WHERE s.id = :subscriptionId
				GROUP BY s.bk_biz_id
				""")
			.param("subscriptionId", subscriptionId)
			.query((rs, n) -> new ChangeStamp(rs.getLong(1), rs.getLong(2) + "." + rs.getLong(3) + "." + rs.getLong(4)))
			.optional();
	}

	/** Notes that the tasks received events now (the zombie check fails tasks that stay silent). */
	public void touch(Collection<Long> ids, Instant now) {
		if (!ids.isEmpty()) {
			this.jdbc.sql("UPDATE subscription_task SET last_event_at = :now WHERE id IN (:ids)")
				.param("now", DbTime.toDb(now))
				.param("ids", ids)
				.update();
		}
	}

	/**
	 * Ready tasks with pending or running records whose last event (or creation, or readiness) is older than
	 * {@code cutoff}: abandoned work. Tasks still being built are not abandoned.
	 */
	public List<Long> findSilentActive(Instant cutoff, int limit) {
		return this.jdbc.sql("""
				SELECT t.id FROM subscription_task t
				WHERE t.last_event_at < :cutoff AND t.is_ready = TRUE AND t.err_msg IS NULL
				  AND EXISTS (SELECT 1 FROM task_status_count c
				              WHERE c.task_id = t.id AND c.status IN ('PENDING', 'RUNNING') AND c.cnt > 0)
				ORDER BY t.id LIMIT :limit
				""").param("cutoff", DbTime.toDb(cutoff)).param("limit", limit).query(Long.class).list();
	}

	/** Tasks with records still running: where the zombie check looks for stuck hosts. */
	public List<Long> findRunning(int limit) {
		return this.jdbc.sql("""
				SELECT task_id FROM task_status_count WHERE status = 'RUNNING' AND cnt > 0 ORDER BY task_id LIMIT :limit
				""").param("limit", limit).query(Long.class).list();
	}

	public void markReady(long id, String errMsg, Instant now) {
		this.jdbc.sql("""
				UPDATE subscription_task SET is_ready = TRUE, err_msg = :errMsg, last_event_at = :now,
				  change_count = change_count + 1
				WHERE id = :id
				""").param("errMsg", errMsg).param("now", DbTime.toDb(now)).param("id", id).update();
	}

	public void addInstanceCount(long id, int added) {
		this.jdbc.sql("""
				UPDATE subscription_task SET instance_count = instance_count + :added, change_count = change_count + 1
				WHERE id = :id
				""")
			.param("added", added)
			.param("id", id)
			.update();
	}

	/**
	 * Ready tasks that still have PENDING records, oldest first: work for an external executor.
	 * @param subscriptionId only this subscription's tasks, or null for all
	 * @param bizIds only subscriptions of these businesses, or null for all
	 */
	public List<PendingTask> findPending(Long subscriptionId, Collection<Long> bizIds, int limit) {
		if (bizIds != null && bizIds.isEmpty()) {
			return List.of();
		}
		String oneSubscription = (subscriptionId != null) ? "AND t.subscription_id = :subscriptionId" : "";
		String businesses = (bizIds != null) ? "AND s.bk_biz_id IN (:bizIds)" : "";
		return this.jdbc.sql("""
				SELECT t.id, t.subscription_id, t.created_at, t.is_auto_trigger, c.cnt
				FROM subscription_task t
				JOIN task_status_count c ON c.task_id = t.id AND c.status = 'PENDING'
				JOIN subscription s ON s.id = t.subscription_id
				WHERE t.is_ready = TRUE AND t.err_msg IS NULL AND c.cnt > 0 %s %s
				ORDER BY t.id
				LIMIT :limit
				""".formatted(oneSubscription, businesses))
			.param("subscriptionId", subscriptionId)
			.param("bizIds", bizIds)
			.param("limit", limit)
			.query((rs, n) -> new PendingTask(rs.getLong(1), rs.getLong(2), DbTime.read(rs, 3), rs.getBoolean(4),
					rs.getInt(5)))
			.list();
	}

	/** A task with work left, as the pending listing shows it. */
	public record PendingTask(long taskId, long subscriptionId, Instant createdAt, boolean isAutoTrigger,
			int pendingCount) {
	}

}
