package io.subwatch.web;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.subwatch.subscription.DbTime;
import io.subwatch.subscription.Status;

import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The subscription list: newest first, filtered by business (ix_subscription_biz_id), name and the latest task's
 * summary, which is read from the maintained counters by primary key.
 */
@Repository
class SubscriptionListDao {

	private static final String ACTIVE = has("'PENDING', 'RUNNING'");

	private static final RowMapper<SubscriptionListItem> ITEM = (rs, n) -> new SubscriptionListItem(rs.getLong(1),
			rs.getString(2), rs.getLong(3), rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7),
			rs.getObject(8, Long.class), DbTime.read(rs, 9), null);

	private final JdbcClient jdbc;

	SubscriptionListDao(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	List<SubscriptionListItem> findPage(SubscriptionListQuery query, ListReach reach) {
		Map<String, Object> params = params(query, reach);
		params.put("limit", query.size());
		params.put("offset", (long) (query.page() - 1) * query.size());
		return this.jdbc.sql("""
				SELECT s.id, s.name, s.bk_biz_id, s.object_type, s.node_type, s.category, s.plugin_name,
				       s.latest_task_id, t.created_at
				FROM subscription s LEFT JOIN subscription_task t ON t.id = s.latest_task_id
				WHERE 1 = 1 %s
				ORDER BY s.id DESC LIMIT :limit OFFSET :offset
				""".formatted(where(query, reach))).params(params).query(ITEM).list();
	}

	long count(SubscriptionListQuery query, ListReach reach) {
		return this.jdbc.sql("SELECT COUNT(*) FROM subscription s WHERE 1 = 1 " + where(query, reach))
			.params(params(query, reach))
			.query(Long.class)
			.single();
	}

	/** Some subscriptions by id (the running rows a list page refreshes), still subject to the caller's reach. */
	List<SubscriptionListItem> findAllByIds(List<Long> ids, ListReach reach) {
		SubscriptionListQuery any = new SubscriptionListQuery(null, null, "", 1, 1);
		Map<String, Object> params = params(any, reach);
		params.put("ids", ids);
		return this.jdbc.sql("""
				SELECT s.id, s.name, s.bk_biz_id, s.object_type, s.node_type, s.category, s.plugin_name,
				       s.latest_task_id, t.created_at
				FROM subscription s LEFT JOIN subscription_task t ON t.id = s.latest_task_id
				WHERE s.id IN (:ids) %s
				ORDER BY s.id DESC
				""".formatted(where(any, reach))).params(params).query(ITEM).list();
	}

	/** The businesses that have subscriptions the caller may see, for the business filter. */
	List<Long> findBusinesses(ListReach reach) {
		SubscriptionListQuery any = new SubscriptionListQuery(null, null, "", 1, 1);
		return this.jdbc.sql("SELECT DISTINCT s.bk_biz_id FROM subscription s WHERE 1 = 1" + where(any, reach)
				+ " ORDER BY s.bk_biz_id")
			.params(params(any, reach))
			.query(Long.class)
			.list();
	}

	private static String where(SubscriptionListQuery query, ListReach reach) {
		StringBuilder where = new StringBuilder();
		if (reach.none()) {
			where.append(" AND 1 = 0");
		}
		if (reach.bizIds() != null) {
			where.append(" AND s.bk_biz_id IN (:readable)");
		}
		if (reach.subscriptionId() != null) {
			where.append(" AND s.id = :onlyId");
		}
		if (query.bizId() != null) {
			where.append(" AND s.bk_biz_id = :bizId");
		}
		if (!query.name().isEmpty()) {
			where.append(" AND LOWER(s.name) LIKE :name ESCAPE '!'");
		}
		if (query.status() != null) {
			where.append(" AND ").append(summary(query.status()));
		}
		return where.toString();
	}

	/** The SQL form of {@code StatusCounts.summary()} for the latest task. */
	private static String summary(Status status) {
		String failed = "(" + has("'FAILED'") + " OR " + has("'TERMINATED'") + ")";
		String success = has("'SUCCESS'");
		String idle = "NOT " + ACTIVE;
		return switch (status) {
			case RUNNING -> ACTIVE;
			case SUCCESS -> idle + " AND NOT " + failed + " AND " + success;
			case PART_FAILED -> idle + " AND " + failed + " AND " + success;
			case FAILED -> idle + " AND " + has("'FAILED'") + " AND NOT " + success;
			default -> idle + " AND " + has("'TERMINATED'") + " AND NOT " + has("'FAILED'") + " AND NOT " + success;
		};
	}

	private static String has(String statuses) {
		return "EXISTS (SELECT 1 FROM task_status_count c WHERE c.task_id = s.latest_task_id AND c.status IN ("
				+ statuses + ") AND c.cnt > 0)";
	}

	private static Map<String, Object> params(SubscriptionListQuery query, ListReach reach) {
		Map<String, Object> params = new HashMap<>();
		params.put("readable", (reach.bizIds() != null && !reach.bizIds().isEmpty()) ? reach.bizIds() : List.of(-1L));
		params.put("onlyId", reach.subscriptionId());
		params.put("bizId", query.bizId());
		String name = query.name().toLowerCase(java.util.Locale.ROOT);
		params.put("name", "%" + name.replace("!", "!!").replace("%", "!%").replace("_", "!_") + "%");
		return params;
	}

}
