package io.subwatch.result;

import java.util.Map;

import io.subwatch.subscription.InstanceRecord;
import io.subwatch.subscription.RecordProgress;
import io.subwatch.subscription.StepPlan;

/**
 * Everything one row of task_result shows: the record, its plan and derived progress, and with need_detail its full
 * instance_info and logs.
 *
 * @param instanceInfo JSON text: the simple subset, or the full instance_info with need_detail
 * @param logs log text by sub-step key, or null without need_detail
 */
public record ResultRow(InstanceRecord record, String taskPipelineId, StepPlan plan, RecordProgress progress,
		String instanceInfo, Map<Integer, String> logs) {
}
