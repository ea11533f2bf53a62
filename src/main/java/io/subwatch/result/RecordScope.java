package io.subwatch.result;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.subwatch.subscription.StatusRanks;
import io.subwatch.subscription.SubscriptionScope;

/**
 * The base set of task_result (spec section 3, step 2) as a SQL condition on {@code instance_record r}: the latest
 * record per instance among the chosen tasks.
 *
 * @param where the condition
 * @param params its named parameters
 * @param taskId set when the base set is one task's records (its counters are maintained)
 * @param subscriptionLatest true when the base set is the subscription's latest records (counters maintained too)
 * @param latestInJava true when {@code where} selects candidates of several tasks and the latest per instance is
 * worked out over them in one pass ({@link LatestRecords})
 * @param orderPrefix the columns {@code where} pins to one value, which lead the window's ORDER BY so the database
 * reads an index in order
 */
record RecordScope(String where, Map<String, Object> params, Long taskId, boolean subscriptionLatest,
		boolean latestInJava, List<String> orderPrefix) {

	/** One task: each instance has exactly one record in it, so all of its records. */
	static RecordScope task(long taskId) {
		return new RecordScope("r.task_id = :scopeTaskId", Map.of("scopeTaskId", taskId), taskId, false, false,
				List.of("r.task_id"));
	}

	/** need_aggregate_all_tasks: the latest record of every instance over all tasks. */
	static RecordScope latest(long subscriptionId) {
		return new RecordScope("r.subscription_id = :scopeSubscriptionId AND r.is_latest = TRUE",
				Map.of("scopeSubscriptionId", subscriptionId), null, true, false,
				List.of("r.subscription_id", "r.is_latest"));
	}

	/** Several tasks: their records are candidates; the newest of each instance counts. */
	static RecordScope latestOf(long subscriptionId, List<Long> taskIds) {
		return new RecordScope("r.subscription_id = :scopeSubscriptionId AND r.task_id IN (:scopeTaskIds)",
				Map.of("scopeSubscriptionId", subscriptionId, "scopeTaskIds", taskIds), null, false, true, List.of());
	}

	/** The scope's rank counters ({@link StatusRanks}), or null when it has none (several tasks, a restriction). */
	StatusRanks.Scope ranks() {
		if (this.taskId != null) {
			return StatusRanks.Scope.task(this.taskId);
		}
		return this.subscriptionLatest ? StatusRanks.Scope.latest((Long) this.params.get("scopeSubscriptionId")) : null;
	}

	/**
	 * need_out_of_scope_snapshots=false: only instances of the subscription's scope (see {@link SubscriptionScope}),
	 * looked up per record by instance, never as a list of ids.
	 */
	RecordScope withinInstancesOf(long scopeTaskId) {
		Map<String, Object> merged = new HashMap<>(this.params);
		merged.put("currentScopeTaskId", scopeTaskId);
		return new RecordScope(this.where + " AND " + SubscriptionScope.instanceInScope("r", "currentScopeTaskId"),
				merged, null, false, this.latestInJava, this.orderPrefix);
	}

}
