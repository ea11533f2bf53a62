package io.subwatch.resilience;

import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A fingerprint of everything the app stores as results and configuration: row counts per table, status counts,
 * counter sums and the last change times. Equal fingerprints before and after a burst of requests mean the requests
 * changed nothing (sessions, one-time action tokens and login-failure rows are left out: forms may create those).
 */
final class StoredData {

	private static final List<String> QUERIES = List.of(
			"SELECT COUNT(id), COALESCE(SUM(id), 0), COALESCE(MAX(update_time), TIMESTAMP '2000-01-01 00:00:00')"
					+ " FROM instance_record",
			"SELECT status, COUNT(id), SUM(CASE WHEN is_latest THEN 1 ELSE 0 END) FROM instance_record"
					+ " GROUP BY status ORDER BY status",
			"SELECT COUNT(sub_steps), COALESCE(SUM(LENGTH(sub_steps)), 0),"
					+ " COALESCE(MAX(sub_steps_at), TIMESTAMP '2000-01-01 00:00:00') FROM instance_record",
			"SELECT COUNT(id), COALESCE(SUM(LENGTH(text)), 0) FROM sub_step_log",
			"SELECT COUNT(id), COALESCE(SUM(latest_task_id), 0) FROM subscription",
			"SELECT COUNT(id), SUM(CASE WHEN is_ready THEN 1 ELSE 0 END), COUNT(err_msg), SUM(instance_count)"
					+ " FROM subscription_task",
			"SELECT status, SUM(cnt) FROM task_status_count GROUP BY status ORDER BY status",
			"SELECT status, SUM(cnt) FROM subscription_status_count GROUP BY status ORDER BY status",
			"SELECT COUNT(record_id) FROM instance_info", "SELECT COUNT(id) FROM step_plan",
			"SELECT COUNT(id) FROM app_user", "SELECT COUNT(user_id) FROM app_user_grant",
			"SELECT COUNT(id) FROM api_application", "SELECT COUNT(application_id) FROM api_application_grant",
			"SELECT COUNT(id) FROM share_link", "SELECT COUNT(record_id) FROM record_host_status");

	private StoredData() {
	}

	static String fingerprint(JdbcClient jdbc) {
		StringBuilder text = new StringBuilder();
		for (String sql : QUERIES) {
			text.append(sql, 0, Math.min(40, sql.length())).append(" -> ");
			jdbc.sql(sql).query((row) -> {
				int columns = row.getMetaData().getColumnCount();
				for (int c = 1; c <= columns; c++) {
					text.append(row.getString(c)).append(c < columns ? "," : ";");
				}
			});
			text.append('\n');
		}
		return text.toString();
	}

}
