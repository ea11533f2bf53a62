package io.subwatch.subscription;

import java.time.Instant;

/**
 * One instance's record in one task, as stored: the derived status and times, and the host columns the pages show.
 */
public record InstanceRecord(long id, long subscriptionId, long taskId, String instanceId, long planId, Status status,
		boolean latest, Instant createTime, Instant startTime, Instant finishTime, Instant updateTime, Long bkHostId,
		String innerIp, String innerIpV6, Long bkCloudId, String hostName, Long bkBizId, String serviceName,
		String simpleInfo) {

	/** What an operator calls this instance: its IP, else its service name, else its id. */
	public String displayName() {
		if (this.innerIp != null && !this.innerIp.isEmpty()) {
			return this.innerIp;
		}
		if (this.innerIpV6 != null && !this.innerIpV6.isEmpty()) {
			return this.innerIpV6;
		}
		return (this.serviceName != null) ? this.serviceName : this.instanceId;
	}

}
