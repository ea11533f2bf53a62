package io.subwatch.breakdown;

import java.util.List;

/**
 * Failed hosts that failed at the same sub-step with the same normalised error.
 *
 * @param pattern the error with what differs between hosts masked ("" when the hosts logged nothing)
 * @param share this cluster's part of all failed hosts of the scope, in percent (one decimal)
 * @param samples the first hosts of the cluster, with the line each logged
 */
public record FailureCluster(int stepIndex, int subIndex, String step, String subStep, String errorKey,
		String pattern, int count, double share, List<Sample> samples) {

	/** A host of the cluster: what to call it and the error line it logged. */
	public record Sample(String instanceId, String name, String errorLine) {
	}

	/** The {@code at} filter value of this cluster's sub-step. */
	public String at() {
		return this.stepIndex + "." + this.subIndex;
	}

}
