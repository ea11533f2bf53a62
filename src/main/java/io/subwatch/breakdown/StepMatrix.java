package io.subwatch.breakdown;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import io.subwatch.subscription.Status;

/**
 * Hosts by the sub-step they stand at and their status: one row per step and sub-step of the plans present, one
 * column per record status. Each host is in exactly one cell, so a column adds up to its status counter.
 *
 * @param columns the record statuses, in the order of the status table
 */
public record StepMatrix(List<Status> columns, List<Row> rows, boolean multiStep) {

	static final StepMatrix EMPTY = new StepMatrix(Status.RECORD_STATUSES, List.of(), false);

	/**
	 * @param step the step's id, @param subStep the sub-step's name (names of several plans joined by " / ")
	 */
	public record Row(int stepIndex, int subIndex, String step, String subStep, Map<Status, Integer> counts) {

		public int count(Status status) {
			return this.counts.getOrDefault(status, 0);
		}

		public int total() {
			return this.counts.values().stream().mapToInt(Integer::intValue).sum();
		}

		/** The {@code at} filter value of this row. */
		public String at() {
			return this.stepIndex + "." + this.subIndex;
		}

		static Row empty(int stepIndex, int subIndex, String step, String subStep) {
			return new Row(stepIndex, subIndex, step, subStep, new EnumMap<>(Status.class));
		}

	}

	public boolean isEmpty() {
		return this.rows.isEmpty();
	}

	public int total(Status status) {
		return this.rows.stream().mapToInt((row) -> row.count(status)).sum();
	}

	public int total() {
		return this.rows.stream().mapToInt(Row::total).sum();
	}

}
