package io.subwatch.result;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;

import io.subwatch.records.RecordQueryDao;
import io.subwatch.audit.AuditDao;
import io.subwatch.security.Access;
import io.subwatch.subscription.InstanceRecord;
import io.subwatch.subscription.InstanceRecordDao;
import io.subwatch.subscription.LogLine;
import io.subwatch.subscription.NewRecord;
import io.subwatch.subscription.RecordCreation;
import io.subwatch.subscription.RecordStopper;
import io.subwatch.subscription.SourceActions;
import io.subwatch.subscription.Status;
import io.subwatch.subscription.StatusCounts;
import io.subwatch.subscription.Subscription;
import io.subwatch.subscription.SubscriptionDao;
import io.subwatch.subscription.TaskDao;
import io.subwatch.system.ApiException;
import io.subwatch.system.ErrorCode;
import io.subwatch.system.SubwatchProperties;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * retry and revoke (spec section 8), for the API and the pages alike. Both lock the subscription first, so they run
 * one at a time per subscription and never pick the same records twice. On a subscription mirrored from another
 * NodeMan they choose the hosts the same way, from the data as last synced, and send the action to the source
 * ({@link SourceActions}); the audit records the source's answer, or its refusal.
 */
@Service
public class OperatorActions {

	private static final List<String> RETRYABLE = List.of(Status.FAILED.name(), Status.TERMINATED.name());

	private static final List<String> ACTIVE = List.of(Status.PENDING.name(), Status.RUNNING.name());

	private final SubscriptionDao subscriptions;

	private final TaskDao tasks;

	private final InstanceRecordDao records;

	private final RecordQueryDao queries;

	private final RecordCreation recordCreation;

	private final RecordStopper stopper;

	private final SelectionResolver resolver;

	private final Clock clock;

	private final SubwatchProperties properties;

	private final AuditDao audit;

	private final SourceForwarding forwarding;

	OperatorActions(SubscriptionDao subscriptions, TaskDao tasks, InstanceRecordDao records, RecordQueryDao queries,
			RecordCreation recordCreation, RecordStopper stopper, SelectionResolver resolver, Clock clock, SubwatchProperties properties,
			AuditDao audit, SourceForwarding forwarding) {
		this.subscriptions = subscriptions;
		this.tasks = tasks;
		this.records = records;
		this.queries = queries;
		this.recordCreation = recordCreation;
		this.stopper = stopper;
		this.resolver = resolver;
		this.clock = clock;
		this.properties = properties;
		this.audit = audit;
		this.forwarding = forwarding;
	}

	/**
	 * What retry did: the new task and how many instances run again; on a mirrored subscription the source's answer
	 * instead of a task here (null until the next sync brings the source's new task).
	 */
	public record Retried(Long taskId, int instanceCount, SourceActions.Forwarded forwarded) {

		public Retried(long taskId, int instanceCount) {
			this(Long.valueOf(taskId), instanceCount, null);
		}

	}

	/**
	 * A new task for the instances whose latest record FAILED or was TERMINATED (never pending, running or succeeded
	 * ones), optionally only some instances or only instances of some tasks.
	 */
	@Transactional(noRollbackFor = SourceActions.Refused.class)
	public Retried retry(long subscriptionId, List<String> instanceIds, List<Long> taskIds, Access access) {
		Optional<String> source = this.forwarding.sourceOf(subscriptionId);
		Subscription subscription = lockWritable(subscriptionId, access, ErrorCode.VALIDATION, source.isEmpty());
		if (taskIds != null && !taskIds.isEmpty()) {
			this.resolver.tasksOf(subscription, taskIds);
		}
		List<Long> candidates = candidates(subscriptionId, RETRYABLE, instanceIds,
				(taskIds != null && !taskIds.isEmpty()) ? taskIds : null);
		if (candidates.isEmpty()) {
			throw new ApiException(ErrorCode.RECORD_NOT_EXIST, "nothing to retry: no instance"
					+ ((instanceIds != null) ? " of instance_id_list" : "") + " has a FAILED or TERMINATED latest record"
					+ source.map((name) -> " (as last synced from " + name + ")").orElse(""));
		}
		if (source.isPresent()) {
			SourceActions.Forwarded answer = this.forwarding.send(subscriptionId, "retry",
					hostsParam(instanceIds, taskIds, candidates), "RETRY", candidates.size(), access);
			return new Retried(null, candidates.size(), answer);
		}
		Instant now = this.clock.instant();
		// every task involved, locked once in ascending order before any chunk (the order event batches use)
		this.tasks.lockAll(this.records.findTaskIds(candidates));
		// partial: a rerun of some instances never shrinks the subscription's scope
		long taskId = this.tasks.insert(subscriptionId, false, false, true, access.actor(), now, now);
		for (List<Long> chunk : InstanceRecordDao.chunks(candidates)) {
			List<InstanceRecord> old = this.records.findAllByIds(chunk);
			Map<Long, String> infos = this.records.findInstanceInfo(chunk);
			List<NewRecord> copies = new ArrayList<>(old.size());
			for (InstanceRecord record : old) {
				copies.add(new NewRecord(record.instanceId(), record.planId(), record.bkHostId(), record.innerIp(),
						record.innerIpV6(), record.bkCloudId(), record.hostName(), record.bkBizId(),
						record.serviceName(), record.simpleInfo(), infos.getOrDefault(record.id(), "{}")));
			}
			this.recordCreation.addRecords(subscriptionId, taskId, copies, now);
		}
		this.tasks.markReady(taskId, null, now);
		this.audit.insert(now, access.actor(), "RETRY", subscriptionId, taskId, candidates.size(),
				(instanceIds != null) ? "selected hosts" : "all failed hosts");
		return new Retried(taskId, candidates.size());
	}

