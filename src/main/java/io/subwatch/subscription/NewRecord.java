package io.subwatch.subscription;

/**
 * A record to insert: the instance, its plan, the host columns extracted from instance_info, the simple subset and the
 * full instance_info as JSON text.
 */
public record NewRecord(String instanceId, long planId, Long bkHostId, String innerIp, String innerIpV6,
		Long bkCloudId, String hostName, Long bkBizId, String serviceName, String simpleInfo, String fullInfo) {
}
