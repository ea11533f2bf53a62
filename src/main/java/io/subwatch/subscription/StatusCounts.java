package io.subwatch.subscription;

import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** Records by status, plus their total: the API's {@code status_counter} and the pages' counters. */
public record StatusCounts(Map<Status, Integer> byStatus, int total) {

	public static final StatusCounts EMPTY = new StatusCounts(Map.of(), 0);

	public static StatusCounts of(List<Map.Entry<String, Integer>> rows) {
		Map<Status, Integer> counts = new EnumMap<>(Status.class);
		int total = 0;
		for (Map.Entry<String, Integer> row : rows) {
			if (row.getValue() > 0) {
				counts.merge(Status.valueOf(row.getKey()), row.getValue(), Integer::sum);
				total += row.getValue();
			}
		}
		return new StatusCounts(Collections.unmodifiableMap(counts), total);
	}

	public int count(Status status) {
		return this.byStatus.getOrDefault(status, 0);
	}

	/** Whether any record still waits or runs. */
	public boolean active() {
		return count(Status.PENDING) + count(Status.RUNNING) > 0;
	}

	/**
	 * The task-level summary: RUNNING while anything waits or runs (PENDING when nothing has started), else SUCCESS,
	 * FAILED, TERMINATED, or PART_FAILED when some failed and some succeeded.
	 */
	public Status summary() {
		if (this.total == 0) {
			return Status.PENDING;
		}
		if (active()) {
			return (count(Status.PENDING) == this.total) ? Status.PENDING : Status.RUNNING;
		}
		int failed = count(Status.FAILED) + count(Status.TERMINATED);
		if (failed == 0) {
			return Status.SUCCESS;
		}
		if (count(Status.SUCCESS) > 0) {
			return Status.PART_FAILED;
		}
		return (count(Status.FAILED) > 0) ? Status.FAILED : Status.TERMINATED;
	}

}
