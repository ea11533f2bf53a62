package io.subwatch.records;

import java.util.List;
import java.util.Map;

import io.subwatch.subscription.Status;

/**
 * The filters applied after the base set (task_result spec section 3, step 3; the page's status and breakdown
 * filters). Null lists filter nothing; empty ones match nothing.
 *
 * @param place hosts at one sub-step (the breakdown panels' filter), or null
 */
public record RecordFilter(List<Status> statuses, List<String> instanceIds, List<String> excludedIds, Place place) {

	public static final RecordFilter NONE = new RecordFilter(null, null, List.of(), null);

	public RecordFilter(List<Status> statuses, List<String> instanceIds, List<String> excludedIds) {
		this(statuses, instanceIds, excludedIds, null);
	}

	/** The page's filter: some statuses (none: all), optionally at a place. */
	public static RecordFilter of(List<Status> statuses, Place place) {
		return new RecordFilter(statuses.isEmpty() ? null : statuses, null, List.of(), place);
	}

	boolean matchesNothing() {
		return (this.statuses != null && this.statuses.isEmpty())
				|| (this.instanceIds != null && this.instanceIds.isEmpty());
	}

	boolean isEmpty() {
		return this.statuses == null && this.instanceIds == null && this.excludedIds.isEmpty() && this.place == null;
	}

	/** Only a status filter: its total is a sum of counters. */
	boolean statusesOnly() {
		return this.statuses != null && this.instanceIds == null && this.excludedIds.isEmpty() && this.place == null;
	}

	List<Status> distinctStatuses() {
		return (this.statuses != null) ? this.statuses.stream().distinct().toList() : null;
	}

	/** One status and nothing else that picks instances: each status's rows can be read in index order. */
	boolean singleStatus() {
		return this.statuses != null && distinctStatuses().size() == 1;
	}

	/**
	 * Several statuses and neither an instance list nor a place: the window is a merge of one index-ordered read per
	 * status ({@link RecordWindow#mergeStatusReads}).
	 */
	boolean mergeStatuses() {
		return this.statuses != null && distinctStatuses().size() > 1 && this.instanceIds == null
				&& this.place == null;
	}

	/** The same filter for one of its statuses. */
	RecordFilter withStatus(Status status) {
		return new RecordFilter(List.of(status), this.instanceIds, this.excludedIds, this.place);
	}

	/**
	 * The FROM of a window: one task's records, unfiltered, read off (task_id, id); the hint keeps H2 off its
	 * single-column foreign key index (MySQL reads the same index either way). Filtered reads pick their own index.
	 */
	String from(RecordScope scope) {
		return (scope.wholeTask() && this.statuses == null && this.instanceIds == null && this.place == null)
				? "instance_record r USE INDEX (ix_instance_record_task_id)" : "instance_record r";
	}

	/**
	 * The ORDER BY of a window: record id, preceded by the columns the scope and a single status pin, so the database
	 * walks an index in order and stops at the page ({@code task_id, status, id}); H2 sorts the whole set otherwise.
	 * One status at a place reads the place index in its own order (at_step, at_sub, error_key, id); several statuses
	 * at a place sort by id. An instance list is looked up by instance, then sorted (it is short).
	 */
	String orderBy(RecordScope scope, boolean descending) {
		String direction = descending ? " DESC" : "";
		if (this.instanceIds != null || scope.orderPrefix().isEmpty()
				|| (this.place != null && !singleStatus())) {
			return " ORDER BY r.id" + direction;
		}
		StringBuilder order = new StringBuilder(" ORDER BY ");
		for (String column : scope.orderPrefix()) {
			order.append(column).append(direction).append(", ");
		}
		if (singleStatus()) {
			order.append("r.status").append(direction).append(", ");
			if (this.place != null) {
				order.append("r.at_step").append(direction).append(", r.at_sub").append(direction)
					.append(", r.error_key").append(direction).append(", ");
			}
		}
		return order.append("r.id").append(direction).toString();
	}

	/**
	 * The order of a keyset walk ({@code r.id > :after}), which must be record id order: a whole cell (a place
	 * without error key) read in its index order would skip hosts.
	 */
	String keysetOrder(RecordScope scope) {
		return (this.place != null && this.place.errorKey() == null) ? " ORDER BY r.id" : orderBy(scope, false);
	}

	String where(Map<String, Object> params) {
		StringBuilder sql = new StringBuilder();
		if (singleStatus()) {
			sql.append(" AND r.status = :filterStatus");
			params.put("filterStatus", this.statuses.get(0).name());
		}
		else if (this.statuses != null) {
			sql.append(" AND r.status IN (:filterStatuses)");
			params.put("filterStatuses", this.statuses.stream().map(Status::name).toList());
		}
		if (this.instanceIds != null) {
			sql.append(" AND r.instance_id IN (:filterInstanceIds)");
			params.put("filterInstanceIds", this.instanceIds);
		}
		if (!this.excludedIds.isEmpty()) {
			sql.append(" AND r.instance_id NOT IN (:filterExcludedIds)");
			params.put("filterExcludedIds", this.excludedIds);
		}
		if (this.place != null) {
			sql.append(this.place.where(params));
		}
		return sql.toString();
	}

}
