package io.subwatch.mirror;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

import io.subwatch.ingest.IngestService;
import io.subwatch.ingest.SubscriptionRequest;
import io.subwatch.security.Access;
import io.subwatch.system.ApiException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * One sync of a source: each configured subscription is created here once (from {@code info}), its new tasks are
 * found (the newest task, and when that is new, every task holding a newest record of some instance), and every task
 * not yet finished is synced by {@link TaskMirror}. A failure is recorded on the source and leaves what was synced; a
 * subscription whose data the ingest rules refuse is named in the source's error and skipped, the others synced.
 */
@Service
public class MirrorSync {

	private static final Logger logger = LoggerFactory.getLogger(MirrorSync.class);

	private final MirrorProperties properties;

	private final MirrorDao dao;

	private final TaskMirror tasks;

	private final IngestService ingest;

	private final JsonMapper json;

	private final TransactionTemplate tx;

	private final Clock clock;

	private final SourceListing listing = new SourceListing();

	private final Map<String, NodemanClient> clients = new ConcurrentHashMap<>();

	/** New tasks found while still being created on the source, per source subscription: read again next time. */
	private final Map<String, Set<Long>> notReady = new ConcurrentHashMap<>();

	MirrorSync(MirrorProperties properties, MirrorDao dao, TaskMirror tasks, IngestService ingest, JsonMapper json,
			TransactionTemplate tx, Clock clock) {
		this.properties = properties;
		this.dao = dao;
		this.tasks = tasks;
		this.ingest = ingest;
		this.json = json;
		this.tx = tx;
		this.clock = clock;
	}

	/** The configured sources, in configuration order. */
	public List<MirrorProperties.Source> sources() {
		return this.properties.sources();
	}

	/** The configured source of that name. */
	Optional<MirrorProperties.Source> findSource(String sourceName) {
		return sources().stream().filter((s) -> s.name().equals(sourceName)).findFirst();
	}

	/** The source's one client: every caller shares its pacing and its request count. */
	NodemanClient client(MirrorProperties.Source source) {
		return this.clients.computeIfAbsent(source.name(), (n) -> new NodemanClient(source, this.json));
	}

	/** Syncs the named source once; returns its state afterwards. */
	public MirrorState sync(String sourceName) {
		MirrorProperties.Source source = findSource(sourceName)
			.orElseThrow(() -> new IllegalArgumentException("no mirror source named " + sourceName));
		NodemanClient client = client(source);
		long before = client.requests();
		Instant started = this.clock.instant();
		try {
			Set<Long> ids = new LinkedHashSet<>(source.subscriptionIds());
			ids.addAll(this.listing.byBusiness(source, client));
			List<String> refused = new ArrayList<>();
			for (long id : ids) {
				try {
					syncSubscription(source, client, id);
				}
				catch (ApiException ex) {
					// The source's data breaks a rule every writer keeps: that subscription waits, the others go on.
					logger.warn("Mirror source {}: subscription {} refused: {}", source.name(), id, ex.getMessage());
					refused.add(MirrorState.refusal(id, ex.getMessage()));
				}
			}
			Instant done = this.clock.instant();
			this.dao.recordAttempt(source.name(), done, client.requests() - before, done,
					refused.isEmpty() ? null : String.join("\n", refused), Duration.between(started, done).toMillis());
		}
		catch (NodemanException | ApiException ex) {
			logger.warn("Mirror source {} failed: {}", source.name(), ex.getMessage());
			this.dao.recordAttempt(source.name(), this.clock.instant(), client.requests() - before, null,
					ex.getMessage(), null);
		}
		catch (RuntimeException ex) {
			// An answer of a shape nobody foresaw: the sync of that task rolled back; say so on the page, keep going.
			logger.error("Mirror source {} failed unexpectedly", source.name(), ex);
			this.dao.recordAttempt(source.name(), this.clock.instant(), client.requests() - before, null,
					"unexpected answer or error (" + ex.getClass().getSimpleName() + "), see the log", null);
		}
		return this.dao.findState(source.name()).orElseThrow();
	}

