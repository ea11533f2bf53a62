package io.subwatch.audit;

import java.time.Instant;
import java.util.List;

import io.subwatch.subscription.DbTime;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

@Repository
public class AuditDao {

	private final JdbcClient jdbc;

	AuditDao(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Records an action, in the caller's transaction when there is one (so it lands exactly when the action does). */
	@Transactional
	public void insert(Instant occurredAt, String actor, String action, Long subscriptionId, Long taskId,
			Integer hostCount, String detail) {
		this.jdbc.sql("""
				INSERT INTO audit_log (occurred_at, actor, action, subscription_id, task_id, host_count, detail)
				VALUES (:occurredAt, :actor, :action, :subscriptionId, :taskId, :hostCount, :detail)
				""")
			.param("occurredAt", DbTime.toDb(occurredAt))
			.param("actor", abbreviate(actor, 128))
			.param("action", action)
			.param("subscriptionId", subscriptionId)
			.param("taskId", taskId)
			.param("hostCount", hostCount)
			.param("detail", (detail != null) ? abbreviate(detail, 2000) : null)
			.update();
	}

	/** The newest entries of a subscription. */
	public List<AuditEntry> findRecentBySubscription(long subscriptionId, int limit) {
		return this.jdbc.sql("""
				SELECT id, occurred_at, actor, action, subscription_id, task_id, host_count, detail
				FROM audit_log WHERE subscription_id = :subscriptionId ORDER BY id DESC LIMIT :limit
				""")
			.param("subscriptionId", subscriptionId)
			.param("limit", limit)
			.query((rs, n) -> new AuditEntry(rs.getLong("id"), DbTime.read(rs, "occurred_at"), rs.getString("actor"),
					rs.getString("action"), rs.getObject("subscription_id", Long.class),
					rs.getObject("task_id", Long.class), rs.getObject("host_count", Integer.class),
					rs.getString("detail")))
			.list();
	}

	private static String abbreviate(String text, int max) {
		return (text.length() <= max) ? text : text.substring(0, max - 1) + "…";
	}

}
