package io.subwatch.subscription;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A record's steps and sub-steps with their derived statuses and times (spec section 5): step status from its
 * sub-steps, record status from its steps; a step starts with its first sub-step and finishes, once terminal, with
 * its last finished sub-step; the record starts with its first step and finishes, once terminal, with its last
 * finished step.
 */
public record RecordProgress(Status status, Instant startTime, Instant finishTime, List<StepProgress> steps) {

	public record StepProgress(Status status, Instant startTime, Instant finishTime, List<SubStepState> subSteps) {
	}

	/** Derives the progress from the stored sub-steps, keyed by {@link #key}; absent ones are pending. */
	public static RecordProgress of(StepPlan plan, Map<Integer, SubStepState> stored) {
		List<StepProgress> steps = new ArrayList<>(plan.steps().size());
		for (int s = 0; s < plan.steps().size(); s++) {
			int count = plan.steps().get(s).subSteps().size();
			List<SubStepState> subs = new ArrayList<>(count);
			for (int i = 0; i < count; i++) {
				SubStepState state = stored.get(key(s, i));
				subs.add((state != null) ? state : SubStepState.pending(s, i));
			}
			steps.add(step(subs));
		}
		Status status = Status.derive(steps.stream().map(StepProgress::status).toList());
		Instant start = steps.stream().map(StepProgress::startTime).filter((t) -> t != null).findFirst().orElse(null);
		Instant finish = status.isTerminal() ? lastFinish(steps.stream().map(StepProgress::finishTime).toList())
				: null;
		return new RecordProgress(status, start, finish, steps);
	}

	private static StepProgress step(List<SubStepState> subs) {
		Status status = Status.derive(subs.stream().map(SubStepState::status).toList());
		Instant start = subs.stream().map(SubStepState::startTime).filter((t) -> t != null).findFirst().orElse(null);
		Instant finish = status.isTerminal() ? lastFinish(subs.stream().map(SubStepState::finishTime).toList())
				: null;
		return new StepProgress(status, start, finish, subs);
	}

	private static Instant lastFinish(List<Instant> finishes) {
		for (int i = finishes.size() - 1; i >= 0; i--) {
			if (finishes.get(i) != null) {
				return finishes.get(i);
			}
		}
		return null;
	}

	/** Map key of a sub-step within a record. */
	public static int key(int stepIndex, int subIndex) {
		return (stepIndex << 16) | subIndex;
	}

}
