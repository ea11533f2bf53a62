package io.subwatch.subscription;

import java.util.Comparator;
import java.util.Map;
import java.util.TreeMap;

/**
 * Changes to the place counters (step matrix and failure clusters) collected during one transaction and applied in
 * key order, like {@link CounterDeltas}: per task (all its records) and per subscription (its latest records).
 */
final class PlaceDeltas {

	record Cell(boolean byTask, long scopeId, long planId, int stepIndex, int subIndex, String status) {

		static final Comparator<Cell> ORDER = Comparator.comparing(Cell::byTask)
			.thenComparingLong(Cell::scopeId)
			.thenComparingLong(Cell::planId)
			.thenComparingInt(Cell::stepIndex)
			.thenComparingInt(Cell::subIndex)
			.thenComparing(Cell::status);

	}

	record Failure(boolean byTask, long scopeId, int stepIndex, int subIndex, String errorKey) {

		static final Comparator<Failure> ORDER = Comparator.comparing(Failure::byTask)
			.thenComparingLong(Failure::scopeId)
			.thenComparingInt(Failure::stepIndex)
			.thenComparingInt(Failure::subIndex)
			.thenComparing(Failure::errorKey);

	}

	private final Map<Cell, Integer> cells = new TreeMap<>(Cell.ORDER);

	private final Map<Failure, Integer> failures = new TreeMap<>(Failure.ORDER);

	/** A record moved (either side may be null: created or dropped); {@code latest} says it counts for its subscription. */
	void move(InstanceRecord record, boolean latest, Status fromStatus, RecordPlace from, Status toStatus,
			RecordPlace to) {
		if (fromStatus != null) {
			add(record, latest, fromStatus, from, -1);
		}
		if (toStatus != null) {
			add(record, latest, toStatus, to, 1);
		}
	}

	private void add(InstanceRecord record, boolean latest, Status status, RecordPlace place, int delta) {
		add(true, record.taskId(), record.planId(), status, place, delta);
		if (latest) {
			add(false, record.subscriptionId(), record.planId(), status, place, delta);
		}
	}

	void add(boolean byTask, long scopeId, long planId, Status status, RecordPlace place, int delta) {
		this.cells.merge(new Cell(byTask, scopeId, planId, place.stepIndex(), place.subIndex(), status.name()), delta,
				Integer::sum);
		if (status == Status.FAILED) {
			String key = (place.errorKey() != null) ? place.errorKey() : ErrorText.EMPTY_KEY;
			this.failures.merge(new Failure(byTask, scopeId, place.stepIndex(), place.subIndex(), key), delta,
					Integer::sum);
		}
	}

	Map<Cell, Integer> cells() {
		return this.cells;
	}

	Map<Failure, Integer> failures() {
		return this.failures;
	}

}
