package io.subwatch.web;

import java.time.Instant;

import io.subwatch.result.ResultRow;
import io.subwatch.subscription.InstanceRecord;
import io.subwatch.subscription.Status;

/**
 * One row of the result table.
 *
 * @param stuck the host is one of its task's stragglers (the progress panels' rule)
 * @param cells what the row shows of its status, place and times, as text
 */
public record HostRow(long recordId, long taskId, String instanceId, String name, String hostName, Long cloudId,
		Long bizId, boolean service, Status status, CurrentStep step, Instant start, Instant finish, String href,
		boolean stuck, RowCells cells) {

	static HostRow of(ResultRow row, boolean withTask, boolean stuck, PageFormat format) {
		InstanceRecord record = row.record();
		boolean service = record.serviceName() != null && !record.serviceName().isEmpty();
		String hostName = (service && record.hostName() == null) ? null : record.hostName();
		Href href = Href.instance(record.subscriptionId(), record.instanceId());
		if (withTask) {
			href.param("task", record.taskId());
		}
		CurrentStep step = CurrentStep.of(row.plan(), row.progress());
		Instant start = row.progress().startTime();
		Instant finish = row.progress().finishTime();
		return new HostRow(record.id(), record.taskId(), record.instanceId(),
				service ? record.serviceName() : record.displayName(), hostName, record.bkCloudId(),
				record.bkBizId(), service, record.status(), step, start, finish, href.toString(), stuck,
				format.cells(record.status(), step, start, finish));
	}

	/** The id of the row's checkbox: stable across refreshes, so a refresh keeps it checked and focused. */
	public String selectId() {
		return "select-" + this.recordId;
	}

}
