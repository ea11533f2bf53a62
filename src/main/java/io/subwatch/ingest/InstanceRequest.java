package io.subwatch.ingest;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import io.subwatch.subscription.StepPlan;
import io.subwatch.system.ApiException;

/**
 * An instance of a task request: its id, what its instance_info says and the steps it runs. {@link InstanceParser}
 * checks the JSON shapes, {@link #check(String)} the values for every caller; the steps' ids are checked against the
 * subscription (and their types taken from it) when the task is written.
 */
public record InstanceRequest(String instanceId, Info info, List<Step> steps) {

	/** Refuses an id or a plan no instance may have; {@code at} names the instance as the API does. */
	void check(String at) {
		RequestValues.text(this.instanceId, at + ".instance_id", InstanceParser.MAX_INSTANCE_ID, true);
		InstanceIds.check(this.instanceId, at + ".instance_id");
		if (this.steps == null || this.steps.isEmpty()) {
			throw ApiException.invalid(at + ".steps must have at least one step");
		}
		Set<String> ids = new HashSet<>();
		int subSteps = 0;
		for (int s = 0; s < this.steps.size(); s++) {
			this.steps.get(s).check(at + ".steps[" + s + "]", ids);
			subSteps += this.steps.get(s).subSteps().size();
		}
		if (subSteps > MAX_SUB_STEPS) {
			throw ApiException.invalid(at + ".steps: at most " + MAX_SUB_STEPS + " sub-steps in all, got " + subSteps);
		}
	}

	/**
	 * Most sub-steps of one instance's plan: their states are kept in one column of the record (SubStepColumn), which
	 * holds a thousand of them with room to spare.
	 */
	static final int MAX_SUB_STEPS = 1000;

	/**
	 * The host columns extracted from instance_info, the simple subset and the whole document as JSON text; built by
	 * {@link IngestRequests#info}.
	 */
	public record Info(Long hostId, String innerIp, String innerIpV6, Long cloudId, String hostName, Long bizId,
			String serviceName, String simpleInfo, String fullInfo) {
	}

	/** A step of the instance's plan; {@code extraInfo} is JSON text ({@code "{}"} when none). */
	public record Step(String id, String action, String nodeName, String extraInfo, List<StepPlan.SubStep> subSteps) {

		private void check(String at, Set<String> seen) {
			RequestValues.text(this.id, at + ".id", 64, true);
			if (!seen.add(this.id)) {
				throw ApiException.invalid(at + ".id '" + this.id + "' appears twice");
			}
			RequestValues.text(this.action, at + ".action", 64, true);
			RequestValues.text(this.nodeName, at + ".node_name", 200, true);
			if (this.subSteps == null || this.subSteps.isEmpty()) {
				throw ApiException.invalid(at + ".sub_steps must have at least one sub-step");
			}
			for (int i = 0; i < this.subSteps.size(); i++) {
				StepPlan.SubStep sub = this.subSteps.get(i);
				RequestValues.text(sub.nodeName(), at + ".sub_steps[" + i + "].node_name", 200, true);
				RequestValues.text(sub.stepCode(), at + ".sub_steps[" + i + "].step_code", 64, false);
			}
		}

	}

}
