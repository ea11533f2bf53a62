package io.subwatch.subscription;

import java.util.List;

/**
 * The steps and sub-steps one record runs, in order. Immutable once stored; many records share one plan.
 *
 * @param id the stored plan's id
 * @param steps the steps in execution order
 */
public record StepPlan(long id, List<Step> steps) {

	/**
	 * @param id step id, e.g. {@code agent} or {@code bkmonitorbeat}
	 * @param type AGENT, PLUGIN or PROXY (from the subscription)
	 * @param action e.g. INSTALL_AGENT
	 * @param nodeName e.g. {@code [agent] 安装}
	 * @param extraInfo the step's extra_info object, as JSON text
	 * @param subSteps the sub-steps in order
	 */
	public record Step(String id, String type, String action, String nodeName, String extraInfo,
			List<SubStep> subSteps) {
	}

	/**
	 * @param nodeName e.g. {@code 安装}
	 * @param stepCode the executor's code for it, or null
	 */
	public record SubStep(String nodeName, String stepCode) {
	}

	public int indexOfStep(String stepId) {
		for (int i = 0; i < this.steps.size(); i++) {
			if (this.steps.get(i).id().equals(stepId)) {
				return i;
			}
		}
		return -1;
	}

	public int subStepCount() {
		return this.steps.stream().mapToInt((step) -> step.subSteps().size()).sum();
	}

}
