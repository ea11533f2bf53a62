package io.subwatch.cluster;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import io.subwatch.subscription.Status;
import io.subwatch.subscription.SubStepColumn;

/** After the run: what the database holds, read through the frontend and on every Galera node. */
final class ClusterCheck {

	private final String password;

	final List<String> failures = new ArrayList<>();

	final List<String> lines = new ArrayList<>();

	ClusterCheck(String password) {
		this.password = password;
	}

	Connection connect(int port) throws SQLException {
		// wsrep_sync_wait: the node answers only after applying everything the cluster committed before the query
		return DriverManager.getConnection("jdbc:mysql://127.0.0.1:" + port
				+ "/subwatch?sessionVariables=wsrep_sync_wait=1", "subwatch", this.password);
	}

	void check(ClusterLoad load, int frontendPort, int[] nodePorts) throws SQLException {
		try (Connection db = connect(frontendPort); Statement sql = db.createStatement()) {
			long expectedFailed = (load.hosts + 9) / 10;
			expect(sql, "records SUCCESS", "SELECT COUNT(*) FROM instance_record WHERE task_id = " + load.taskId
					+ " AND status = 'SUCCESS'", load.hosts - expectedFailed);
			expect(sql, "records FAILED", "SELECT COUNT(*) FROM instance_record WHERE task_id = " + load.taskId
					+ " AND status = 'FAILED'", expectedFailed);
			String logs = " FROM sub_step_log l JOIN instance_record r ON r.id = l.record_id WHERE r.task_id = "
					+ load.taskId + " AND l.text LIKE 'ct %'";
			expect(sql, "acknowledged events' log lines", "SELECT COUNT(*)" + logs, load.acknowledgedEvents.get());
			expect(sql, "distinct log lines (no event twice)", "SELECT COUNT(DISTINCT l.record_id, l.text)" + logs,
					load.acknowledgedEvents.get());
			expect("sub-steps finished", finishedSubSteps(sql, load.taskId), 2L * load.hosts);
			// one statement each, so one consistent snapshot while the simulator goes on writing
			String recount = "SELECT task_id, status, COUNT(*) AS n FROM instance_record GROUP BY task_id, status";
			expect(sql, "task counters different from a recount (all tasks)", "SELECT COUNT(*) FROM ("
					+ "SELECT c.task_id FROM task_status_count c LEFT JOIN (" + recount + ") r"
					+ " ON r.task_id = c.task_id AND r.status = c.status WHERE c.cnt <> COALESCE(r.n, 0)"
					+ " UNION ALL SELECT r.task_id FROM (" + recount + ") r LEFT JOIN task_status_count c"
					+ " ON c.task_id = r.task_id AND c.status = r.status WHERE c.task_id IS NULL) x", 0);
			String latest = "SELECT subscription_id, status, COUNT(*) AS n FROM instance_record WHERE is_latest"
					+ " GROUP BY subscription_id, status";
			expect(sql, "subscription counters different from a recount (all)", "SELECT COUNT(*) FROM ("
					+ "SELECT c.subscription_id FROM subscription_status_count c LEFT JOIN (" + latest + ") r"
					+ " ON r.subscription_id = c.subscription_id AND r.status = c.status"
					+ " WHERE c.cnt <> COALESCE(r.n, 0)"
					+ " UNION ALL SELECT r.subscription_id FROM (" + latest + ") r LEFT JOIN subscription_status_count c"
					+ " ON c.subscription_id = r.subscription_id AND c.status = r.status"
					+ " WHERE c.subscription_id IS NULL) x", 0);
			this.lines.add("| tasks in the database (the simulator's and the test's) | "
					+ single(sql, "SELECT COUNT(*) FROM subscription_task") + " |");
		}
		for (int port : nodePorts) {
			try (Connection db = connect(port); Statement sql = db.createStatement()) {
				expect(sql, "log lines of the task on the node at port " + port,
						"SELECT COUNT(*) FROM sub_step_log l JOIN instance_record r ON r.id = l.record_id"
								+ " WHERE r.task_id = " + load.taskId + " AND l.text LIKE 'ct %'",
						load.acknowledgedEvents.get());
			}
		}
	}

	/** Database size: data and indexes of every table, per record (a host in a task). */
	void size() throws SQLException {
		try (Connection db = connect(14300); Statement sql = db.createStatement()) {
			for (String table : List.of("instance_record", "instance_info", "sub_step_log",
					"record_host_status")) {
				sql.execute("ANALYZE TABLE " + table);
			}
			long records = single(sql, "SELECT COUNT(*) FROM instance_record");
			long logLines = single(sql, "SELECT COUNT(*) FROM sub_step_log");
			long bytes = single(sql, "SELECT SUM(data_length + index_length) FROM information_schema.tables"
					+ " WHERE table_schema = 'subwatch'");
			this.lines.add("| database size | %,d bytes for %,d records and %,d log lines: %.1f MB per 100,000 hosts |"
				.formatted(bytes, records, logLines, bytes * 100_000.0 / records / 1_048_576));
			try (ResultSet rs = sql.executeQuery("SELECT table_name, data_length + index_length"
					+ " FROM information_schema.tables WHERE table_schema = 'subwatch'"
					+ " ORDER BY data_length + index_length DESC LIMIT 6")) {
				while (rs.next()) {
					this.lines.add("| table %s | %,d bytes |".formatted(rs.getString(1), rs.getLong(2)));
				}
			}
		}
	}

	private void expect(Statement sql, String what, String query, long expected) throws SQLException {
		expect(what, single(sql, query), expected);
	}

	private void expect(String what, long actual, long expected) {
		this.lines.add("| " + what + " | " + actual + ((actual == expected) ? "" : " (expected " + expected + ")")
				+ " |");
		if (actual != expected) {
			this.failures.add(what + ": " + actual + ", expected " + expected);
		}
	}

	/** Sub-steps of the task that succeeded or failed with a finish time, read from each record's sub-step column. */
	private static long finishedSubSteps(Statement sql, long taskId) throws SQLException {
		long finished = 0;
		try (ResultSet rs = sql.executeQuery("SELECT sub_steps FROM instance_record WHERE task_id = " + taskId)) {
			while (rs.next()) {
				finished += SubStepColumn.decode(rs.getString(1))
					.values()
					.stream()
					.filter((s) -> (s.status() == Status.SUCCESS || s.status() == Status.FAILED) && s.finishTime() != null)
					.count();
			}
		}
		return finished;
	}

	private static long single(Statement sql, String query) throws SQLException {
		try (ResultSet rs = sql.executeQuery(query)) {
			rs.next();
			return rs.getLong(1);
		}
	}

}
