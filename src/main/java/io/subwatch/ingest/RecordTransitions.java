package io.subwatch.ingest;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;

import io.subwatch.subscription.InstanceRecord;
import io.subwatch.subscription.RecordProgress;
import io.subwatch.subscription.Status;
import io.subwatch.subscription.StepPlan;
import io.subwatch.subscription.SubStepState;

/**
 * The sub-step state changes one batch makes to one record (spec section 5): forward-only transitions, the back-fill
 * of earlier pending or running sub-steps, and no change once the record was terminated. Log text is placed apart
 * from state, by {@link LogMerge}.
 */
final class RecordTransitions {

	private final InstanceRecord record;

	private final StepPlan plan;

	private final Map<Integer, SubStepState> current;

	private boolean changed;

	RecordTransitions(InstanceRecord record, StepPlan plan, Map<Integer, SubStepState> stored) {
		this.record = record;
		this.plan = plan;
		this.current = new HashMap<>(stored);
	}

	/** Applies one event's status; false when it changes nothing (repeated, backward, or the record terminated). */
	boolean apply(int stepIndex, Event event) {
		if (this.record.status() == Status.TERMINATED) {
			return false;
		}
		SubStepState before = state(stepIndex, event.subStep());
		if (!before.status().canMoveTo(event.status())) {
			return false;
		}
		boolean running = event.status() == Status.RUNNING;
		put(new SubStepState(stepIndex, event.subStep(), event.status(),
				(before.startTime() != null) ? before.startTime() : event.time(), running ? null : event.time()));
		// sub-steps run one after another: a later one starting or ending proves the earlier ones finished, so those
		// still pending or running (an event lost) succeed now, and a lost event never leaves the host running
		for (int earlier = 0; earlier < event.subStep(); earlier++) {
			SubStepState was = state(stepIndex, earlier);
			if (was.status().isActive()) {
				put(new SubStepState(stepIndex, earlier, Status.SUCCESS,
						(was.startTime() != null) ? was.startTime() : event.time(), event.time()));
			}
		}
		return true;
	}

	private SubStepState state(int stepIndex, int subIndex) {
		SubStepState state = this.current.get(RecordProgress.key(stepIndex, subIndex));
		return (state != null) ? state : SubStepState.pending(stepIndex, subIndex);
	}

	private void put(SubStepState state) {
		int key = RecordProgress.key(state.stepIndex(), state.subIndex());
		this.current.put(key, state);
		this.changed = true;
	}

	boolean changed() {
		return this.changed;
	}

	InstanceRecord record() {
		return this.record;
	}

	RecordProgress progress() {
		return RecordProgress.of(this.plan, this.current);
	}

	/** Every stored state after the batch: the stored ones with this batch's changes (pending sub-steps have none). */
	Collection<SubStepState> states() {
		return this.current.values();
	}

}
