package io.subwatch.progress;

import java.time.Duration;
import java.time.Instant;

/**
 * A running host and how long its running sub-step has lasted.
 *
 * @param stuck whether that is longer than the sub-step's {@link SubStepTimes#stuckAfter()}
 */
public record Straggler(String instanceId, String ip, String hostName, String step, String subStep, Instant since,
		Duration running, boolean stuck) {

	public String name() {
		return (this.ip != null && !this.ip.isEmpty()) ? this.ip : (this.hostName != null) ? this.hostName : this.instanceId;
	}

}
