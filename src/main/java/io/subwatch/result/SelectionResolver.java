package io.subwatch.result;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import io.subwatch.records.RecordScope;
import io.subwatch.records.RecordQueryDao;
import io.subwatch.records.LatestRecords;
import io.subwatch.security.Access;
import io.subwatch.subscription.CounterDao;
import io.subwatch.subscription.StatusCounts;
import io.subwatch.subscription.Subscription;
import io.subwatch.subscription.SubscriptionDao;
import io.subwatch.subscription.SubscriptionScope;
import io.subwatch.subscription.Task;
import io.subwatch.subscription.TaskDao;
import io.subwatch.system.ApiException;
import io.subwatch.system.ErrorCode;

import org.springframework.stereotype.Component;

/**
 * Resolves subscription and tasks (spec section 3, step 1): the subscription must be visible to the caller, every
 * task id must belong to it, and the chosen tasks must be ready unless all tasks are aggregated.
 */
@Component
class SelectionResolver {

	private final SubscriptionDao subscriptions;

	private final TaskDao tasks;

	private final CounterDao counters;

	private final RecordQueryDao queries;

	private final SubscriptionScope scope;

	SelectionResolver(SubscriptionDao subscriptions, TaskDao tasks, CounterDao counters, RecordQueryDao queries,
			SubscriptionScope scope) {
		this.scope = scope;
		this.subscriptions = subscriptions;
		this.tasks = tasks;
		this.counters = counters;
		this.queries = queries;
	}

	/** The subscription, which the caller must see; 3800001 when it does not exist (retry, the pages). */
	Subscription visibleSubscription(long subscriptionId, Access access) {
		return visibleSubscription(subscriptionId, access, ErrorCode.VALIDATION);
	}

	/**
	 * The subscription, which the caller must see, else {@code whenMissing}: spec section 7 gives each endpoint its
	 * own code (task_result 3800003, task_result_detail 3800007, revoke 3800016, retry 3800001).
	 */
	Subscription visibleSubscription(long subscriptionId, Access access, ErrorCode whenMissing) {
		return this.subscriptions.findById(subscriptionId)
			.filter((s) -> access.canRead(s.bkBizId(), s.id()))
			.orElseThrow(() -> new ApiException(whenMissing, "subscription " + subscriptionId + " does not exist"));
	}

	/** The tasks named by {@code taskIdList}, all of which must belong to the subscription (newest first), else 3800003. */
	List<Task> tasksOf(Subscription subscription, List<Long> taskIdList) {
		return tasksOf(subscription, taskIdList, ErrorCode.TASK_NOT_EXIST);
	}

	/** As {@link #tasksOf(Subscription, List)}, answering {@code whenForeign} for a task of another subscription. */
	List<Task> tasksOf(Subscription subscription, List<Long> taskIdList, ErrorCode whenForeign) {
		Set<Long> wanted = new LinkedHashSet<>(taskIdList);
		List<Task> found = this.tasks.findAllByIds(subscription.id(), wanted);
		if (found.size() != wanted.size()) {
			List<Long> missing = new ArrayList<>(wanted);
			missing.removeAll(found.stream().map(Task::id).toList());
			String named = (missing.size() <= 20) ? missing.toString()
					: missing.subList(0, 20).toString().replace("]", ", … and " + (missing.size() - 20) + " more]");
			throw new ApiException(whenForeign,
					"task " + named + " does not belong to subscription " + subscription.id());
		}
		return found;
	}

