package io.subwatch.web;

import java.util.List;

import io.subwatch.subscription.RecordProgress;
import io.subwatch.subscription.Status;
import io.subwatch.subscription.StepPlan;
import io.subwatch.subscription.SubStepState;

/**
 * Where a record stands, in words: "正在 安装" (the furthest running sub-step), "安装 失败" (the first failed one),
 * "执行成功", "等待执行".
 *
 * @param messageKey the sentence, taking {@code name} as its argument
 * @param name the sub-step concerned (with its step's id when the plan has several steps), or null
 */
public record CurrentStep(String messageKey, String name) {

	static CurrentStep of(StepPlan plan, RecordProgress progress) {
		SubStepState at = at(progress);
		if (at != null) {
			return new CurrentStep("step.now." + at.status().name(), name(plan, at));
		}
		return new CurrentStep("step.now." + progress.status().name(), null);
	}

	/** The sub-step a record stands at: the furthest running one, else the first failed, else the first terminated. */
	static SubStepState at(RecordProgress progress) {
		SubStepState running = null;
		for (RecordProgress.StepProgress step : progress.steps()) {
			for (SubStepState sub : step.subSteps()) {
				if (sub.status() == Status.RUNNING) {
					running = sub;
				}
			}
		}
		if (running != null) {
			return running;
		}
		for (Status ending : List.of(Status.FAILED, Status.TERMINATED)) {
			SubStepState at = find(progress, ending);
			if (at != null) {
				return at;
			}
		}
		return null;
	}

	private static SubStepState find(RecordProgress progress, Status status) {
		for (RecordProgress.StepProgress step : progress.steps()) {
			for (SubStepState sub : step.subSteps()) {
				if (sub.status() == status) {
					return sub;
				}
			}
		}
		return null;
	}

	static String name(StepPlan plan, SubStepState sub) {
		StepPlan.Step step = plan.steps().get(sub.stepIndex());
		String name = step.subSteps().get(sub.subIndex()).nodeName();
		return (plan.steps().size() > 1) ? step.id() + " · " + name : name;
	}

}