	/** The latest PENDING/RUNNING records become TERMINATED; 3800016 when there are none. */
	@Transactional(noRollbackFor = SourceActions.Refused.class)
	public int revoke(long subscriptionId, List<String> instanceIds, String reason, Access access) {
		return revoke(subscriptionId, instanceIds, null, reason, access);
	}

	/**
	 * As {@link #revoke(long, List, String, Access)}, optionally only instances that have a record in
	 * {@code taskIds} (the pages terminate "all hosts of this task").
	 */
	@Transactional(noRollbackFor = SourceActions.Refused.class)
	public int revoke(long subscriptionId, List<String> instanceIds, List<Long> taskIds, String reason,
			Access access) {
		Optional<String> source = this.forwarding.sourceOf(subscriptionId);
		// spec section 7: revoke of a subscription that does not exist found nothing to revoke
		Subscription subscription = lockWritable(subscriptionId, access, ErrorCode.NOTHING_TO_REVOKE,
				source.isEmpty());
		if (taskIds != null && !taskIds.isEmpty()) {
			this.resolver.tasksOf(subscription, taskIds);
		}
		List<Long> targets = candidates(subscriptionId, ACTIVE, instanceIds,
				(taskIds != null && !taskIds.isEmpty()) ? taskIds : null);
		if (targets.isEmpty()) {
			throw new ApiException(ErrorCode.NOTHING_TO_REVOKE, "nothing to revoke: no instance"
					+ ((instanceIds != null) ? " of instance_id_list" : "") + " is pending or running"
					+ source.map((name) -> " (as last synced from " + name + ")").orElse(""));
		}
		if (source.isPresent()) {
			// NodeMan's revoke takes no reason: it stays in the audit here
			this.forwarding.send(subscriptionId, "revoke", hostsParam(instanceIds, taskIds, targets), "TERMINATE",
					targets.size(), access);
			return targets.size();
		}
		Instant now = this.clock.instant();
		String line = LogLine.of(now, this.properties.timeZone(), "WARNING", "terminated by " + access.actor()
				+ ((reason != null && !reason.isBlank()) ? ": " + reason.strip() : ""));
		this.tasks.lockAll(this.records.findTaskIds(targets));
		int stopped = 0;
		for (List<Long> chunk : InstanceRecordDao.chunks(targets)) {
			stopped += this.stopper.stop(chunk, Status.TERMINATED, (record) -> line, now);
		}
		this.audit.insert(now, access.actor(), "TERMINATE", subscriptionId, null, stopped,
				(reason != null && !reason.isBlank()) ? reason.strip() : null);
		return stopped;
	}

	/**
	 * The latest records retry and revoke would choose from for these arguments, by status: retry takes the FAILED
	 * and TERMINATED ones, revoke the PENDING and RUNNING ones. Instances of {@code instanceIds} without a record are
	 * missing from the total.
	 */
	@Transactional(readOnly = true)
	public StatusCounts preview(long subscriptionId, List<String> instanceIds, List<Long> taskIds, Access access) {
		Subscription subscription = this.resolver.visibleSubscription(subscriptionId, access);
		List<Long> tasks = (taskIds != null && !taskIds.isEmpty()) ? taskIds : null;
		if (tasks != null) {
			this.resolver.tasksOf(subscription, tasks);
		}
		if (instanceIds == null) {
			return this.queries.countLatestByStatus(subscriptionId, null, tasks);
		}
		Map<String, Integer> sums = new TreeMap<>();
		for (List<String> chunk : InstanceRecordDao.chunks(instanceIds.stream().distinct().toList())) {
			this.queries.countLatestByStatus(subscriptionId, chunk, tasks)
				.byStatus()
				.forEach((status, count) -> sums.merge(status.name(), count, Integer::sum));
		}
		return StatusCounts.of(List.copyOf(sums.entrySet()));
	}

	private List<Long> candidates(long subscriptionId, List<String> statuses, List<String> instanceIds,
			List<Long> taskIds) {
		if (instanceIds == null) {
			return this.queries.findLatestIds(subscriptionId, statuses, null, taskIds);
		}
		TreeSet<Long> ids = new TreeSet<>();
		for (List<String> chunk : InstanceRecordDao.chunks(instanceIds.stream().distinct().toList())) {
			ids.addAll(this.queries.findLatestIds(subscriptionId, statuses, chunk, taskIds));
		}
		return new ArrayList<>(ids);
	}

	/**
	 * The source's {@code instance_id_list}: none when every host is meant (the source chooses from its own data),
	 * else the hosts chosen here.
	 */
	private Map<String, Object> hostsParam(List<String> instanceIds, List<Long> taskIds, List<Long> chosen) {
		Map<String, Object> params = new LinkedHashMap<>();
		if (instanceIds != null || (taskIds != null && !taskIds.isEmpty())) {
			List<String> hosts = new ArrayList<>(chosen.size());
			for (List<Long> chunk : InstanceRecordDao.chunks(chosen)) {
				this.records.findAllByIds(chunk).forEach((record) -> hosts.add(record.instanceId()));
			}
			params.put("instance_id_list", hosts);
		}
		return params;
	}

	/** The subscription if the caller may change it, locked unless its actions go to a source (nothing here). */
	private Subscription lockWritable(long subscriptionId, Access access, ErrorCode whenMissing, boolean lock) {
		Subscription subscription = this.resolver.visibleSubscription(subscriptionId, access, whenMissing);
		if (!access.canWrite(subscription.bkBizId(), subscription.id())) {
			throw new ApiException(ErrorCode.FORBIDDEN,
					"this caller may read subscription " + subscriptionId + " but not change it");
		}
		if (lock) {
			this.subscriptions.lock(subscriptionId);
		}
		return subscription;
	}

}
