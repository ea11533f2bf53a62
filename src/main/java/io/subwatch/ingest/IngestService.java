package io.subwatch.ingest;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.subwatch.security.Access;
import io.subwatch.security.BizScope;
import io.subwatch.subscription.NewRecord;
import io.subwatch.subscription.RecordCreation;
import io.subwatch.subscription.StepPlanDao;
import io.subwatch.subscription.Subscription;
import io.subwatch.subscription.Subscription.SubscriptionStep;
import io.subwatch.subscription.SubscriptionDao;
import io.subwatch.subscription.SubscriptionOptions;
import io.subwatch.subscription.SubscriptionOptions.StepOptions;
import io.subwatch.subscription.Task;
import io.subwatch.subscription.TaskRemoval;
import io.subwatch.subscription.TaskDao;
import io.subwatch.system.ApiException;
import io.subwatch.system.ErrorCode;
import io.subwatch.system.JsonFields;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Declares subscriptions and tasks for executors; every write is one transaction. */
@Service
public class IngestService {

	private static final Set<String> STEP_TYPES = Set.of("AGENT", "PLUGIN", "PROXY");

	private static final Set<String> OBJECT_TYPES = Set.of("HOST", "SERVICE");

	private static final Set<String> NODE_TYPES = Set.of("INSTANCE", "TOPO", "SERVICE_TEMPLATE", "SET_TEMPLATE");

	private final SubscriptionDao subscriptions;

	private final TaskDao tasks;

	private final StepPlanDao plans;

	private final RecordCreation recordCreation;

	private final TaskRemoval taskRemoval;

	private final JsonMapper json;

	private final Clock clock;

	IngestService(SubscriptionDao subscriptions, TaskDao tasks, StepPlanDao plans, RecordCreation recordCreation,
			TaskRemoval taskRemoval, JsonMapper json, Clock clock) {
		this.taskRemoval = taskRemoval;
		this.subscriptions = subscriptions;
		this.tasks = tasks;
		this.plans = plans;
		this.recordCreation = recordCreation;
		this.json = json;
		this.clock = clock;
	}

	@Transactional
	public long createSubscription(JsonNode body, Access access) {
		String name = JsonFields.requireText(body, "name", "name", 200);
		long bizId = JsonFields.requireLong(body, "bk_biz_id", "bk_biz_id");
		if (access.shared() || !access.write().contains(bizId)) {
			throw new ApiException(ErrorCode.FORBIDDEN, "bk_biz_id " + bizId + " is not granted to this application");
		}
		String objectType = oneOf(body, "object_type", OBJECT_TYPES, "HOST");
		String nodeType = oneOf(body, "node_type", NODE_TYPES, "INSTANCE");
		String category = JsonFields.optionalText(body, "category", "category", 32);
		String pluginName = JsonFields.optionalText(body, "plugin_name", "plugin_name", 64);
		JsonNode stepNodes = JsonFields.requireArray(body, "steps", "steps");
		if (stepNodes.isEmpty()) {
			throw ApiException.invalid("steps must have at least one step");
		}
		List<SubscriptionStep> steps = new ArrayList<>();
		Map<String, StepOptions> stepOptions = new LinkedHashMap<>();
		Set<String> ids = new HashSet<>();
		for (int i = 0; i < stepNodes.size(); i++) {
			String id = JsonFields.requireText(stepNodes.get(i), "id", "steps[" + i + "].id", 64);
			if (!ids.add(id)) {
				throw ApiException.invalid("steps[" + i + "].id '" + id + "' appears twice");
			}
			String type = JsonFields.requireText(stepNodes.get(i), "type", "steps[" + i + "].type", 16);
			if (!STEP_TYPES.contains(type)) {
				throw ApiException.invalid("steps[" + i + "].type must be one of AGENT, PLUGIN, PROXY, got " + type);
			}
			steps.add(new SubscriptionStep(id, type));
			stepOptions.put(id, new StepOptions(declared(stepNodes.get(i), "config", "steps[" + i + "].config", false),
					declared(stepNodes.get(i), "params", "steps[" + i + "].params", false)));
		}
		SubscriptionOptions options = new SubscriptionOptions(JsonFields.optionalBoolean(body, "enable", "enable", true),
				declared(body, "bk_biz_scope", "bk_biz_scope", true), declared(body, "scope_nodes", "scope_nodes", true),
				stepOptions);
		return this.subscriptions.insert(name, bizId, objectType, nodeType, category, pluginName, access.owner(),
				access.actor(), createTime(body), steps, options);
	}

