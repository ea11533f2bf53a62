package io.subwatch.result;

import java.io.OutputStream;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import io.subwatch.records.RecordQueryDao;
import io.subwatch.security.Access;
import io.subwatch.subscription.HostStatusDao;
import io.subwatch.subscription.HostStatusDao.HostStatus;
import io.subwatch.subscription.InstanceRecord;
import io.subwatch.subscription.InstanceRecordDao;
import io.subwatch.subscription.Subscription;
import io.subwatch.subscription.SubscriptionScope;
import io.subwatch.subscription.Task;
import io.subwatch.subscription.TaskDao;
import io.subwatch.system.SubwatchProperties;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * instance_status (spec section 8): every instance of each subscription's scope with its latest record's status, the
 * task still running it and, with show_task_detail, that record's steps. NodeMan answers all of them at once; so does
 * subwatch, but streamed in chunks of records, so 100,000 hosts never sit in memory.
 */
@Service
class InstanceStatusService {

	private static final int CHUNK = 1000;

	private final SubscriptionViews views;

	private final SubscriptionScope scopes;

	private final RecordQueryDao queries;

	private final InstanceRecordDao records;

	private final RowAssembler assembler;

	private final HostStatusDao hostStatuses;

	private final TaskDao tasks;

	private final JsonMapper json;

	private final SubwatchProperties properties;

	private final TransactionTemplate readTransaction;

	private final ApiStatuses statuses;

	InstanceStatusService(SubscriptionViews views, SubscriptionScope scopes, RecordQueryDao queries,
			InstanceRecordDao records, RowAssembler assembler, HostStatusDao hostStatuses, TaskDao tasks,
			JsonMapper json, SubwatchProperties properties, PlatformTransactionManager transactions,
			ApiStatuses statuses) {
		this.views = views;
		this.scopes = scopes;
		this.queries = queries;
		this.records = records;
		this.assembler = assembler;
		this.hostStatuses = hostStatuses;
		this.tasks = tasks;
		this.json = json;
		this.properties = properties;
		this.statuses = statuses;
		this.readTransaction = new TransactionTemplate(transactions);
		this.readTransaction.setReadOnly(true);
		this.readTransaction.setIsolationLevel(TransactionDefinition.ISOLATION_REPEATABLE_READ);
	}

	void write(List<Long> subscriptionIds, boolean showTaskDetail, Access access, Supplier<OutputStream> output) {
		this.readTransaction.executeWithoutResult((status) -> {
			List<Subscription> visible = this.views.visible(subscriptionIds, access);
			try (JsonGenerator out = this.json.createGenerator(output.get())) {
				ResultJsonWriter writer = new ResultJsonWriter(out, this.properties.timeZone(), this.statuses);
				ApiTimeFormat time = new ApiTimeFormat(this.properties.timeZone());
				Map<Long, Task> taskCache = new HashMap<>();
				Map<Long, String> pipelineIds = RowAssembler.pipelineIdCache();
				writer.startEnvelope();
				out.writeStartArray();
				for (Subscription subscription : visible) {
					out.writeStartObject();
					out.writeNumberProperty("subscription_id", subscription.id());
					out.writeName("instances");
					out.writeStartArray();
					forEachChunk(subscription.id(), (ids) -> {
						Map<Long, List<HostStatus>> hosts = this.hostStatuses.findByRecordIds(ids);
						if (showTaskDetail) {
							for (ResultRow row : this.assembler.assemble(ids, false, pipelineIds)) {
								writeInstance(out, writer, time, row.record(), hosts, taskCache, row);
							}
						}
						else {
							for (InstanceRecord record : this.records.findAllByIds(ids)) {
								writeInstance(out, writer, time, record, hosts, taskCache, null);
							}
						}
						out.flush();
					});
					out.writeEndArray();
					out.writeEndObject();
				}
				out.writeEndArray();
				writer.endEnvelope();
			}
		});
	}

	/** The scope's latest record ids, ascending, a chunk at a time; none while there is no scope. */
	private void forEachChunk(long subscriptionId, java.util.function.Consumer<List<Long>> chunk) {
		Task scopeTask = this.scopes.scopeTask(subscriptionId).orElse(null);
		if (scopeTask == null) {
			return;
		}
		boolean all = this.scopes.coversAllLatest(subscriptionId, scopeTask);
		String inScope = all ? null : SubscriptionScope.instanceInScope("r", "scopeTaskId");
		Map<String, Object> params = all ? Map.of() : Map.of("scopeTaskId", scopeTask.id());
		long after = 0;
		while (true) {
			List<Long> ids = this.queries.findLatestIdsAfter(subscriptionId, inScope, params, after, CHUNK);
			if (!ids.isEmpty()) {
				chunk.accept(ids);
			}
			if (ids.size() < CHUNK) {
				return;
			}
			after = ids.get(ids.size() - 1);
		}
	}

	private void writeInstance(JsonGenerator out, ResultJsonWriter writer, ApiTimeFormat time, InstanceRecord record,
			Map<Long, List<HostStatus>> hosts, Map<Long, Task> taskCache, ResultRow detail) {
		out.writeStartObject();
		out.writeStringProperty("instance_id", record.instanceId());
		out.writeStringProperty("status", this.views.apiStatus(record.status()).name());
		out.writeStringProperty("create_time", time.format(record.createTime()));
		out.writeName("host_statuses");
		out.writeStartArray();
		for (HostStatus host : hosts.getOrDefault(record.id(), List.of())) {
			out.writeStartObject();
			out.writeStringProperty("name", host.name());
			out.writeStringProperty("status", host.status());
			out.writeStringProperty("version", host.version());
			out.writeEndObject();
		}
		out.writeEndArray();
		out.writeName("instance_info");
		out.writeRawValue(record.simpleInfo());
		out.writeName("running_task");
		if (record.status().isActive()) {
			Task task = taskCache.computeIfAbsent(record.taskId(), (id) -> this.tasks.findById(id).orElseThrow());
			out.writeStartObject();
			out.writeNumberProperty("id", task.id());
			out.writeBooleanProperty("is_auto_trigger", task.autoTrigger());
			out.writeEndObject();
		}
		else {
			out.writeNull();
		}
		out.writeName("last_task");
		if (detail != null) {
			writer.writeLastTask(detail);
		}
		else {
			out.writeStartObject();
			out.writeNumberProperty("id", record.taskId());
			out.writeEndObject();
		}
		out.writeEndObject();
	}

}
