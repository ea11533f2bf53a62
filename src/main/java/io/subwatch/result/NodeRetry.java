package io.subwatch.result;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.subwatch.audit.AuditDao;
import io.subwatch.security.Access;
import io.subwatch.subscription.InstanceRecord;
import io.subwatch.subscription.InstanceRecordDao;
import io.subwatch.subscription.LogEntry;
import io.subwatch.subscription.NewRecord;
import io.subwatch.subscription.RecordCreation;
import io.subwatch.subscription.RecordPlaces;
import io.subwatch.subscription.RecordProgress;
import io.subwatch.subscription.SourceActions;
import io.subwatch.subscription.Status;
import io.subwatch.subscription.StepPlan;
import io.subwatch.subscription.StepPlanDao;
import io.subwatch.subscription.SubStepDao;
import io.subwatch.subscription.SubStepState;
import io.subwatch.subscription.Subscription;
import io.subwatch.subscription.SubscriptionDao;
import io.subwatch.subscription.TaskDao;
import io.subwatch.system.ApiException;
import io.subwatch.system.ErrorCode;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * retry_node (spec section 8): runs one instance again from the first sub-step that failed in its latest record. The
 * new record belongs to a new partial task; the sub-steps before that one are carried over as SUCCESS with their
 * times and logs, so the timeline shows what already happened and the executor starts where it broke.
 */
@Service
public class NodeRetry {

	private final SubscriptionDao subscriptions;

	private final TaskDao tasks;

	private final InstanceRecordDao records;

	private final SubStepDao subSteps;

	private final StepPlanDao plans;

	private final RecordCreation recordCreation;

	private final RecordPlaces places;

	private final SelectionResolver resolver;

	private final Clock clock;

	private final AuditDao audit;

	private final SourceForwarding forwarding;

	NodeRetry(SubscriptionDao subscriptions, TaskDao tasks, InstanceRecordDao records, SubStepDao subSteps,
			StepPlanDao plans, RecordCreation recordCreation, SelectionResolver resolver, Clock clock, AuditDao audit,
			RecordPlaces places, SourceForwarding forwarding) {
		this.places = places;
		this.forwarding = forwarding;
		this.subscriptions = subscriptions;
		this.tasks = tasks;
		this.records = records;
		this.subSteps = subSteps;
		this.plans = plans;
		this.recordCreation = recordCreation;
		this.resolver = resolver;
		this.clock = clock;
		this.audit = audit;
	}

	/** The sub-step a retry_node would start from: its position and name. */
	public record FailedSubStep(int stepIndex, int subIndex, String nodeName) {
	}

	/**
	 * The first FAILED (or TERMINATED: the API reports revoked hosts as failed) sub-step of the instance's latest
	 * record, if that record is finished.
	 */
	@Transactional(readOnly = true)
	public Optional<FailedSubStep> findRetryPoint(long subscriptionId, String instanceId, Access access) {
		this.resolver.visibleSubscription(subscriptionId, access);
		return this.records.findNewest(subscriptionId, instanceId, null).flatMap(this::retryPoint);
	}

	/**
	 * A new partial task for the instance, starting at its first failed sub-step; 3800007 when its latest record has
	 * none (or is still pending or running).
	 * On a mirrored subscription the source does it (when the data as last synced has a failed sub-step): the answer
	 * is the source's {@code retry_node_id} and {@code retry_node_name}, its new task as {@code source_task_id},
	 * {@code task_id} null (it gets one here with the next sync) and {@code mirrored_from}.
	 * @return {@code retry_node_id} (the pipeline id of that sub-step in the new record), {@code retry_node_name}
	 * and the new {@code task_id}
	 */
	@Transactional(noRollbackFor = SourceActions.Refused.class)
	public Map<String, Object> retry(long subscriptionId, String instanceId, Access access) {
		Subscription subscription = this.resolver.visibleSubscription(subscriptionId, access);
		if (!access.canWrite(subscription.bkBizId(), subscription.id()) || !access.canReadInstance(instanceId)) {
			throw new ApiException(ErrorCode.FORBIDDEN,
					"this caller may read subscription " + subscriptionId + " but not change it");
		}
		Optional<String> source = this.forwarding.sourceOf(subscriptionId);
		if (source.isEmpty()) {
			this.subscriptions.lock(subscriptionId);
		}
		InstanceRecord old = this.records.findNewest(subscriptionId, instanceId, null)
			.orElseThrow(() -> new ApiException(ErrorCode.RECORD_NOT_EXIST,
					"no record of instance " + instanceId + " in subscription " + subscriptionId));
		FailedSubStep point = retryPoint(old).orElseThrow(() -> new ApiException(ErrorCode.RECORD_NOT_EXIST,
				"nothing to retry: the latest record of " + instanceId + " has no failed sub-step (it is "
						+ old.status() + ")" + source.map((name) -> ", as last synced from " + name).orElse("")));
		if (source.isPresent()) {
			return forward(subscriptionId, instanceId, point, access);
		}
		Instant now = this.clock.instant();
		this.tasks.lockAll(List.of(old.taskId()));
		long taskId = this.tasks.insert(subscriptionId, false, false, true, access.actor(), now, now);
		Map<Long, String> infos = this.records.findInstanceInfo(List.of(old.id()));
		NewRecord copy = new NewRecord(old.instanceId(), old.planId(), old.bkHostId(), old.innerIp(), old.innerIpV6(),
				old.bkCloudId(), old.hostName(), old.bkBizId(), old.serviceName(), old.simpleInfo(),
				infos.getOrDefault(old.id(), "{}"));
		long recordId = this.recordCreation.addRecords(subscriptionId, taskId, List.of(copy), now).get(instanceId);
		carryOver(old, recordId, point, now);
		this.tasks.markReady(taskId, null, now);
		this.audit.insert(now, access.actor(), "RETRY_NODE", subscriptionId, taskId, 1,
				instanceId + " from " + point.nodeName());
		String pipelineId = this.tasks.findById(taskId).orElseThrow().pipelineId();
		Map<String, Object> answer = new LinkedHashMap<>();
		answer.put("retry_node_id",
				PipelineIds.of(pipelineId, recordId, PipelineIds.SUB_STEP, point.stepIndex(), point.subIndex()));
		answer.put("retry_node_name", point.nodeName());
		answer.put("task_id", taskId);
		return answer;
	}

