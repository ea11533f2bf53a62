package io.subwatch.records;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.subwatch.subscription.DatabaseKind;
import io.subwatch.subscription.Status;
import io.subwatch.subscription.StatusCounts;
import io.subwatch.subscription.StatusRanks;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The record reads of task_result, the page's table and the exports: counts and record id windows over a scope and
 * a filter, and the latest-record reads of retry, revoke, statistic and instance_status.
 */
@Repository
public class RecordQueryDao {

	private final JdbcClient jdbc;

	private final StatusRanks ranks;

	private final DatabaseKind database;

	RecordQueryDao(JdbcClient jdbc, StatusRanks ranks, DatabaseKind database) {
		this.jdbc = jdbc;
		this.ranks = ranks;
		this.database = database;
	}

	/**
	 * Most instance ids to look up in one statement. H2 checks an IN list of bound parameters value by value on every
	 * row it reads, so 1,000 ids cost a million comparisons per statement, and lists of 100 a hundredth of that each.
	 * MariaDB/MySQL plan an IN list of up to 200 values by probing the index for each value in every index that could
	 * serve it: ten lists of 100 cost 23 ms where one of 1,000 (planned from statistics, and on MariaDB read as a
	 * table of values) costs 9 ms, on the benchmark's task.
	 */
	public int instanceLookup() {
		return this.database.mysql() ? 1_000 : 100;
	}

	/** Status counts of a scope whose counters are not maintained (several tasks, current-scope restriction). */
	public StatusCounts countByStatus(RecordScope scope) {
		return StatusCounts.of(this.jdbc.sql("SELECT r.status, COUNT(*) FROM instance_record r WHERE " + scope.where()
				+ " GROUP BY r.status ORDER BY r.status")
			.params(scope.params())
			.query((rs, n) -> Map.entry(rs.getString(1), rs.getInt(2)))
			.list());
	}

	/** Every record of a candidate scope (several tasks), unordered: input of {@link LatestRecords}. */
	public LatestRecords latestOfCandidates(RecordScope scope) {
		List<LatestRecords.Candidate> candidates = new ArrayList<>();
		this.jdbc.sql("SELECT r.id, r.instance_id, r.status FROM instance_record r WHERE " + scope.where()
				+ " ORDER BY r.id")
			.params(scope.params())
			.query((rs) -> {
				candidates.add(new LatestRecords.Candidate(rs.getLong(1), rs.getString(2),
						Status.valueOf(rs.getString(3))));
			});
		return LatestRecords.of(candidates);
	}

	long count(RecordScope scope, RecordFilter filter) {
		Map<String, Object> params = new HashMap<>(scope.params());
		return this.jdbc.sql("SELECT COUNT(*) FROM instance_record r WHERE " + scope.where() + filter.where(params))
			.params(params)
			.query(Long.class)
			.single();
	}

	/** Ids of the window [offset, offset + limit) in the filter's order (ascending id but for a whole cell). */
	List<Long> findIdPage(RecordScope scope, RecordFilter filter, long offset, int limit) {
		Map<String, Object> params = new HashMap<>(scope.params());
		String where = filter.where(params);
		params.put("limit", limit);
		params.put("offset", offset);
		return this.jdbc.sql("SELECT r.id FROM " + filter.from(scope) + " WHERE " + scope.where() + where
				+ filter.orderBy(scope, false) + " LIMIT :limit OFFSET :offset")
			.params(params)
			.query(Long.class)
			.list();
	}

	/**
	 * Ids of a deep window [offset, offset + limit) of a status filter, ascending, found through the rank counters
	 * ({@link StatusRanks}); null when the window is shallow or the scope or filter has no counters.
	 */
	List<Long> findRankedPage(RecordScope scope, RecordFilter filter, long offset, int limit) {
		StatusRanks.Scope ranked = scope.ranks();
		if (offset < StatusRanks.DEEP || ranked == null || !filter.statusesOnly() || filter.matchesNothing()) {
			return null;
		}
		return this.ranks.findPage(ranked, filter.statuses(), offset, limit);
	}

	/** The id at a 0-based position in ascending id order. */
	Optional<Long> findIdAt(RecordScope scope, RecordFilter filter, long offset) {
		List<Long> ids = findIdPage(scope, filter, offset, 1);
		return ids.isEmpty() ? Optional.empty() : Optional.of(ids.get(0));
	}

	/** Up to {@code limit} ids in [low, high], descending: one chunk of a streamed window. */
	List<Long> findIdsDescending(RecordScope scope, RecordFilter filter, long low, long high, int limit) {
		Map<String, Object> params = new HashMap<>(scope.params());
		String where = filter.where(params);
		params.put("low", low);
		params.put("high", high);
		params.put("limit", limit);
		return this.jdbc.sql("SELECT r.id FROM " + filter.from(scope) + " WHERE " + scope.where() + where
				+ " AND r.id BETWEEN :low AND :high" + filter.orderBy(scope, true) + " LIMIT :limit")
			.params(params)
			.query(Long.class)
			.list();
	}

	/** Every matching id, ascending: for filters with lists too long for one statement. */
	List<Long> findAllIds(RecordScope scope, RecordFilter filter) {
		Map<String, Object> params = new HashMap<>(scope.params());
		return this.jdbc.sql("SELECT r.id FROM " + filter.from(scope) + " WHERE " + scope.where()
				+ filter.where(params) + filter.orderBy(scope, false))
			.params(params)
			.query(Long.class)
			.list();
	}

