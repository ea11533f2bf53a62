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

}
