package io.subwatch.subscription;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import io.subwatch.subscription.Subscription.SubscriptionStep;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

@Repository
public class SubscriptionDao {

	private final JdbcClient jdbc;

	SubscriptionDao(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Inserts the subscription with its steps and its zeroed counters; returns the new id. */
	public long insert(String name, long bkBizId, String objectType, String nodeType, String category,
			String pluginName, String owner, String createdBy, Instant createdAt, List<SubscriptionStep> steps) {
		KeyHolder keys = new GeneratedKeyHolder();
		this.jdbc.sql("""
				INSERT INTO subscription (name, bk_biz_id, object_type, node_type, category, plugin_name, owner,
				                          created_by, created_at)
				VALUES (:name, :bizId, :objectType, :nodeType, :category, :pluginName, :owner, :createdBy, :createdAt)
				""")
			.param("name", name)
			.param("bizId", bkBizId)
			.param("objectType", objectType)
			.param("nodeType", nodeType)
			.param("category", category)
			.param("pluginName", pluginName)
			.param("owner", owner)
			.param("createdBy", createdBy)
			.param("createdAt", DbTime.toDb(createdAt))
			.update(keys, "id");
		long id = keys.getKey().longValue();
		for (int i = 0; i < steps.size(); i++) {
			this.jdbc.sql("""
					INSERT INTO subscription_step (subscription_id, step_index, step_id, step_type)
					VALUES (:subscriptionId, :index, :stepId, :type)
					""")
				.param("subscriptionId", id)
				.param("index", i)
				.param("stepId", steps.get(i).id())
				.param("type", steps.get(i).type())
				.update();
		}
		for (Status status : Status.RECORD_STATUSES) {
			this.jdbc.sql("""
					INSERT INTO subscription_status_count (subscription_id, status, cnt) VALUES (:id, :status, 0)
					""").param("id", id).param("status", status.name()).update();
		}
		return id;
	}

	public Optional<Subscription> findById(long id) {
		List<SubscriptionStep> steps = this.jdbc.sql("""
				SELECT step_id, step_type FROM subscription_step WHERE subscription_id = :id ORDER BY step_index
				""").param("id", id).query((rs, n) -> new SubscriptionStep(rs.getString(1), rs.getString(2))).list();
		return this.jdbc.sql("""
				SELECT id, name, bk_biz_id, object_type, node_type, category, plugin_name, owner, created_by,
				       created_at, latest_task_id
				FROM subscription WHERE id = :id
				""")
			.param("id", id)
			.query((rs, n) -> new Subscription(rs.getLong("id"), rs.getString("name"), rs.getLong("bk_biz_id"),
					rs.getString("object_type"), rs.getString("node_type"), rs.getString("category"),
					rs.getString("plugin_name"), rs.getString("owner"), rs.getString("created_by"),
					DbTime.read(rs, "created_at"), rs.getObject("latest_task_id", Long.class), steps))
			.optional();
	}

	/**
	 * Locks the subscription row until the transaction ends: task creation, retry and revoke of one subscription run
	 * one at a time, so two of them never pick the same records.
	 */
	public boolean lock(long id) {
		return this.jdbc.sql("SELECT id FROM subscription WHERE id = :id FOR UPDATE")
			.param("id", id)
			.query(Long.class)
			.optional()
			.isPresent();
	}

	public void updateLatestTask(long id, long taskId) {
		this.jdbc.sql("UPDATE subscription SET latest_task_id = :taskId WHERE id = :id")
			.param("taskId", taskId)
			.param("id", id)
			.update();
	}

}
