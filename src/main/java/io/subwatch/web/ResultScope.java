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

	/**
	 * The FROM and ORDER BY that read the scope in record id order straight off its index: ordering by the whole
	 * index prefix lets H2 see the index is sorted (ordering by id alone makes it sort every row of the task), and
	 * without a status filter the hint keeps H2 off its single-column foreign key index. MySQL reads the same index
	 * either way. With several statuses both read the (…, status, id) ranges and sort only the matches.
	 */
	String from(int statusCount) {
		return (aggregated() || statusCount > 0) ? "instance_record r"
				: "instance_record r USE INDEX (ix_instance_record_task_id)";
	}

	String orderBy(boolean oneStatus) {
		String prefix = aggregated() ? "r.subscription_id, r.is_latest, " : "r.task_id, ";
		return prefix + (oneStatus ? "r.status, r.id" : "r.id");
	}

	boolean contains(long recordTaskId, boolean latest) {
		return aggregated() ? latest : this.taskId == recordTaskId;
	}

}