	/** Instance ids of the first {@code limit} matching records, in the window's order (the page's "all matching"). */
	public List<String> findInstanceIds(RecordScope scope, RecordFilter filter, int limit) {
		Map<String, Object> params = new HashMap<>(scope.params());
		String where = filter.where(params);
		params.put("limit", limit);
		return this.jdbc.sql("SELECT r.instance_id FROM " + filter.from(scope) + " WHERE " + scope.where() + where
				+ filter.orderBy(scope, false) + " LIMIT :limit")
			.params(params)
			.query(String.class)
			.list();
	}

	/**
	 * Ids of a subscription's latest records in some statuses, ascending: the candidates of retry and revoke.
	 * @param instanceIds only these instances, or null
	 * @param taskIds only instances that have a record in these tasks, or null
	 */
	public List<Long> findLatestIds(long subscriptionId, List<String> statuses, List<String> instanceIds,
			List<Long> taskIds) {
		return this.jdbc.sql("""
				SELECT r.id FROM instance_record r
				WHERE r.subscription_id = :subscriptionId AND r.is_latest = TRUE AND r.status IN (:statuses)%s
				ORDER BY r.id
				""".formatted(latestConditions(instanceIds, taskIds)))
			.param("subscriptionId", subscriptionId)
			.param("statuses", statuses)
			.param("instanceIds", instanceIds)
			.param("taskIds", taskIds)
			.query(Long.class)
			.list();
	}

	/**
	 * The latest records that {@link #findLatestIds} chooses from, counted by status: what a confirmation page shows
	 * before a retry or revoke.
	 */
	public StatusCounts countLatestByStatus(long subscriptionId, List<String> instanceIds, List<Long> taskIds) {
		return StatusCounts.of(this.jdbc.sql("""
				SELECT r.status, COUNT(*) FROM instance_record r
				WHERE r.subscription_id = :subscriptionId AND r.is_latest = TRUE%s
				GROUP BY r.status ORDER BY r.status
				""".formatted(latestConditions(instanceIds, taskIds)))
			.param("subscriptionId", subscriptionId)
			.param("instanceIds", instanceIds)
			.param("taskIds", taskIds)
			.query((rs, n) -> Map.entry(rs.getString(1), rs.getInt(2)))
			.list());
	}

	/**
	 * A subscription's latest records by status, only those matching {@code inScope} (SQL on alias {@code r}, or null
	 * for all): statistic when the scope is smaller than the subscription.
	 */
	public StatusCounts countLatestInScope(long subscriptionId, String inScope, Map<String, Object> params) {
		Map<String, Object> all = new HashMap<>(params);
		all.put("subscriptionId", subscriptionId);
		return StatusCounts.of(this.jdbc.sql("""
				SELECT r.status, COUNT(*) FROM instance_record r
				WHERE r.subscription_id = :subscriptionId AND r.is_latest = TRUE%s
				GROUP BY r.status ORDER BY r.status
				""".formatted((inScope != null) ? " AND " + inScope : ""))
			.params(all)
			.query((rs, n) -> Map.entry(rs.getString(1), rs.getInt(2)))
			.list());
	}

	/**
	 * Up to {@code limit} ids of a subscription's latest records above {@code afterId}, ascending, only those matching
	 * {@code inScope} (or all with null): one chunk of instance_status.
	 */
	public List<Long> findLatestIdsAfter(long subscriptionId, String inScope, Map<String, Object> params, long afterId,
			int limit) {
		Map<String, Object> all = new HashMap<>(params);
		all.put("subscriptionId", subscriptionId);
		all.put("afterId", afterId);
		all.put("limit", limit);
		return this.jdbc.sql("""
				SELECT r.id FROM instance_record r
				WHERE r.subscription_id = :subscriptionId AND r.is_latest = TRUE AND r.id > :afterId%s
				ORDER BY r.subscription_id, r.is_latest, r.id LIMIT :limit
				""".formatted((inScope != null) ? " AND " + inScope : ""))
			.params(all)
			.query(Long.class)
			.list();
	}

	/** Up to {@code limit} (record id, instance id) of a task above {@code afterId}, ascending: the scope's nodes. */
	public List<Map.Entry<Long, String>> findInstancesOfTask(long taskId, long afterId, int limit) {
		return this.jdbc.sql("""
				SELECT r.id, r.instance_id FROM instance_record r
				WHERE r.task_id = :taskId AND r.id > :afterId
				ORDER BY r.task_id, r.id LIMIT :limit
				""")
			.param("taskId", taskId)
			.param("afterId", afterId)
			.param("limit", limit)
			.query((rs, n) -> Map.entry(rs.getLong(1), rs.getString(2)))
			.list();
	}

	private static String latestConditions(List<String> instanceIds, List<Long> taskIds) {
		String instances = (instanceIds != null) ? " AND r.instance_id IN (:instanceIds)" : "";
		String tasks = (taskIds != null) ? " AND EXISTS (SELECT 1 FROM instance_record t"
				+ " WHERE t.instance_id = r.instance_id AND t.subscription_id = :subscriptionId AND t.task_id IN (:taskIds))"
				: "";
		return instances + tasks;
	}

}
