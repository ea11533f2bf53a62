package io.subwatch.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.subwatch.progress.Stragglers;
import io.subwatch.records.RecordScope;
import io.subwatch.breakdown.Breakdown;
import io.subwatch.breakdown.BreakdownScope;
import io.subwatch.breakdown.Breakdowns;
import io.subwatch.security.Access;
import io.subwatch.subscription.Status;
import io.subwatch.subscription.CounterDao;
import io.subwatch.subscription.StatusCounts;
import io.subwatch.subscription.Subscription;
import io.subwatch.subscription.Task;
import io.subwatch.subscription.TaskDao;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Loads the subscription page's live regions with a fixed number of small queries: counters from the maintained
 * counters, one index range for the page's ids, the page's records and their sub-steps. What they show is
 * fingerprinted; a poll that already shows it gets no rows (and the controller answers 204 without rendering). A poll
 * made while none of the subscription's tasks changed is answered from their change stamp alone.
 */
@Component
class SubscriptionPages {

	static final int TASK_CHOICES = 100;

	private final PageAccess pageAccess;

	private final TaskDao tasks;

	private final CounterDao counters;

	private final ResultTable table;

	private final Breakdowns breakdowns;

	private final PageProgress progress;

	SubscriptionPages(PageAccess pageAccess, TaskDao tasks, CounterDao counters, ResultTable table,
			Breakdowns breakdowns, PageProgress progress) {
		this.breakdowns = breakdowns;
		this.progress = progress;
		this.pageAccess = pageAccess;
		this.tasks = tasks;
		this.counters = counters;
		this.table = table;
	}

	/**
	 * The regions for {@code query}; rows stay null when they would match {@code knownVersion}. The version is the
	 * {@link #stamp} of the data, then a fingerprint of what the regions show.
	 */
	@Transactional(readOnly = true)
	SubscriptionPage load(long subscriptionId, ResultQuery query, Access access, String knownVersion) {
		Subscription subscription = this.pageAccess.readable(subscriptionId, access);
		String stamp = this.tasks.changeStamp(subscriptionId)
			.map((found) -> stamp(found, subscriptionId, access))
			.orElseThrow(() -> new PageNotFoundException("subscription " + subscriptionId));
		Task task = task(subscription, query.task());
		RecordScope scope = RecordScope.of(subscriptionId, (task != null && !query.task().all()) ? task.id() : null);
		StatusCounts counts = scope.aggregated() ? this.counters.findBySubscription(subscriptionId)
				: this.counters.findByTask(scope.taskId());
		// the stuck hosts by the progress panels' rule, read with (and cached as) the panels of this change stamp
		Stragglers stragglers = this.progress.stragglers(scope.taskId() != null ? task : null, counts, stamp);
		ResultWindow window = this.table.window(scope, counts, query, stragglers);
		boolean active = counts.active() || (task != null && !task.ready() && !task.failed());
		List<HostRow> rows = this.table.rows(window.ids(), query.task().taskId() != null, stragglers.recordIds(),
				scope.aggregated() ? null : task);
		Breakdown breakdown = this.breakdowns.load(new BreakdownScope(subscriptionId, scope.taskId()),
				counts.count(Status.FAILED));
		String shown = LiveVersion.of(counts, window, LiveVersion.rows(rows), task, subscription.latestTaskId(),
				LiveVersion.reader(), access.shared(), PageAccess.canWrite(subscription, access),
				breakdown.fingerprint());
		String version = stamp + "." + shown;
		// The data changed elsewhere but not what these regions show: still nothing to send.
		if (knownVersion != null && knownVersion.endsWith("." + shown)) {
			rows = null;
		}
		ResultQuery live = (query.task().latest() && task != null)
				? new ResultQuery(subscriptionId, new TaskChoice(task.id(), false), query.statuses(), query.search(),
						query.page(), query.size(), query.place(), query.stuck(), query.order())
				: query;
		return new SubscriptionPage(subscription, query.task().all() ? null : task, query, live, counts, window, rows,
				version, active, PageAccess.canWrite(subscription, access), access.shared(), breakdown);
	}

	/**
	 * The subscription's change stamp as this reader sees it (language, time zone, share link, write right): one small
	 * read, which answers an unchanged poll and keys {@link LiveRegionCache}. Empty when the subscription is missing or
	 * not readable: that request goes the full way, which answers it. Read before the data it stands for, so what is
	 * rendered under it is never older than it says.
	 */
	java.util.Optional<String> readerStamp(long subscriptionId, Access access) {
		return this.tasks.changeStamp(subscriptionId)
			.filter((stamp) -> access.canRead(stamp.bkBizId(), subscriptionId))
			.map((stamp) -> stamp(stamp, subscriptionId, access));
	}

	/**
	 * Whether a poll that carries {@code knownVersion} can be answered "unchanged" without loading anything: nothing
	 * of the subscription's tasks changed since that version was made, for the same reader.
	 */
	static boolean unchanged(String readerStamp, Access access, String knownVersion) {
		return knownVersion != null && access.instanceId() == null && knownVersion.startsWith(readerStamp + ".");
	}

	/** The data's change stamp, with what else decides how the regions look to this reader. */
	private static String stamp(TaskDao.ChangeStamp stamp, long subscriptionId, Access access) {
		return LiveVersion.of(stamp.stamp(), LiveVersion.reader(), access.shared(),
				access.canWrite(stamp.bkBizId(), subscriptionId));
	}

	/** The base set a task choice names (the newest task for "latest"). */
	RecordScope scope(Subscription subscription, TaskChoice choice) {
		Task task = choice.all() ? null : task(subscription, choice);
		return RecordScope.of(subscription.id(), (task != null) ? task.id() : null);
	}

	private Task task(Subscription subscription, TaskChoice choice) {
		if (choice.taskId() == null) {
			return this.tasks.findNewest(subscription.id()).orElse(null);
		}
		return this.tasks.findById(choice.taskId())
			.filter((task) -> task.subscriptionId() == subscription.id())
			.orElseThrow(() -> new PageNotFoundException("task " + choice.taskId()));
	}

	/** The task selector: the newest tasks with their summaries, and the shown task even when it is older. */
	List<TaskOption> taskOptions(SubscriptionPage page) {
		List<Task> newest = new ArrayList<>(this.tasks.findAllBySubscription(page.subscription().id(), TASK_CHOICES));
		Task shown = page.task();
		if (shown != null && newest.stream().noneMatch((t) -> t.id() == shown.id())) {
			newest.add(shown);
		}
		Map<Long, StatusCounts> byTask = this.counters.findByTasks(newest.stream().map(Task::id).toList());
		boolean pinned = page.query().task().taskId() != null;
		return newest.stream()
			.map((t) -> new TaskOption(t.id(), t.createdAt(), t.instanceCount(),
					byTask.getOrDefault(t.id(), StatusCounts.EMPTY).summary(), pinned && t.id() == shown.id()))
			.toList();
	}

}
