package io.subwatch.breakdown;

/**
 * Whose hosts the panels count: one task's records, or (taskId null) the newest record of every instance of the
 * subscription, the two scopes the place counters are kept for.
 */
public record BreakdownScope(long subscriptionId, Long taskId) {

	boolean byTask() {
		return this.taskId != null;
	}

	long scopeId() {
		return byTask() ? this.taskId : this.subscriptionId;
	}

	/** The condition on {@code instance_record r}, with {@code :scopeId}: the prefix of a place index. */
	String where() {
		return byTask() ? "r.task_id = :scopeId" : "r.subscription_id = :scopeId AND r.is_latest = TRUE";
	}

	/** The whole place index, so both databases read a cluster straight off it in record id order. */
	String orderBy() {
		return (byTask() ? "r.task_id, " : "r.subscription_id, r.is_latest, ")
				+ "r.status, r.at_step, r.at_sub, r.error_key, r.id";
	}

}
