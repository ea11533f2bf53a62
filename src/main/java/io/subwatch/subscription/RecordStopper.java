package io.subwatch.subscription;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;


import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Ends records that are still pending or running, on behalf of revoke (TERMINATED) or the zombie check (FAILED): the
 * running sub-steps, or else the first pending one, take the final status with a log line saying why, so the
 * record's derived status is that status and later executor events cannot revive it.
 */
@Component
public class RecordStopper {

	private final SubStepDao subSteps;

	private final StepPlanDao plans;

	private final CounterDao counters;

	private final RecordLocks locks;

	private final RecordPlaces places;

	RecordStopper(SubStepDao subSteps, StepPlanDao plans, CounterDao counters,
			RecordLocks locks, RecordPlaces places) {
		this.places = places;
		this.subSteps = subSteps;
		this.plans = plans;
		this.counters = counters;
		this.locks = locks;
	}

	/** Stops those of the records that are still active; returns how many it stopped. */
	@Transactional(propagation = Propagation.MANDATORY)
	public int stop(Collection<Long> recordIds, Status finalStatus, Function<InstanceRecord, String> logLine,
			Instant now) {
		List<InstanceRecordDao.WithSubSteps> active = this.locks.lockWithSubSteps(recordIds)
			.values()
			.stream()
			.filter((found) -> found.record().status().isActive())
			.sorted((a, b) -> Long.compare(a.record().id(), b.record().id()))
			.toList();
		if (active.isEmpty()) {
			return 0;
		}
		List<SubStepDao.LogAppend> logs = new ArrayList<>();
		CounterDeltas deltas = new CounterDeltas();
		List<RecordPlaces.Moved> moved = new ArrayList<>();
		for (InstanceRecordDao.WithSubSteps found : active) {
			InstanceRecord record = found.record();
			StepPlan plan = this.plans.findById(record.planId());
			Map<Integer, SubStepState> states = new HashMap<>(found.subSteps());
			List<SubStepState> targets = targets(plan, states);
			if (targets.isEmpty()) {
				continue;
			}
			for (SubStepState target : targets) {
				SubStepState stopped = new SubStepState(target.stepIndex(), target.subIndex(), finalStatus,
						target.startTime(), now);
				states.put(RecordProgress.key(target.stepIndex(), target.subIndex()), stopped);
			}
			SubStepState last = targets.get(targets.size() - 1);
			logs.add(new SubStepDao.LogAppend(record.id(), last.stepIndex(), last.subIndex(), logLine.apply(record), now,
					finalStatus));
			RecordProgress after = RecordProgress.of(plan, states);
			moved.add(new RecordPlaces.Moved(record, after, states.values(), found.place()));
			deltas.move(record.id(), record.taskId(), record.subscriptionId(), record.latest(), record.status(), after.status());
		}
		this.subSteps.appendLogs(logs);
		this.counters.apply(deltas);
		// each record's row once: its sub-steps, status, times and place (a stop always changes the status)
		this.places.movedWithProgress(moved, now);
		return active.size();
	}

	/** The running sub-steps, or the first pending one when none runs. */
	private static List<SubStepState> targets(StepPlan plan, Map<Integer, SubStepState> states) {
		List<SubStepState> running = new ArrayList<>();
		SubStepState firstPending = null;
		for (int s = 0; s < plan.steps().size(); s++) {
			for (int i = 0; i < plan.steps().get(s).subSteps().size(); i++) {
				SubStepState state = states.getOrDefault(RecordProgress.key(s, i), SubStepState.pending(s, i));
				if (state.status() == Status.RUNNING) {
					running.add(state);
				}
				else if (state.status() == Status.PENDING && firstPending == null) {
					firstPending = state;
				}
			}
		}
		if (!running.isEmpty() || firstPending == null) {
			return running;
		}
		return List.of(firstPending);
	}

}
