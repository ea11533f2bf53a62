package io.subwatch.result;

import java.util.List;
import java.util.Map;

import io.subwatch.subscription.Status;

/**
 * The filters of task_result, applied after the base set (spec section 3, step 3). Null lists filter nothing; empty
 * ones match nothing.
 */
record RecordFilter(List<Status> statuses, List<String> instanceIds, List<String> excludedIds) {

	static final RecordFilter NONE = new RecordFilter(null, null, List.of());

	boolean matchesNothing() {
		return (this.statuses != null && this.statuses.isEmpty())
				|| (this.instanceIds != null && this.instanceIds.isEmpty());
	}

	boolean isEmpty() {
		return this.statuses == null && this.instanceIds == null && this.excludedIds.isEmpty();
	}

	/** Only a status filter: its total is a sum of counters. */
	boolean statusesOnly() {
		return this.statuses != null && this.instanceIds == null && this.excludedIds.isEmpty();
	}

	String where() {
		StringBuilder sql = new StringBuilder();
		if (this.statuses != null) {
			sql.append(" AND r.status IN (:filterStatuses)");
		}
		if (this.instanceIds != null) {
			sql.append(" AND r.instance_id IN (:filterInstanceIds)");
		}
		if (!this.excludedIds.isEmpty()) {
			sql.append(" AND r.instance_id NOT IN (:filterExcludedIds)");
		}
		return sql.toString();
	}

	void addParams(Map<String, Object> params) {
		if (this.statuses != null) {
			params.put("filterStatuses", this.statuses.stream().map(Status::name).toList());
		}
		if (this.instanceIds != null) {
			params.put("filterInstanceIds", this.instanceIds);
		}
		if (!this.excludedIds.isEmpty()) {
			params.put("filterExcludedIds", this.excludedIds);
		}
	}

}
