package io.subwatch.mirror;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import io.subwatch.ingest.EventBatch;
import io.subwatch.ingest.EventService;
import io.subwatch.ingest.IngestRequests;
import io.subwatch.ingest.IngestService;
import io.subwatch.ingest.IngestService.CreatedRecord;
import io.subwatch.ingest.InstanceRequest;
import io.subwatch.ingest.ReportedEvent;
import io.subwatch.ingest.TaskRequest;
import io.subwatch.security.Access;
import tools.jackson.databind.JsonNode;

import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Syncs one source task: reads its counters ({@code pagesize=1}); only when they changed reads its rows (pages of 500)
 * and, with {@code need_detail}, the rows whose status changed since the last sync, a page at a time; each page is
 * written in its own transaction through the ingest services: the local records (while the task is being built) and
 * the sub-step transitions.
 */
@Component
class TaskMirror {

	static final int PAGE = 500;

	private static final int EVENT_BATCH = 5000;

	private final MirrorDao dao;

	private final IngestService ingest;

	private final EventService events;

	private final IngestRequests requests;

	private final TransactionTemplate tx;

	private final Clock clock;

	TaskMirror(MirrorDao dao, IngestService ingest, EventService events, IngestRequests requests,
			TransactionTemplate tx, Clock clock) {
		this.dao = dao;
		this.ingest = ingest;
		this.events = events;
		this.requests = requests;
		this.tx = tx;
		this.clock = clock;
	}

	/** Where a task belongs: its source, the source subscription and the local one. */
	record Target(MirrorProperties.Source source, NodemanClient client, long sourceSubscriptionId,
			long subscriptionId, Access access) {
	}

	/**
	 * Syncs source task {@code sourceTaskId}; {@code known} is its state from the last sync, null for a new task, and
	 * {@code scopeSize} the source's instances over all tasks (a new task with fewer is partial, a rerun of some).
	 * False when the task is not ready on the source yet: nothing was written, ask again at the next sync.
	 */
	boolean sync(Target target, long sourceTaskId, MirrorDao.MirroredTask known, long scopeSize) {
		String name = target.source().name();
		NodemanClient.TaskPage probe;
		try {
			probe = target.client().taskResult(params(target, sourceTaskId, 1, 1));
		}
		catch (NodemanException ex) {
			if (ex.code() == 3800015) {
				return false;
			}
			if (ex.code() == 3800014 && known == null) {
				this.tx.executeWithoutResult((status) -> failedTask(target, sourceTaskId, ex.getMessage()));
				return true;
			}
			throw ex;
		}
		String counters = counters(probe);
		// Running records move between sub-steps without changing any counter: those are read while any run.
		if (known != null && counters.equals(known.counters()) && !counters.contains("RUNNING")) {
			return true;
		}
		List<Row> rows = rows(target, sourceTaskId);
		if (rows.isEmpty()) {
			return false;
		}
		long taskId = (known != null) ? known.taskId()
				: this.tx.execute((status) -> createTask(target, sourceTaskId, rows.get(0).createTime(),
						rows.size() < scopeSize));
		// Counters are stored only once a sync went through: until then the local task is still being built, and a
		// sync interrupted on the way (a restart, a lost source) goes on adding the hosts it lacks.
		boolean building = known == null || known.counters() == null;
		Map<Long, String> stored = this.dao.findRecordStatuses(name, sourceTaskId);
		Map<Long, Long> recordIds = new HashMap<>(this.dao.findRecordIds(name, sourceTaskId));
		List<String> changed = rows.stream()
			.filter((row) -> row.status().equals("RUNNING") || !row.status().equals(stored.get(row.recordId())))
			.map(Row::instanceId)
			.toList();
		// A page of details at a time, each written in its own transaction: a 100,000-host task never sits in memory
		// whole, and every page written is kept (its statuses are stored, so the next sync does not read it again).
		for (int from = 0; from < changed.size(); from += PAGE) {
			List<JsonNode> details = details(target, sourceTaskId, changed.subList(from,
					Math.min(changed.size(), from + PAGE)));
			this.tx.executeWithoutResult((status) -> {
				if (building) {
					addRecords(target, sourceTaskId, taskId, details, recordIds);
				}
				apply(target, details, recordIds);
			});
		}
		boolean finished = rows.stream().map(Row::status).noneMatch((s) -> s.equals("PENDING") || s.equals("RUNNING"));
		this.tx.executeWithoutResult((status) -> {
			if (building) {
				this.ingest.markReady(taskId, null, target.access());
			}
			this.dao.updateTask(name, sourceTaskId, counters, finished);
		});
		return true;
	}

	/** The sub-step transitions of some rows, through the event service, and the statuses they were read with. */
	private void apply(Target target, List<JsonNode> details, Map<Long, Long> recordIds) {
		Map<Long, String> statuses = new LinkedHashMap<>();
		List<ReportedEvent> batch = new ArrayList<>();
		for (JsonNode row : details) {
			Long recordId = recordIds.get(SourceRows.recordId(row));
			if (recordId == null) {
				continue;
			}
			statuses.put(SourceRows.recordId(row), SourceRows.status(row));
			batch.addAll(SourceRows.events(row, recordId, target.source().timeZone()));
		}
		for (int from = 0; from < batch.size(); from += EVENT_BATCH) {
			List<ReportedEvent> part = batch.subList(from, Math.min(batch.size(), from + EVENT_BATCH));
			this.events.apply(EventBatch.of(part, this.clock.instant()), target.access());
		}
		this.dao.updateRecordStatuses(target.source().name(), statuses);
	}

