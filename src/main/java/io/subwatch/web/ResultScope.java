package io.subwatch.web;

/**
 * The base set of the subscription page: one task's records, or (taskId null) the newest record of every instance
 * of the subscription. Both have maintained counters, so totals never need a COUNT over the records.
 */
record ResultScope(long subscriptionId, Long taskId) {

	boolean aggregated() {
		return this.taskId == null;
	}

	/** The SQL condition on {@code instance_record r}; each form is the prefix of an index. */
	String where() {
		return aggregated() ? "r.subscription_id = :subscriptionId AND r.is_latest = TRUE" : "r.task_id = :taskId";
	}

	boolean contains(long recordTaskId, boolean latest) {
		return aggregated() ? latest : this.taskId == recordTaskId;
	}

}
