package io.subwatch.web;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import io.subwatch.records.RecordScope;
import io.subwatch.result.OperatorActions;
import io.subwatch.security.Access;
import io.subwatch.subscription.InstanceRecordDao;
import io.subwatch.subscription.Status;
import io.subwatch.subscription.StatusCounts;
import io.subwatch.subscription.Subscription;
import io.subwatch.system.LockRetry;

import org.springframework.stereotype.Component;

/**
 * Turns what the operator chose on a page into the arguments of retry and revoke, counts what they would touch for
 * the confirmation page, and runs them.
 */
@Component
class OperatorPages {

	/** "All matching the filter" takes at most this many hosts. */
	static final int MAX_MATCHING = 200_000;

	/** Hosts named one by one (ticked in the table) in one action. */
	static final int MAX_NAMED = 5_000;

	private final PageAccess pageAccess;

	private final SubscriptionPages pages;

	private final ResultTable table;

	private final OperatorActions actions;

	private final InstanceRecordDao records;

	private final LockRetry lockRetry;

	OperatorPages(PageAccess pageAccess, SubscriptionPages pages, ResultTable table, OperatorActions actions,
			InstanceRecordDao records, LockRetry lockRetry) {
		this.pageAccess = pageAccess;
		this.pages = pages;
		this.table = table;
		this.actions = actions;
		this.records = records;
		this.lockRetry = lockRetry;
	}

	/** The arguments of retry/revoke: instance ids (null = all) and task ids (null = every task). */
	record Arguments(Subscription subscription, List<String> instanceIds, List<Long> taskIds, Long taskId) {
	}

	/** 404 for a subscription the caller cannot see, before anything about the request is judged. */
	void requireWritable(long subscriptionId, Access access) {
		this.pageAccess.writable(subscriptionId, access);
	}

	Arguments resolve(long subscriptionId, ActionTarget target, Access access) {
		Subscription subscription = this.pageAccess.writable(subscriptionId, access);
		RecordScope scope = this.pages.scope(subscription, target.filter().task());
		return switch (target.mode()) {
			case ALL -> new Arguments(subscription, null,
					scope.aggregated() ? null : List.of(scope.taskId()), scope.taskId());
			case MATCHING -> new Arguments(subscription,
					this.table.instanceIds(scope, target.filter(), MAX_MATCHING), null, scope.taskId());
			default -> {
				List<String> named = target.instances().stream().distinct().toList();
				if (named.size() > MAX_NAMED) {
					throw new BadPageRequestException("error.tooManyHosts", MAX_NAMED);
				}
				yield new Arguments(subscription, named, null, scope.taskId());
			}
		};
	}

	ActionPreview preview(long subscriptionId, ActionTarget target, Access access) {
		Arguments arguments = resolve(subscriptionId, target, access);
		StatusCounts counts = this.actions.preview(subscriptionId, arguments.instanceIds(), arguments.taskIds(),
				access);
		List<Status> eligible = eligible(target.kind());
		List<ActionPreview.Excluded> excluded = new ArrayList<>();
		for (Status status : Status.RECORD_STATUSES) {
			if (!eligible.contains(status) && counts.count(status) > 0) {
				excluded.add(new ActionPreview.Excluded(status, counts.count(status)));
			}
		}
		int notFound = target.explicit() ? Math.max(0, arguments.instanceIds().size() - counts.total()) : 0;
		String hostName = (target.mode() == ActionTarget.Mode.ONE && !target.instances().isEmpty())
				? this.records.findNewest(subscriptionId, target.instances().get(0), null)
					.map((record) -> record.displayName())
					.orElse(target.instances().get(0))
				: null;
		return new ActionPreview(arguments.subscription(), target, arguments.taskId(),
				eligible.stream().mapToInt(counts::count).sum(), excluded, notFound, hostName,
				UUID.randomUUID().toString());
	}

	/** Retry: the new task and how many hosts it runs. */
	OperatorActions.Retried retry(long subscriptionId, ActionTarget target, Access access) {
		Arguments arguments = resolve(subscriptionId, target, access);
		return this.lockRetry
			.run(() -> this.actions.retry(subscriptionId, arguments.instanceIds(), arguments.taskIds(), access));
	}

	/** Terminate: how many hosts were stopped. */
	int terminate(long subscriptionId, ActionTarget target, String reason, Access access) {
		Arguments arguments = resolve(subscriptionId, target, access);
		return this.lockRetry.run(() -> this.actions.revoke(subscriptionId, arguments.instanceIds(),
				arguments.taskIds(), reason, access));
	}

	static List<Status> eligible(ActionTarget.Kind kind) {
		return (kind == ActionTarget.Kind.RETRY) ? List.of(Status.FAILED, Status.TERMINATED)
				: List.of(Status.PENDING, Status.RUNNING);
	}

}