	private void syncSubscription(MirrorProperties.Source source, NodemanClient client, long sourceId) {
		Access access = Access.system("mirror:" + source.name());
		Optional<Long> mapped = this.dao.findSubscription(source.name(), sourceId);
		if (mapped.isEmpty()) {
			mapped = createSubscription(source, client, sourceId, access);
		}
		if (mapped.isEmpty()) {
			return;
		}
		long local = mapped.get();
		TaskMirror.Target target = new TaskMirror.Target(source, client, sourceId, local, access);
		Map<Long, MirrorDao.MirroredTask> known = new LinkedHashMap<>();
		this.dao.findTasks(source.name(), sourceId).forEach((task) -> known.put(task.sourceId(), task));
		Discovery discovery = discover(client, sourceId, known.keySet());
		Set<Long> waiting = this.notReady.computeIfAbsent(source.name() + "/" + sourceId,
				(key) -> ConcurrentHashMap.newKeySet());
		Set<Long> todo = new TreeSet<>(discovery.taskIds());
		todo.addAll(waiting);
		long scopeSize = (waiting.isEmpty() || discovery.scopeSize() != Long.MAX_VALUE) ? discovery.scopeSize()
				: aggregate(client, sourceId, 1, 1).total();
		known.values().stream().filter((task) -> !task.finished()).forEach((task) -> todo.add(task.sourceId()));
		for (long taskId : todo) {
			if (this.tasks.sync(target, taskId, known.get(taskId), scopeSize)) {
				waiting.remove(taskId);
			}
			else if (!known.containsKey(taskId)) {
				waiting.add(taskId);
			}
		}
	}

	/** New source tasks, and the number of instances over all the source's tasks. */
	private record Discovery(Set<Long> taskIds, long scopeSize) {
	}

	private Discovery discover(NodemanClient client, long sourceId, Set<Long> known) {
		Optional<Long> newest = newestTask(client, sourceId);
		if (newest.isEmpty() || known.contains(newest.get())) {
			return new Discovery(Set.of(), Long.MAX_VALUE);
		}
		// A task created and superseded between two syncs is found through the newest records it still holds.
		Set<Long> found = new HashSet<>(Set.of(newest.get()));
		long total = 0;
		for (int page = 1;; page++) {
			NodemanClient.TaskPage answer = aggregate(client, sourceId, page, TaskMirror.PAGE);
			total = answer.total();
			answer.rows().stream().map(SourceRows::taskId).filter((id) -> !known.contains(id)).forEach(found::add);
			if (answer.rows().size() < TaskMirror.PAGE || (long) page * TaskMirror.PAGE >= total) {
				break;
			}
		}
		return new Discovery(found, total);
	}

	/** A page of the latest records over all the source's tasks; its total is the number of instances. */
	private static NodemanClient.TaskPage aggregate(NodemanClient client, long sourceId, int page, int pagesize) {
		Map<String, Object> params = new LinkedHashMap<>();
		params.put("subscription_id", sourceId);
		params.put("need_aggregate_all_tasks", true);
		params.put("page", page);
		params.put("pagesize", pagesize);
		return client.taskResult(params);
	}

	private Optional<Long> newestTask(NodemanClient client, long sourceId) {
		try {
			List<JsonNode> rows = client.taskResult(Map.of("subscription_id", sourceId, "page", 1, "pagesize", 1)).rows();
			return rows.isEmpty() ? Optional.empty() : Optional.of(SourceRows.taskId(rows.get(0)));
		}
		catch (NodemanException ex) {
			// No task yet, or the newest is still being created: look again at the next sync.
			if (ex.code() == 3800003 || ex.code() == 3800015 || ex.code() == 3800014) {
				return Optional.empty();
			}
			throw ex;
		}
	}

	/** The local subscription made from the source's {@code info}; empty while the source does not list it. */
	private Optional<Long> createSubscription(MirrorProperties.Source source, NodemanClient client, long sourceId,
			Access access) {
		JsonNode list = client.call("info", Map.of("subscription_id_list", List.of(sourceId)));
		JsonNode info = null;
		if (list.isArray()) {
			for (JsonNode item : list) {
				if (item.has("id") && item.get("id").asLong() == sourceId) {
					info = item;
				}
			}
		}
		if (info == null) {
			// Not there yet (or not granted to these credentials): the others are mirrored meanwhile.
			logger.info("Mirror source {} does not list subscription {}; looking again at the next sync", source.name(),
					sourceId);
			return Optional.empty();
		}
		SubscriptionRequest request = SourceSubscription.request(info, sourceId, this.json);
		return Optional.of(this.tx.execute((status) -> {
			long id = this.ingest.createSubscription(request, access);
			this.dao.insertSubscription(source.name(), sourceId, id);
			return id;
		}));
	}

}
