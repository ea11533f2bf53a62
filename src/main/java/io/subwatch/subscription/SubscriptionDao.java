package io.subwatch.subscription;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.subwatch.subscription.Subscription.SubscriptionStep;
import io.subwatch.subscription.SubscriptionOptions.StepOptions;

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

	/** Inserts the subscription without declared options: see the overload with {@link SubscriptionOptions}. */
	public long insert(String name, long bkBizId, String objectType, String nodeType, String category,
			String pluginName, String owner, String createdBy, Instant createdAt, List<SubscriptionStep> steps) {
		return insert(name, bkBizId, objectType, nodeType, category, pluginName, owner, createdBy, createdAt, steps,
				SubscriptionOptions.NONE);
	}

	/** Inserts the subscription with its steps, its declared options and its zeroed counters; returns the new id. */
	public long insert(String name, long bkBizId, String objectType, String nodeType, String category,
			String pluginName, String owner, String createdBy, Instant createdAt, List<SubscriptionStep> steps,
			SubscriptionOptions options) {
		KeyHolder keys = new GeneratedKeyHolder();
		this.jdbc.sql("""
				INSERT INTO subscription (name, bk_biz_id, object_type, node_type, category, plugin_name, owner,
				                          created_by, created_at, enable, bk_biz_scope, scope_nodes)
				VALUES (:name, :bizId, :objectType, :nodeType, :category, :pluginName, :owner, :createdBy, :createdAt,
				        :enable, :bkBizScope, :scopeNodes)
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
			.param("enable", options.enable())
			.param("bkBizScope", options.bkBizScope())
			.param("scopeNodes", options.scopeNodes())
			.update(keys, "id");
		long id = keys.getKey().longValue();
		for (int i = 0; i < steps.size(); i++) {
			this.jdbc.sql("""
					INSERT INTO subscription_step (subscription_id, step_index, step_id, step_type, config, params)
					VALUES (:subscriptionId, :index, :stepId, :type, :config, :params)
					""")
				.param("subscriptionId", id)
				.param("index", i)
				.param("stepId", steps.get(i).id())
				.param("type", steps.get(i).type())
				.param("config", options.step(steps.get(i).id()).config())
				.param("params", options.step(steps.get(i).id()).params())
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

	/** The options the executor declared on the subscription and its steps (empty when it does not exist). */
	public Optional<SubscriptionOptions> findOptions(long id) {
		Map<String, StepOptions> steps = new LinkedHashMap<>();
		this.jdbc.sql("""
				SELECT step_id, config, params FROM subscription_step WHERE subscription_id = :id ORDER BY step_index
				""").param("id", id).query((rs) -> {
			steps.put(rs.getString(1), new StepOptions(rs.getString(2), rs.getString(3)));
		});
		return this.jdbc.sql("SELECT enable, bk_biz_scope, scope_nodes FROM subscription WHERE id = :id")
			.param("id", id)
			.query((rs, n) -> new SubscriptionOptions(rs.getBoolean(1), rs.getString(2), rs.getString(3),
					Collections.unmodifiableMap(steps)))
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
