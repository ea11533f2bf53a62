package io.subwatch.web;

import java.time.Instant;

import io.subwatch.result.ResultRow;
import io.subwatch.subscription.InstanceRecord;
import io.subwatch.subscription.Status;

/**
 * One row of the result table.
 *
 * @param stuck the host is one of its task's stragglers (the progress panels' rule)
 */
public record HostRow(long recordId, long taskId, String instanceId, String name, String hostName, Long cloudId,
		Long bizId, boolean service, Status status, CurrentStep step, Instant start, Instant finish, String href,
		boolean stuck) {

	static HostRow of(ResultRow row, boolean withTask, boolean stuck) {
		InstanceRecord record = row.record();
		boolean service = record.serviceName() != null && !record.serviceName().isEmpty();
		String hostName = (service && record.hostName() == null) ? null : record.hostName();
		Href href = Href.instance(record.subscriptionId(), record.instanceId());
		if (withTask) {
			href.param("task", record.taskId());
		}
		return new HostRow(record.id(), record.taskId(), record.instanceId(),
				service ? record.serviceName() : record.displayName(), hostName, record.bkCloudId(),
				record.bkBizId(), service, record.status(), CurrentStep.of(row.plan(), row.progress()),
				row.progress().startTime(), row.progress().finishTime(), href.toString(), stuck);
	}

	/** The id of the row's checkbox: stable across refreshes, so a refresh keeps it checked and focused. */
	public String selectId() {
		return "select-" + this.recordId;
	}

}
