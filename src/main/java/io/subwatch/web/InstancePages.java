package io.subwatch.web;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;

import io.subwatch.result.ResultRow;
import io.subwatch.result.RowAssembler;
import io.subwatch.security.Access;
import io.subwatch.subscription.InstanceRecord;
import io.subwatch.subscription.InstanceRecordDao;
import io.subwatch.subscription.RecordProgress;
import io.subwatch.subscription.Status;
import io.subwatch.subscription.StepPlan;
import io.subwatch.subscription.SubStepState;
import io.subwatch.subscription.Subscription;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Loads one instance's record (newest, or of a given task) with its sub-steps, logs and attempt history. */
@Component
class InstancePages {

	static final int HISTORY = 100;

	private final PageAccess pageAccess;

	private final InstanceRecordDao records;

	private final RowAssembler assembler;

	private final Clock clock;

	InstancePages(PageAccess pageAccess, InstanceRecordDao records, RowAssembler assembler, Clock clock) {
		this.pageAccess = pageAccess;
		this.records = records;
		this.assembler = assembler;
		this.clock = clock;
	}

	/** The record shown, and the row with its progress and logs; a 404 when the caller may not see it. */
	@Transactional(readOnly = true)
	ResultRow row(long subscriptionId, String instanceId, Long taskId, Access access) {
		return row(this.pageAccess.readableForInstance(subscriptionId, access), instanceId, taskId, access);
	}

	private ResultRow row(Subscription subscription, String instanceId, Long taskId, Access access) {
		if (!access.canReadInstance(instanceId)) {
			throw new PageNotFoundException("instance " + instanceId);
		}
		InstanceRecord record = this.records
			.findNewest(subscription.id(), instanceId, (taskId != null) ? List.of(taskId) : null)
			.orElseThrow(() -> new PageNotFoundException("instance " + instanceId));
		return this.assembler.assemble(List.of(record.id()), true, RowAssembler.pipelineIdCache()).get(0);
	}

	@Transactional(readOnly = true)
	InstancePage load(long subscriptionId, String instanceId, Long taskId, Integer step, Integer sub, Access access,
			String knownVersion) {
		Subscription subscription = this.pageAccess.readableForInstance(subscriptionId, access);
		ResultRow row = row(subscription, instanceId, taskId, access);
		InstanceRecord record = row.record();
		int[] opened = opened(row.plan(), row.progress(), step, sub);
		String version = LiveVersion.of(record.id(), record.latest(), row.progress(), logSizes(row), opened[0],
				opened[1], LiveVersion.reader(), access.shared(), PageAccess.canWrite(subscription, access));
		if (version.equals(knownVersion)) {
			return new InstancePage(subscription, record, taskId, List.of(), null, null, version,
					PageAccess.canWrite(subscription, access), access.shared(), access.instanceId() != null);
		}
		List<InstanceRecord> history = this.records.findHistory(subscriptionId, instanceId, HISTORY);
		Href base = Href.instance(subscriptionId, instanceId);
		List<TimelineView.Step> steps = steps(row, base, opened);
		TimelineView.Detail detail = null;
		if (opened[0] >= 0) {
			TimelineView.SubStep selected = steps.get(opened[0]).subSteps().get(opened[1]);
			String log = (row.logs() != null) ? row.logs().get(RecordProgress.key(opened[0], opened[1])) : null;
			detail = new TimelineView.Detail(selected, row.plan().steps().get(opened[0]).nodeName(), LogView.of(log),
					Href.path(base + "/log")
						.param("task", record.taskId())
						.param("step", opened[0])
						.param("sub", opened[1])
						.toString());
		}
		return new InstancePage(subscription, record, taskId, history, steps, detail, version,
				PageAccess.canWrite(subscription, access), access.shared(), access.instanceId() != null);
	}

	/** How much log each sub-step has: a new line changes the page even when no status moved. */
	private static String logSizes(ResultRow row) {
		StringBuilder sizes = new StringBuilder();
		if (row.logs() != null) {
			new TreeMap<>(row.logs()).forEach((key, text) -> sizes.append(key).append('=')
				.append(text.length()).append(';'));
		}
		return sizes.toString();
	}

	/** The sub-step to open: the asked one if it exists, else the first failed, else the running one, else none. */
	static int[] opened(StepPlan plan, RecordProgress progress, Integer step, Integer sub) {
		if (step != null && sub != null && step >= 0 && step < plan.steps().size() && sub >= 0
				&& sub < plan.steps().get(step).subSteps().size()) {
			return new int[] { step, sub };
		}
		for (Status wanted : List.of(Status.FAILED, Status.RUNNING, Status.TERMINATED)) {
			for (RecordProgress.StepProgress stepProgress : progress.steps()) {
				for (SubStepState state : stepProgress.subSteps()) {
					if (state.status() == wanted) {
						return new int[] { state.stepIndex(), state.subIndex() };
					}
				}
			}
		}
		return new int[] { -1, -1 };
	}

	private List<TimelineView.Step> steps(ResultRow row, Href base, int[] opened) {
		Instant now = this.clock.instant();
		RecordProgress progress = row.progress();
		Instant from = progress.startTime();
		Instant to = (progress.finishTime() != null) ? progress.finishTime() : now;
		List<TimelineView.Step> steps = new ArrayList<>();
		for (int s = 0; s < row.plan().steps().size(); s++) {
			StepPlan.Step planStep = row.plan().steps().get(s);
			RecordProgress.StepProgress stepProgress = progress.steps().get(s);
			List<TimelineView.SubStep> subs = new ArrayList<>();
			for (int i = 0; i < planStep.subSteps().size(); i++) {
				SubStepState state = stepProgress.subSteps().get(i);
				String href = Href.path(base.toString())
					.param("task", row.record().taskId())
					.param("step", s)
					.param("sub", i)
					.toString();
				subs.add(new TimelineView.SubStep(s, i, planStep.subSteps().get(i).nodeName(),
						planStep.subSteps().get(i).stepCode(), state.status(), state.startTime(), state.finishTime(),
						TimelineBar.of(state.startTime(), state.finishTime(), from, to, now),
						s == opened[0] && i == opened[1], href));
			}
			steps.add(new TimelineView.Step(s, planStep.id(), planStep.nodeName(), stepProgress.status(),
					stepProgress.startTime(), stepProgress.finishTime(),
					TimelineBar.of(stepProgress.startTime(), stepProgress.finishTime(), from, to, now), subs));
		}
		return steps;
	}

}