	private Map<String, Object> forward(long subscriptionId, String instanceId, FailedSubStep point, Access access) {
		SourceActions.Forwarded forwarded = this.forwarding.send(subscriptionId, "retry_node",
				Map.of("instance_id", instanceId), "RETRY_NODE", 1, instanceId + " from " + point.nodeName() + ": ",
				access);
		Map<String, Object> answer = new LinkedHashMap<>();
		Map<?, ?> data = (forwarded.answer() instanceof Map<?, ?> map) ? map : Map.of();
		answer.put("retry_node_id", data.get("retry_node_id"));
		answer.put("retry_node_name", (data.get("retry_node_name") != null) ? data.get("retry_node_name")
				: point.nodeName());
		answer.put("task_id", null);
		answer.put("source_task_id", forwarded.taskId().orElse(null));
		answer.put("mirrored_from", forwarded.source());
		return answer;
	}

	private Optional<FailedSubStep> retryPoint(InstanceRecord record) {
		if (record.status().isActive()) {
			return Optional.empty();
		}
		StepPlan plan = this.plans.findById(record.planId());
		RecordProgress progress = RecordProgress.of(plan,
				this.subSteps.findByRecordIds(List.of(record.id())).getOrDefault(record.id(), Map.of()));
		for (int s = 0; s < progress.steps().size(); s++) {
			List<SubStepState> subs = progress.steps().get(s).subSteps();
			for (int i = 0; i < subs.size(); i++) {
				Status status = subs.get(i).status();
				if (status == Status.FAILED || status == Status.TERMINATED) {
					return Optional
						.of(new FailedSubStep(s, i, plan.steps().get(s).subSteps().get(i).nodeName()));
				}
			}
		}
		return Optional.empty();
	}

	/** The sub-steps before the retry point, as SUCCESS with the old times and logs; the record's times follow. */
	private void carryOver(InstanceRecord old, long recordId, FailedSubStep point, Instant now) {
		Map<Integer, SubStepState> stored = this.subSteps.findByRecordIds(List.of(old.id()))
			.getOrDefault(old.id(), Map.of());
		Map<Integer, List<LogEntry>> logs = this.subSteps.findLogEntries(List.of(old.id()))
			.getOrDefault(old.id(), Map.of());
		StepPlan plan = this.plans.findById(old.planId());
		List<SubStepDao.LogAppend> appends = new ArrayList<>();
		Map<Integer, SubStepState> carried = new HashMap<>();
		for (int s = 0; s <= point.stepIndex(); s++) {
			int count = (s < point.stepIndex()) ? plan.steps().get(s).subSteps().size() : point.subIndex();
			for (int i = 0; i < count; i++) {
				int key = RecordProgress.key(s, i);
				SubStepState before = stored.get(key);
				Instant start = (before != null) ? before.startTime() : null;
				Instant finish = (before != null) ? before.finishTime() : null;
				SubStepState state = new SubStepState(s, i, Status.SUCCESS, start, finish);
				carried.put(key, state);
				// each entry keeps its event's time and status, so the carried log reads in the same order
				for (LogEntry entry : logs.getOrDefault(key, List.of())) {
					appends.add(new SubStepDao.LogAppend(recordId, s, i, entry.text(), entry.time(), entry.status()));
				}
			}
		}
		if (carried.isEmpty()) {
			return;
		}
		if (!appends.isEmpty()) {
			this.subSteps.appendLogs(appends);
		}
		// still PENDING (the retried sub-step has not started), so the counters need no change, but it now stands at
		// the retried sub-step: its row takes the carried sub-steps, times and place at once
		this.places.movedWithProgress(List.of(new RecordPlaces.Moved(
				this.records.findByIds(List.of(recordId)).get(recordId), RecordProgress.of(plan, carried),
				carried.values())), now);
	}

}
