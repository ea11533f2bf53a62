package io.subwatch.ingest;

import java.util.List;

import io.subwatch.subscription.StepPlan;

/**
 * An instance of a task request: its id, what its instance_info says and the steps it runs. The steps' ids are
 * checked against the subscription (and their types taken from it) when the task is written.
 */
public record InstanceRequest(String instanceId, Info info, List<Step> steps) {

	/**
	 * The host columns extracted from instance_info, the simple subset and the whole document as JSON text; built by
	 * {@link IngestRequests#info}.
	 */
	public record Info(Long hostId, String innerIp, String innerIpV6, Long cloudId, String hostName, Long bizId,
			String serviceName, String simpleInfo, String fullInfo) {
	}

	/** A step of the instance's plan; {@code extraInfo} is JSON text ({@code "{}"} when none). */
	public record Step(String id, String action, String nodeName, String extraInfo, List<StepPlan.SubStep> subSteps) {
	}

}
