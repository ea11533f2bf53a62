package io.subwatch.simulate;

import java.time.Instant;
import java.util.List;

import io.subwatch.subscription.DbTime;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** What the simulator owns: its subscriptions and their tasks with work left. */
@Repository
class SimulatorDao {

	static final String OWNER = "simulator";

	private final JdbcClient jdbc;

	SimulatorDao(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Ready tasks of the simulator's subscriptions with pending or running records, oldest first. */
	List<Long> findActiveTasks(int limit) {
		return this.jdbc.sql("""
				SELECT t.id FROM subscription_task t
				JOIN subscription s ON s.id = t.subscription_id
				WHERE s.owner = :owner AND t.is_ready = TRUE AND t.err_msg IS NULL
				  AND EXISTS (SELECT 1 FROM task_status_count c
				              WHERE c.task_id = t.id AND c.status IN ('PENDING', 'RUNNING') AND c.cnt > 0)
				ORDER BY t.id LIMIT :limit
				""").param("owner", OWNER).param("limit", limit).query(Long.class).list();
	}

	/** When the simulator last launched a task, or null. */
	Instant findLastLaunch() {
		return this.jdbc.sql("""
				SELECT MAX(t.created_at) FROM subscription_task t JOIN subscription s ON s.id = t.subscription_id
				WHERE s.owner = :owner
				""").param("owner", OWNER).query((rs, n) -> DbTime.read(rs, 1)).optional().orElse(null);
	}

	/** The simulator's subscriptions, newest first. */
	List<Long> findSubscriptions(int limit) {
		return this.jdbc.sql("SELECT id FROM subscription WHERE owner = :owner ORDER BY id DESC LIMIT :limit")
			.param("owner", OWNER)
			.param("limit", limit)
			.query(Long.class)
			.list();
	}

}