	Selection resolve(TaskResultParams params, Access access) {
		Subscription subscription = visibleSubscription(params.subscriptionId(), access, ErrorCode.TASK_NOT_EXIST);
		List<Task> chosen;
		if (params.taskIdList() != null && !params.taskIdList().isEmpty()) {
			chosen = tasksOf(subscription, params.taskIdList());
		}
		else {
			chosen = this.tasks.findNewest(subscription.id())
				.map(List::of)
				.orElseThrow(() -> new ApiException(ErrorCode.TASK_NOT_EXIST,
						"subscription " + subscription.id() + " has no task"));
		}
		RecordScope scope;
		if (params.aggregateAllTasks()) {
			scope = RecordScope.latest(subscription.id());
		}
		else {
			checkReady(chosen);
			scope = (chosen.size() == 1) ? RecordScope.task(subscription.id(), chosen.get(0).id())
					: RecordScope.latestOf(subscription.id(), chosen.stream().map(Task::id).toList());
		}
		if (!params.outOfScopeSnapshots()) {
			scope = withinScope(subscription, scope);
		}
		if (scope.latestInJava()) {
			LatestRecords latest = this.queries.latestOfCandidates(scope);
			return new Selection(subscription, chosen, scope, latest.counter(), latest);
		}
		return new Selection(subscription, chosen, scope, counter(scope), null);
	}

	/**
	 * need_out_of_scope_snapshots=false: the base set restricted to the instances of the subscription's scope. The
	 * restriction is dropped where it cannot remove anything (the base set is the scope task's own records, or the
	 * subscription's latest records when the scope holds every instance), so the usual call of bk-monitor and bklog
	 * reads maintained counters and index-ordered windows like a plain aggregated call.
	 */
	private RecordScope withinScope(Subscription subscription, RecordScope scope) {
		Task scopeTask = this.scope.scopeTask(subscription.id()).orElse(null);
		if (scopeTask == null) {
			return scope.withinInstancesOf(-1L);
		}
		boolean scopeTaskItself = Long.valueOf(scopeTask.id()).equals(scope.taskId());
		if (scopeTaskItself
				|| (scope.subscriptionLatest() && this.scope.coversAllLatest(subscription.id(), scopeTask))) {
			return scope;
		}
		return scope.withinInstancesOf(scopeTask.id());
	}

	StatusCounts counter(RecordScope scope) {
		if (scope.taskId() != null) {
			return this.counters.findByTask(scope.taskId());
		}
		if (scope.subscriptionLatest()) {
			return this.counters.findBySubscription(scope.subscriptionId());
		}
		return this.queries.countByStatus(scope);
	}

	/**
	 * check_task_ready: true when every listed task (default: the newest) is ready, false while one is still being
	 * created; 3800014 when one's creation failed. A subscription the caller cannot see has no task (3800003).
	 */
	boolean checkTaskReady(long subscriptionId, List<Long> taskIdList, Access access) {
		Subscription subscription = this.subscriptions.findById(subscriptionId)
			.filter((s) -> access.canRead(s.bkBizId(), s.id()))
			.orElseThrow(() -> new ApiException(ErrorCode.TASK_NOT_EXIST,
					"subscription " + subscriptionId + " does not exist, so it has no task"));
		List<Task> chosen;
		if (taskIdList != null && !taskIdList.isEmpty()) {
			chosen = tasksOf(subscription, taskIdList);
		}
		else {
			chosen = this.tasks.findNewest(subscriptionId)
				.map(List::of)
				.orElseThrow(() -> new ApiException(ErrorCode.TASK_NOT_EXIST,
						"subscription " + subscriptionId + " has no task"));
		}
		try {
			checkReady(chosen);
			return true;
		}
		catch (ApiException ex) {
			if (ex.errorCode() == ErrorCode.TASK_NOT_READY) {
				return false;
			}
			throw ex;
		}
	}

	static void checkReady(List<Task> chosen) {
		for (Task task : chosen) {
			if (task.failed()) {
				throw new ApiException(ErrorCode.TASK_CREATION_FAILED,
						"task " + task.id() + " creation failed: " + task.errMsg());
			}
		}
		List<Long> notReady = chosen.stream().filter((task) -> !task.ready()).map(Task::id).toList();
		if (!notReady.isEmpty()) {
			throw new ApiException(ErrorCode.TASK_NOT_READY,
					"task not ready yet, try again later; task_id_list: " + notReady);
		}
	}

}
