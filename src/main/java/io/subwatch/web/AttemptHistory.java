package io.subwatch.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.subwatch.subscription.InstanceRecord;
import io.subwatch.subscription.RecordProgress;
import io.subwatch.subscription.StepPlan;
import io.subwatch.subscription.StepPlanDao;
import io.subwatch.subscription.SubStepDao;
import io.subwatch.subscription.SubStepState;

import org.springframework.stereotype.Component;

/**
 * The instance page's attempts with the sub-step each stopped at (failed or terminated) or stands at (running): one
 * query for the sub-steps of every attempt, plans from their cache. Templates call it as {@code @attemptHistory}, so
 * the page's loader stays as it is.
 */
@Component("attemptHistory")
class AttemptHistory {

	/**
	 * One attempt.
	 *
	 * @param step where it stopped or stands, or a step with a null name when it has nothing to point at
	 * @param stepHref that attempt's timeline opened at that sub-step, or null
	 */
	public record Attempt(InstanceRecord record, CurrentStep step, String stepHref) {
	}

	private final SubStepDao subSteps;

	private final StepPlanDao plans;

	AttemptHistory(SubStepDao subSteps, StepPlanDao plans) {
		this.subSteps = subSteps;
		this.plans = plans;
	}

	public List<Attempt> of(List<InstanceRecord> history) {
		Map<Long, Map<Integer, SubStepState>> states = this.subSteps
			.findByRecordIds(history.stream().map(InstanceRecord::id).toList());
		List<Attempt> attempts = new ArrayList<>(history.size());
		for (InstanceRecord record : history) {
			StepPlan plan = this.plans.findById(record.planId());
			RecordProgress progress = RecordProgress.of(plan, states.getOrDefault(record.id(), Map.of()));
			SubStepState at = CurrentStep.at(progress);
			String href = (at != null) ? Href.instance(record.subscriptionId(), record.instanceId())
				.param("task", record.taskId())
				.param("step", at.stepIndex())
				.param("sub", at.subIndex())
				.toString() : null;
			attempts.add(new Attempt(record, CurrentStep.of(plan, progress), href));
		}
		return attempts;
	}

}
