package io.subwatch.result;

import java.util.List;

/**
 * The parameters of task_result after validation (spec section 2). Lists are null when omitted (no filter) and empty
 * when given as {@code []} (nothing matches).
 *
 * @param statuses the statuses as the caller named them, any strings (see {@link ApiStatuses#storedAs})
 */
record TaskResultParams(long subscriptionId, List<Long> taskIdList, int page, int pagesize, Integer start,
		List<String> statuses, List<String> instanceIdList, List<String> excludeInstanceIds, boolean returnAll,
		boolean needDetail, boolean aggregateAllTasks, boolean outOfScopeSnapshots) {

	/** The legacy shape: a bare list when not paging and not return_all. */
	boolean bareList() {
		return this.pagesize == -1 && !this.returnAll;
	}

	boolean paged() {
		return this.pagesize != -1 && !this.returnAll;
	}

	/** 0-based offset of the page's first row. */
	long begin() {
		return (this.start != null) ? this.start - 1L : (this.page - 1L) * this.pagesize;
	}

	boolean filtered() {
		return this.statuses != null || this.instanceIdList != null || !this.excludeInstanceIds.isEmpty();
	}

}