	/** Creates a task, with its instances when given; returns the task id and the new record ids. */
	@Transactional
	public CreatedTask createTask(long subscriptionId, JsonNode body, Access access) {
		Subscription subscription = lockWritable(subscriptionId, access);
		boolean ready = JsonFields.optionalBoolean(body, "ready", "ready", true);
		boolean autoTrigger = JsonFields.optionalBoolean(body, "is_auto_trigger", "is_auto_trigger", false);
		boolean partial = JsonFields.optionalBoolean(body, "partial", "partial", false);
		JsonNode instances = JsonFields.field(body, "instances");
		if (ready && (instances == null || instances.isEmpty())) {
			throw ApiException.invalid("instances is required and must not be empty when ready is true"
					+ " (create with \"ready\": false to add instances in batches)");
		}
		List<NewRecord> records = (instances != null) ? parser(subscription).parse(instances, "instances") : List.of();
		Instant created = createTime(body);
		long taskId = this.tasks.insert(subscriptionId, ready, autoTrigger, partial, access.actor(), created,
				this.clock.instant());
		return new CreatedTask(taskId, addRecords(subscriptionId, taskId, records, created));
	}

	/** Adds a batch of instances to a task that is not ready yet. */
	@Transactional
	public CreatedTask addInstances(long taskId, JsonNode body, Access access) {
		Task task = this.tasks.findById(taskId).orElseThrow(() -> taskNotFound(taskId));
		Subscription subscription = lockWritable(task.subscriptionId(), access);
		task = this.tasks.findById(taskId).orElseThrow(() -> taskNotFound(taskId));
		if (task.ready()) {
			throw ApiException.invalid("task " + taskId + " is ready; instances can only be added before it is");
		}
		JsonNode instances = JsonFields.requireArray(body, "instances", "instances");
		List<NewRecord> records = parser(subscription).parse(instances, "instances");
		return new CreatedTask(taskId, addRecords(subscription.id(), taskId, records, task.createdAt()));
	}

	/** Marks a task ready, or failed when {@code error} is given (task_result then answers 3800014). */
	@Transactional
	public void markReady(long taskId, JsonNode body, Access access) {
		Task task = this.tasks.findById(taskId).orElseThrow(() -> taskNotFound(taskId));
		lockWritable(task.subscriptionId(), access);
		String error = JsonFields.optionalText(body, "error", "error", 2000);
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

	private InstanceParser parser(Subscription subscription) {
		return new InstanceParser(subscription, this.json, this.plans::findOrCreate);
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
			.filter((s) -> access.canRead(s.bkBizId(), s.id()) || access.canWrite(s.bkBizId(), s.id()))
			.orElseThrow(() -> subscriptionNotFound(subscriptionId));
	}

	private static ApiException subscriptionNotFound(long id) {
		return ApiException.invalid("subscription " + id + " does not exist");
	}

	private static ApiException taskNotFound(long id) {
		return new ApiException(ErrorCode.TASK_NOT_EXIST, "task " + id + " does not exist");
	}

	/**
	 * The optional {@code create_time} (ISO-8601 with offset) that executors mirroring another system send, else now.
	 */
	private Instant createTime(JsonNode body) {
		String text = JsonFields.optionalText(body, "create_time", "create_time", 64);
		if (text == null) {
			return this.clock.instant();
		}
		return ReportedTime.parse(text, "create_time", this.clock.instant());
	}

	/**
	 * An optional declared value kept as JSON text for the info endpoint: an array ({@code bk_biz_scope},
	 * {@code scope_nodes}) or an object (a step's {@code config} and {@code params}).
	 */
	private String declared(JsonNode parent, String field, String path, boolean array) {
		JsonNode value = JsonFields.field(parent, field);
		if (value == null) {
			return null;
		}
		if (array ? !value.isArray() : !value.isObject()) {
			throw ApiException.invalid(path + " must be " + (array ? "an array" : "an object") + ", got "
					+ JsonFields.abbreviate(value.toString()));
		}
		return this.json.writeValueAsString(value);
	}

	private static String oneOf(JsonNode body, String field, Set<String> allowed, String defaultValue) {
		String value = JsonFields.optionalText(body, field, field, 16);
		if (value == null) {
			return defaultValue;
		}
		if (!allowed.contains(value)) {
			throw ApiException.invalid(field + " must be one of " + String.join(", ", allowed) + ", got " + value);
		}
		return value;
	}

	/** The answer to a task creation: {@code {"task_id", "records": [{"instance_id", "record_id"}]}}. */
	public record CreatedTask(long taskId, List<CreatedRecord> records) {
	}

	public record CreatedRecord(String instanceId, long recordId) {
	}

}
