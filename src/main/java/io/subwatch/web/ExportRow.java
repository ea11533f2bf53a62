package io.subwatch.web;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import io.subwatch.result.ResultRow;
import io.subwatch.subscription.InstanceRecord;
import io.subwatch.subscription.RecordProgress;
import io.subwatch.subscription.Status;
import io.subwatch.subscription.StepPlan;
import io.subwatch.subscription.SubStepState;

/**
 * One host of an export (CSV or JSON): where it stands and, when it failed, the line that says why.
 *
 * @param step the step of the sub-step the host stands at (running, failed or terminated), or null
 * @param subStep that sub-step's name, or null
 * @param durationSeconds from start to finish, or to now while running; null before the start
 * @param errorLine the last error line of the failed (or terminated) sub-step's log, or null
 */
record ExportRow(String instanceId, String ip, Long cloudId, Long bizId, Status status, String step, String subStep,
		Instant start, Instant finish, Long durationSeconds, String errorLine) {

	/** Longer error lines are cut: a cell is for reading, the log has the rest. */
	static final int MAX_ERROR_LINE = 1000;

	static ExportRow of(ResultRow row, Map<Integer, String> logs, Instant now) {
		InstanceRecord record = row.record();
		RecordProgress progress = row.progress();
		SubStepState at = CurrentStep.at(progress);
		String step = null;
		String subStep = null;
		String errorLine = null;
		if (at != null) {
			StepPlan.Step planStep = row.plan().steps().get(at.stepIndex());
			step = planStep.id();
			subStep = planStep.subSteps().get(at.subIndex()).nodeName();
			if (at.status() != Status.RUNNING && logs != null) {
				errorLine = cut(LogView.lastErrorLine(logs.get(RecordProgress.key(at.stepIndex(), at.subIndex()))));
			}
		}
		String ip = (record.innerIp() != null && !record.innerIp().isEmpty()) ? record.innerIp() : record.innerIpV6();
		Instant start = progress.startTime();
		Instant finish = progress.finishTime();
		Long duration = null;
		if (start != null) {
			Instant end = (finish != null) ? finish : now;
			duration = end.isBefore(start) ? 0 : Duration.between(start, end).toSeconds();
		}
		return new ExportRow(record.instanceId(), ip, record.bkCloudId(), record.bkBizId(), record.status(), step,
				subStep, start, finish, duration, errorLine);
	}

	/** Whether the host stands at a failed or terminated sub-step (whose log the export reads). */
	static boolean stoppedAtError(ResultRow row) {
		SubStepState at = CurrentStep.at(row.progress());
		return at != null && at.status() != Status.RUNNING;
	}

	private static String cut(String line) {
		return (line != null && line.length() > MAX_ERROR_LINE) ? line.substring(0, MAX_ERROR_LINE) + "…" : line;
	}

}
