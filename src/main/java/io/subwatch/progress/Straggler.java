package io.subwatch.progress;

import java.time.Duration;
import java.time.Instant;

/**
 * A running host and how long its running sub-step has lasted.
 *
 * @param recordId the host's record in the task (the table's badge and stuck filter match on it)
 * @param stuck whether that is longer than the sub-step's {@link SubStepTimes#stuckAfter()}
 */
public record Straggler(long recordId, String instanceId, String ip, String hostName, String step, String subStep, Instant since,
		Duration running, boolean stuck) {

	public String name() {
		return (this.ip != null && !this.ip.isEmpty()) ? this.ip : (this.hostName != null) ? this.hostName : this.instanceId;
	}

}