	/** The local task, not ready until its first sync went through, and the record that says which it is. */
	private long createTask(Target target, long sourceTaskId, String createTime, boolean partial) {
		Instant created = SourceTime.toInstant(createTime, target.source().timeZone());
		long taskId = this.ingest
			.createTask(target.subscriptionId(), TaskRequest.building(partial, created), target.access())
			.taskId();
		this.dao.insertTask(target.source().name(), target.sourceSubscriptionId(), sourceTaskId, taskId);
		return taskId;
	}

	/** Records for the rows the local task lacks (PENDING until their transitions are applied). */
	private void addRecords(Target target, long sourceTaskId, long taskId, List<JsonNode> details,
			Map<Long, Long> recordIds) {
		List<JsonNode> missing = details.stream().filter((row) -> !recordIds.containsKey(SourceRows.recordId(row)))
			.toList();
		if (missing.isEmpty()) {
			return;
		}
		Map<String, Long> sourceByInstance = new HashMap<>();
		Map<Long, String> statuses = new HashMap<>();
		missing.forEach((row) -> {
			sourceByInstance.put(SourceRows.instanceId(row), SourceRows.recordId(row));
			statuses.put(SourceRows.recordId(row), "PENDING");
		});
		List<InstanceRequest> instances = missing.stream().map((row) -> SourceRows.instance(row, this.requests)).toList();
		Map<Long, Long> added = new TreeMap<>();
		for (CreatedRecord record : this.ingest
			.addInstances(taskId, instances, target.access())
			.records()) {
			added.put(sourceByInstance.get(record.instanceId()), record.recordId());
		}
		this.dao.insertRecords(target.source().name(), sourceTaskId, added, statuses);
		recordIds.putAll(added);
	}

	/** A task whose creation failed on the source fails here too, with the source's message. */
	private void failedTask(Target target, long sourceTaskId, String error) {
		long taskId = this.ingest
			.createTask(target.subscriptionId(), TaskRequest.building(false, null), target.access())
			.taskId();
		this.ingest.markReady(taskId, error, target.access());
		this.dao.insertTask(target.source().name(), target.sourceSubscriptionId(), sourceTaskId, taskId);
		this.dao.updateTask(target.source().name(), sourceTaskId, null, true);
	}

	/** What a row without detail says that the sync needs: kept instead of the row, so 100,000 of them stay small. */
	record Row(long recordId, String instanceId, String status, String createTime) {
	}

	/** Every row of the task, without detail, in ascending record id (the order local records are created in). */
	private List<Row> rows(Target target, long sourceTaskId) {
		List<Row> rows = new ArrayList<>();
		for (int page = 1;; page++) {
			NodemanClient.TaskPage answer = target.client().taskResult(params(target, sourceTaskId, page, PAGE));
			answer.rows().forEach((row) -> rows.add(new Row(SourceRows.recordId(row), SourceRows.instanceId(row),
					SourceRows.status(row), SourceRows.text(row, "create_time"))));
			if (answer.rows().size() < PAGE || (long) page * PAGE >= answer.total()) {
				break;
			}
		}
		rows.sort(Comparator.comparingLong(Row::recordId));
		return rows;
	}

	private List<JsonNode> details(Target target, long sourceTaskId, List<String> instanceIds) {
		List<JsonNode> rows = new ArrayList<>();
		for (int from = 0; from < instanceIds.size(); from += PAGE) {
			Map<String, Object> params = params(target, sourceTaskId, 1, -1);
			params.put("instance_id_list", instanceIds.subList(from, Math.min(instanceIds.size(), from + PAGE)));
			params.put("need_detail", true);
			params.put("return_all", true);
			rows.addAll(target.client().taskResult(params).rows());
		}
		rows.sort(Comparator.comparingLong(SourceRows::recordId));
		return rows;
	}

	private static Map<String, Object> params(Target target, long sourceTaskId, int page, int pagesize) {
		Map<String, Object> params = new LinkedHashMap<>();
		params.put("subscription_id", target.sourceSubscriptionId());
		params.put("task_id_list", List.of(sourceTaskId));
		params.put("page", page);
		params.put("pagesize", pagesize);
		return params;
	}

	/** total and status_counter, in a stable text; for a bare-list answer, the total alone. */
	static String counters(NodemanClient.TaskPage page) {
		StringBuilder text = new StringBuilder("total=").append(page.total());
		if (page.counter() != null) {
			Map<String, String> sorted = new TreeMap<>();
			page.counter().properties().forEach((e) -> sorted.put(e.getKey(), e.getValue().asString()));
			sorted.forEach((k, v) -> text.append(',').append(k).append('=').append(v));
		}
		return text.toString();
	}

}
