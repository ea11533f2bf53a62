package io.subwatch.result;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.subwatch.subscription.InstanceRecord;
import io.subwatch.subscription.InstanceRecordDao;
import io.subwatch.subscription.RecordProgress;
import io.subwatch.subscription.SubStepDao;
import io.subwatch.subscription.StepPlanDao;
import io.subwatch.subscription.TaskDao;

import org.springframework.stereotype.Component;

/**
 * Builds result rows for a list of record ids with a fixed number of queries whatever their count: records with their
 * sub-step states, and with detail instance_info and logs. Plans come from their cache.
 */
@Component
public class RowAssembler {

	private final InstanceRecordDao records;

	private final SubStepDao subSteps;

	private final StepPlanDao plans;

	private final TaskDao tasks;

	RowAssembler(InstanceRecordDao records, SubStepDao subSteps, StepPlanDao plans, TaskDao tasks) {
		this.records = records;
		this.subSteps = subSteps;
		this.plans = plans;
		this.tasks = tasks;
	}

	/** Rows in the order of {@code recordIds}. */
	public List<ResultRow> assemble(List<Long> recordIds, boolean detail, Map<Long, String> taskPipelineIds) {
		List<InstanceRecordDao.WithSubSteps> found = this.records.findAllWithSubSteps(recordIds);
		Map<Long, String> infos = detail ? this.records.findInstanceInfo(recordIds) : Map.of();
		Map<Long, Map<Integer, String>> logs = detail ? this.subSteps.findLogs(recordIds) : Map.of();
		List<ResultRow> rows = new ArrayList<>(found.size());
		for (InstanceRecordDao.WithSubSteps withSubSteps : found) {
			InstanceRecord record = withSubSteps.record();
			var plan = this.plans.findById(record.planId());
			String pipelineId = taskPipelineIds.computeIfAbsent(record.taskId(),
					(taskId) -> this.tasks.findById(taskId).orElseThrow().pipelineId());
			RecordProgress progress = RecordProgress.of(plan, withSubSteps.subSteps());
			rows.add(new ResultRow(record, pipelineId, plan, progress,
					detail ? infos.getOrDefault(record.id(), record.simpleInfo()) : record.simpleInfo(),
					detail ? logs.getOrDefault(record.id(), Map.of()) : null));
		}
		return rows;
	}

	/** A fresh cache of task pipeline ids for one request (a request reads few tasks). */
	public static Map<Long, String> pipelineIdCache() {
		return new HashMap<>();
	}

}
