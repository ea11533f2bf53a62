package io.subwatch.records;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.subwatch.subscription.Status;
import io.subwatch.subscription.StatusCounts;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The "longest running first" order of a window: the running records of the scope and filter by the start of their
 * running sub-step, oldest first (a running record between sub-steps last among them), then every other record in the
 * engine's own order ({@link RecordWindow}). The running part is one query over the running records alone, read off
 * (task_id, status, id) and sorted by the {@code running_since} each write of their sub-steps keeps, cut by the
 * database (ORDER BY and LIMIT), so a page costs the task's running hosts, never its whole size.
 */
@Repository
public class RecordRunningDao {

	private final JdbcClient jdbc;

	private final RecordQueryDao queries;

	RecordRunningDao(JdbcClient jdbc, RecordQueryDao queries) {
		this.jdbc = jdbc;
		this.queries = queries;
	}

	/**
	 * Ids of [offset, offset + limit) in this order, in the order shown (not ascending id); {@code counters} holds the
	 * scope's maintained counts.
	 */
	public List<Long> page(RecordScope scope, RecordFilter filter, StatusCounts counters, long offset, int limit) {
		List<Long> ids = new ArrayList<>(limit);
		if (filter.matchesNothing()) {
			return ids;
		}
		RecordFilter running = running(filter);
		long runningTotal = 0;
		if (running != null) {
			runningTotal = running.statusesOnly() ? counters.count(Status.RUNNING) : this.queries.count(scope, running);
			if (offset < runningTotal) {
				ids.addAll(findRunningPage(scope, running, offset, (int) Math.min(limit, runningTotal - offset)));
			}
		}
		RecordFilter others = others(filter);
		if (ids.size() < limit && others != null) {
			long from = Math.max(0, offset - runningTotal);
			ids.addAll(new RecordWindow(this.queries, scope, others, null, RecordWindow.CHUNK).page(from,
					limit - ids.size()));
		}
		return ids;
	}

	private List<Long> findRunningPage(RecordScope scope, RecordFilter running, long offset, int limit) {
		Map<String, Object> params = new HashMap<>(scope.params());
		String where = running.where(params);
		params.put("limit", limit);
		params.put("offset", offset);
		return this.jdbc.sql("""
				SELECT r.id FROM instance_record r
				WHERE\s""" + scope.where() + where + """

				ORDER BY CASE WHEN r.running_since IS NULL THEN 1 ELSE 0 END, r.running_since, r.id
				LIMIT :limit OFFSET :offset""")
			.params(params)
			.query(Long.class)
			.list();
	}

	/** The filter's running records, or null when it asks for none. */
	private static RecordFilter running(RecordFilter filter) {
		if (filter.statuses() != null && !filter.statuses().contains(Status.RUNNING)) {
			return null;
		}
		return filter.withStatus(Status.RUNNING);
	}

	/** The filter's records in any other status, or null when it asks for none. */
	private static RecordFilter others(RecordFilter filter) {
		List<Status> statuses = new ArrayList<>((filter.statuses() != null) ? filter.distinctStatuses()
				: Status.RECORD_STATUSES);
		statuses.remove(Status.RUNNING);
		return statuses.isEmpty() ? null
				: new RecordFilter(List.copyOf(statuses), filter.instanceIds(), filter.excludedIds(), filter.place());
	}

}
