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

	List<Status> distinctStatuses() {
		return (this.statuses != null) ? this.statuses.stream().distinct().toList() : null;
	}

	/** One status and nothing else that picks instances: each status's rows can be read in index order. */
	boolean singleStatus() {
		return this.statuses != null && distinctStatuses().size() == 1;
	}

	/** Several statuses and no instance list: the window is a merge of one index-ordered read per status. */
	boolean mergeStatuses() {
		return this.statuses != null && distinctStatuses().size() > 1 && this.instanceIds == null;
	}

	/** The same filter for one of its statuses. */
	RecordFilter withStatus(Status status) {
		return new RecordFilter(List.of(status), this.instanceIds, this.excludedIds);
	}

	/**
	 * The ORDER BY of a window: record id, preceded by the columns the scope and a single status pin, so the database
	 * walks an index in order and stops at the page ({@code task_id, status, id}); H2 sorts the whole set otherwise.
	 * An instance list is looked up by instance, then sorted (it is short).
	 */
	String orderBy(RecordScope scope, boolean descending) {
		String direction = descending ? " DESC" : "";
		if (this.instanceIds != null) {
			return " ORDER BY r.id" + direction;
		}
		StringBuilder order = new StringBuilder(" ORDER BY ");
		for (String column : scope.orderPrefix()) {
			order.append(column).append(direction).append(", ");
		}
		if (singleStatus() && !scope.orderPrefix().isEmpty()) {
			order.append("r.status").append(direction).append(", ");
		}
		return order.append("r.id").append(direction).toString();
	}

	String where() {
		StringBuilder sql = new StringBuilder();
		if (singleStatus()) {
			sql.append(" AND r.status = :filterStatus");
		}
		else if (this.statuses != null) {
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
		if (singleStatus()) {
			params.put("filterStatus", this.statuses.get(0).name());
		}
		else if (this.statuses != null) {
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
