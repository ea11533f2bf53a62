package io.subwatch.ingest;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.subwatch.subscription.InstanceRecord;
import io.subwatch.subscription.RecordProgress;
import io.subwatch.subscription.Status;
import io.subwatch.subscription.StepPlan;
import io.subwatch.subscription.SubStepDao;
import io.subwatch.subscription.SubStepState;

/**
 * The sub-step changes one batch makes to one record (spec section 5): forward-only transitions, the back-fill of
 * earlier pending or running sub-steps, and nothing at all once the record was terminated.
 */
final class RecordTransitions {

	private final InstanceRecord record;

	private final StepPlan plan;

	private final Map<Integer, SubStepState> stored;

	private final Map<Integer, SubStepState> current;

	private final Set<Integer> changed = new LinkedHashSet<>();

	private final List<SubStepDao.LogAppend> logs = new ArrayList<>();

	private final List<SubStepDao.LogAppend> repeatLogs = new ArrayList<>();

	RecordTransitions(InstanceRecord record, StepPlan plan, Map<Integer, SubStepState> stored) {
		this.record = record;
		this.plan = plan;
		this.stored = stored;
		this.current = new HashMap<>(stored);
	}

	/** Applies one event; false when it is ignored (repeated, backward, or the record was terminated). */
	boolean apply(int stepIndex, Event event) {
		if (this.record.status() == Status.TERMINATED) {
			return false;
		}
		SubStepState before = state(stepIndex, event.subStep());
		if (!before.status().canMoveTo(event.status())) {
			if (before.status() == event.status() && event.log() != null) {
				// a repeat that brings text (progress lines, collected logs): kept unless the same text is stored
				this.repeatLogs.add(new SubStepDao.LogAppend(this.record.id(), stepIndex, event.subStep(), event.log()));
			}
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
		if (event.log() != null) {
			this.logs.add(new SubStepDao.LogAppend(this.record.id(), stepIndex, event.subStep(), event.log()));
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
		this.changed.add(key);
	}

	/** Log text of repeated events, to append where it is not stored yet. */
	List<SubStepDao.LogAppend> repeatLogs() {
		return this.repeatLogs;
	}

	boolean changed() {
		return !this.changed.isEmpty();
	}

	InstanceRecord record() {
		return this.record;
	}

	RecordProgress progress() {
		return RecordProgress.of(this.plan, this.current);
	}

	void collect(List<SubStepDao.Write> inserts, List<SubStepDao.Write> updates, List<SubStepDao.LogAppend> logs) {
		for (Integer key : this.changed) {
			SubStepDao.Write write = new SubStepDao.Write(this.record.id(), this.current.get(key));
			(this.stored.containsKey(key) ? updates : inserts).add(write);
		}
		logs.addAll(this.logs);
	}

}
