package io.subwatch.ingest;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.subwatch.security.Access;
import io.subwatch.security.BizScope;
import io.subwatch.subscription.NewRecord;
import io.subwatch.subscription.RecordCreation;
import io.subwatch.subscription.StepPlan;
import io.subwatch.subscription.StepPlanDao;
import io.subwatch.subscription.Subscription;
import io.subwatch.subscription.Subscription.SubscriptionStep;
import io.subwatch.subscription.SubscriptionDao;
import io.subwatch.subscription.Task;
import io.subwatch.subscription.TaskRemoval;
import io.subwatch.subscription.TaskDao;
import io.subwatch.system.ApiException;
import io.subwatch.system.ErrorCode;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Declares subscriptions and tasks for executors; every write is one transaction. */
@Service
public class IngestService {

	private final SubscriptionDao subscriptions;

	private final TaskDao tasks;

	private final StepPlanDao plans;

	private final RecordCreation recordCreation;

	private final TaskRemoval taskRemoval;

	private final Clock clock;

	IngestService(SubscriptionDao subscriptions, TaskDao tasks, StepPlanDao plans, RecordCreation recordCreation,
			TaskRemoval taskRemoval, Clock clock) {
		this.taskRemoval = taskRemoval;
		this.subscriptions = subscriptions;
		this.tasks = tasks;
		this.plans = plans;
		this.recordCreation = recordCreation;
		this.clock = clock;
	}

	@Transactional
	public long createSubscription(SubscriptionRequest request, Access access) {
		request.check();
		if (access.shared() || !access.write().contains(request.bizId())) {
			throw new ApiException(ErrorCode.FORBIDDEN,
					"bk_biz_id " + request.bizId() + " is not granted to this application");
		}
		return this.subscriptions.insert(request.name(), request.bizId(), request.objectType(), request.nodeType(),
				request.category(), request.pluginName(), access.owner(), access.actor(), createTime(request.createTime()),
				request.steps(), request.options());
	}

	/** Creates a task, with its instances when given; returns the task id and the new record ids. */
	@Transactional
	public CreatedTask createTask(long subscriptionId, TaskRequest request, Access access) {
		Subscription subscription = lockWritable(subscriptionId, access);
		if (request.ready() && request.instances().isEmpty()) {
			throw ApiException.invalid("instances is required and must not be empty when ready is true"
					+ " (create with \"ready\": false to add instances in batches)");
		}
		List<NewRecord> records = newRecords(subscription, request.instances());
		Instant created = createTime(request.createTime());
		long taskId = this.tasks.insert(subscriptionId, request.ready(), request.autoTrigger(), request.partial(),
				access.actor(), created, this.clock.instant());
		return new CreatedTask(taskId, addRecords(subscriptionId, taskId, records, created));
	}

	/** Adds a batch of instances to a task that is not ready yet. */
	@Transactional
	public CreatedTask addInstances(long taskId, List<InstanceRequest> instances, Access access) {
		Task task = visibleTask(taskId, access);
		Subscription subscription = lockWritable(task.subscriptionId(), access);
		task = this.tasks.findById(taskId).orElseThrow(() -> taskNotFound(taskId));
		if (task.ready()) {
			throw ApiException.invalid("task " + taskId + " is ready; instances can only be added before it is");
		}
		List<NewRecord> records = newRecords(subscription, instances);
		return new CreatedTask(taskId, addRecords(subscription.id(), taskId, records, task.createdAt()));
	}

	/** Marks a task ready, or failed when {@code error} is given (task_result then answers 3800014). */
	@Transactional
	public void markReady(long taskId, String error, Access access) {
		Task task = visibleTask(taskId, access);
		lockWritable(task.subscriptionId(), access);
		task = this.tasks.findById(taskId).orElseThrow(() -> taskNotFound(taskId));
		if (task.ready()) {
			throw ApiException.invalid("task " + taskId + " is already ready");
		}
		if (error == null && task.instanceCount() == 0) {
			throw ApiException.invalid("task " + taskId + " has no instances; add some or report an error");
		}
		Instant now = this.clock.instant();
		if (error != null) {
			// NodeMan drops the records of a task whose creation failed: they never run, so they must not stand as
			// their instances' latest (aggregated views, retry and revoke would all see them).
			this.taskRemoval.removeRecords(task.subscriptionId(), taskId);
		}
		this.tasks.markReady(taskId, (error != null && error.isBlank()) ? "unknown error" : error, now);
	}

