package io.subwatch.records;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.subwatch.subscription.StatusRanks;
import io.subwatch.subscription.SubscriptionScope;

/**
 * A base set of records as a SQL condition on {@code instance_record r}: one task's records, the latest record of
 * every instance of the subscription, or the records of several tasks whose newest per instance counts (task_result,
 * spec section 3, step 2; the subscription page shows the first two).
 *
 * @param where the condition
 * @param params its named parameters
 * @param subscriptionId the subscription the records belong to
 * @param taskId set when the base set is one task's records (its counters are maintained)
 * @param subscriptionLatest true when the base set is the subscription's latest records (counters maintained too)
 * @param latestInJava true when {@code where} selects candidates of several tasks and the latest per instance is
 * worked out over them in one pass ({@link LatestRecords})
 * @param orderPrefix the columns {@code where} pins to one value, which lead a window's ORDER BY so the database reads
 * an index in order
 */
public record RecordScope(String where, Map<String, Object> params, long subscriptionId, Long taskId,
		boolean subscriptionLatest, boolean latestInJava, List<String> orderPrefix) {

	/** One task: each instance has exactly one record in it, so all of its records. */
	public static RecordScope task(long subscriptionId, long taskId) {
		return new RecordScope("r.task_id = :scopeTaskId", Map.of("scopeTaskId", taskId), subscriptionId, taskId,
				false, false, List.of("r.task_id"));
	}

	/** need_aggregate_all_tasks, the page's "all tasks": the latest record of every instance over all tasks. */
	public static RecordScope latest(long subscriptionId) {
		return new RecordScope("r.subscription_id = :scopeSubscriptionId AND r.is_latest = TRUE",
				Map.of("scopeSubscriptionId", subscriptionId), subscriptionId, null, true, false,
				List.of("r.subscription_id", "r.is_latest"));
	}

	/** One task's records, or (taskId null) the latest record of every instance: the scopes with counters. */
	public static RecordScope of(long subscriptionId, Long taskId) {
		return (taskId != null) ? task(subscriptionId, taskId) : latest(subscriptionId);
	}

	/** Several tasks: their records are candidates; the newest of each instance counts. */
	public static RecordScope latestOf(long subscriptionId, List<Long> taskIds) {
		return new RecordScope("r.subscription_id = :scopeSubscriptionId AND r.task_id IN (:scopeTaskIds)",
				Map.of("scopeSubscriptionId", subscriptionId, "scopeTaskIds", taskIds), subscriptionId, null, false,
				true, List.of());
	}

	/**
	 * need_out_of_scope_snapshots=false: only instances of the subscription's scope (see {@link SubscriptionScope}),
	 * looked up per record by instance, never as a list of ids.
	 */
	public RecordScope withinInstancesOf(long scopeTaskId) {
		Map<String, Object> merged = new HashMap<>(this.params);
		merged.put("currentScopeTaskId", scopeTaskId);
		return new RecordScope(this.where + " AND " + SubscriptionScope.instanceInScope("r", "currentScopeTaskId"),
				merged, this.subscriptionId, null, false, this.latestInJava, this.orderPrefix);
	}

	/** The scope's rank counters ({@link StatusRanks}), or null when it has none (several tasks, a restriction). */
	StatusRanks.Scope ranks() {
		if (this.taskId != null) {
			return StatusRanks.Scope.task(this.taskId);
		}
		return this.subscriptionLatest ? StatusRanks.Scope.latest(this.subscriptionId) : null;
	}

	/** The latest records of the subscription (the page's "all tasks"), not one task's. */
	public boolean aggregated() {
		return this.subscriptionLatest;
	}

	/** Whether a record (a search's hit) is in a task or latest scope. */
	public boolean contains(long recordTaskId, boolean latest) {
		return (this.taskId != null) ? this.taskId == recordTaskId : this.subscriptionLatest && latest;
	}

	/** One task's records and nothing else: the window reads (task_id, id) in order. */
	boolean wholeTask() {
		return this.taskId != null;
	}

}
