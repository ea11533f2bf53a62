package io.subwatch.subscription;

import java.util.Optional;

import org.springframework.stereotype.Component;

/**
 * A subscription's scope: the instances of its newest <em>full</em> task (not partial) whose creation finished without
 * error. Partial tasks (retry, retry_node, an executor's {@code "partial": true}) rerun a subset and never shrink it;
 * a task still being built or whose creation failed does not count until it is ready (a failed one never: its records
 * are removed). task_result's {@code need_out_of_scope_snapshots=false} keeps the scope's instances, and so do the
 * endpoints that report over the scope (info, statistic, instance_status).
 */
@Component
public class SubscriptionScope {

	/**
	 * The SQL condition "record {@code r} belongs to an instance of the scope task {@code :scopeTaskParam}": one
	 * lookup per record on {@code ix_instance_record_instance_task (instance_id, task_id)}, never an IN list of ids.
	 */
	public static String instanceInScope(String recordAlias, String scopeTaskParam) {
		return "EXISTS (SELECT 1 FROM instance_record scope_r WHERE scope_r.instance_id = " + recordAlias
				+ ".instance_id AND scope_r.task_id = :" + scopeTaskParam + ")";
	}

	private final TaskDao tasks;

	private final CounterDao counters;

	SubscriptionScope(TaskDao tasks, CounterDao counters) {
		this.tasks = tasks;
		this.counters = counters;
	}

	/** The task whose instances form the scope; empty while the subscription has no finished full task. */
	public Optional<Task> scopeTask(long subscriptionId) {
		return this.tasks.findScopeTask(subscriptionId);
	}

	/**
	 * Whether the scope holds every instance the subscription ever had a record for, so that restricting its latest
	 * records to the scope changes nothing. True in the usual history (one full task, then retries of some of its
	 * instances): the scope task's instances are among the latest records, so equal counts mean equal sets.
	 */
	public boolean coversAllLatest(long subscriptionId, Task scopeTask) {
		return this.counters.findBySubscription(subscriptionId).total() == scopeTask.instanceCount();
	}

}