	@Transactional(readOnly = true)
	public List<TaskDao.PendingTask> pendingTasks(Long subscriptionId, int limit, Access access) {
		if (subscriptionId != null) {
			readable(subscriptionId, access);
		}
		BizScope scope = access.read();
		return this.tasks.findPending(subscriptionId, scope.all() ? null : scope.bizIds(), limit);
	}

	/**
	 * The records to insert for some instances, each checked: their steps must be the subscription's (whose types they
	 * take), and instances running the same steps share one plan.
	 */
	private List<NewRecord> newRecords(Subscription subscription, List<InstanceRequest> instances) {
		Map<List<StepPlan.Step>, Long> planIds = new HashMap<>();
		List<NewRecord> records = new ArrayList<>(instances.size());
		Set<String> seen = new HashSet<>();
		for (int i = 0; i < instances.size(); i++) {
			InstanceRequest instance = instances.get(i);
			instance.check("instances[" + i + "]");
			if (!seen.add(instance.instanceId())) {
				throw ApiException.invalid("instances[" + i + "].instance_id " + instance.instanceId() + " appears twice");
			}
			List<StepPlan.Step> steps = new ArrayList<>(instance.steps().size());
			for (int s = 0; s < instance.steps().size(); s++) {
				InstanceRequest.Step step = instance.steps().get(s);
				SubscriptionStep declared = subscription.step(step.id());
				if (declared == null) {
					throw ApiException.invalid("instances[" + i + "].steps[" + s + "].id '" + step.id()
							+ "' is not a step of subscription " + subscription.id());
				}
				steps.add(new StepPlan.Step(step.id(), declared.type(), step.action(), step.nodeName(),
						step.extraInfo(), step.subSteps()));
			}
			long planId = planIds.computeIfAbsent(List.copyOf(steps), this.plans::findOrCreate);
			InstanceRequest.Info info = instance.info();
			records.add(new NewRecord(instance.instanceId(), planId, info.hostId(), info.innerIp(), info.innerIpV6(),
					info.cloudId(), info.hostName(), info.bizId(), info.serviceName(), info.simpleInfo(),
					info.fullInfo()));
		}
		return records;
	}

	private List<CreatedRecord> addRecords(long subscriptionId, long taskId, List<NewRecord> records,
			Instant created) {
		if (records.isEmpty()) {
			return List.of();
		}
		Map<String, Long> ids = this.recordCreation.addRecords(subscriptionId, taskId, records, created);
		Map<String, Long> ordered = new LinkedHashMap<>();
		records.forEach((record) -> ordered.put(record.instanceId(), ids.get(record.instanceId())));
		return ordered.entrySet().stream().map((e) -> new CreatedRecord(e.getKey(), e.getValue())).toList();
	}

	private Subscription lockWritable(long subscriptionId, Access access) {
		Subscription subscription = readable(subscriptionId, access);
		if (!access.canWrite(subscription.bkBizId(), subscription.id())) {
			throw new ApiException(ErrorCode.FORBIDDEN,
					"this caller may read subscription " + subscriptionId + " but not change it");
		}
		this.subscriptions.lock(subscriptionId);
		return subscription;
	}

	private Subscription readable(long subscriptionId, Access access) {
		return this.subscriptions.findById(subscriptionId)
			.filter((s) -> visible(s, access))
			.orElseThrow(() -> subscriptionNotFound(subscriptionId));
	}

	/**
	 * A task of a subscription the caller may see; any other answers exactly like a task that does not exist, so task
	 * ids reveal nothing about other businesses.
	 */
	private Task visibleTask(long taskId, Access access) {
		return this.tasks.findById(taskId)
			.filter((task) -> this.subscriptions.findById(task.subscriptionId())
				.filter((subscription) -> visible(subscription, access))
				.isPresent())
			.orElseThrow(() -> taskNotFound(taskId));
	}

	private static boolean visible(Subscription subscription, Access access) {
		return access.canRead(subscription.bkBizId(), subscription.id())
				|| access.canWrite(subscription.bkBizId(), subscription.id());
	}

	private static ApiException subscriptionNotFound(long id) {
		return ApiException.invalid("subscription " + id + " does not exist");
	}

	private static ApiException taskNotFound(long id) {
		return new ApiException(ErrorCode.TASK_NOT_EXIST, "task " + id + " does not exist");
	}

	/** The time an executor reported for a creation, else now. */
	private Instant createTime(Instant reported) {
		return (reported != null) ? reported : this.clock.instant();
	}

	/** The answer to a task creation: {@code {"task_id", "records": [{"instance_id", "record_id"}]}}. */
	public record CreatedTask(long taskId, List<CreatedRecord> records) {
	}

	public record CreatedRecord(String instanceId, long recordId) {
	}

}
