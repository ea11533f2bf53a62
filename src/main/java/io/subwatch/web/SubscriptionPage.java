package io.subwatch.web;

import java.util.List;

import io.subwatch.breakdown.Breakdown;
import io.subwatch.subscription.Status;
import io.subwatch.subscription.StatusCounts;
import io.subwatch.subscription.Subscription;
import io.subwatch.subscription.Task;

/**
 * What the subscription page's live regions show: the chosen task, its counters and one page of its hosts.
 *
 * @param task the task shown, or null for all tasks aggregated or a subscription without tasks
 * @param query the view as the reader chose it
 * @param live query pinned to the task shown, for the poll (a newer task does not replace the one being read)
 * @param rows the page's rows, or null when the caller already shows this {@code version}
 * @param active whether anything shown may still change (the poll runs only then)
 * @param breakdown the step matrix and failure clusters of the hosts shown
 */
public record SubscriptionPage(Subscription subscription, Task task, ResultQuery query, ResultQuery live,
		StatusCounts counters, ResultWindow window, List<HostRow> rows, String version, boolean active,
		boolean canWrite, boolean shared, Breakdown breakdown) {

	public boolean unchanged() {
		return this.rows == null;
	}

	public Status summary() {
		return this.counters.summary();
	}

	/** Failures while the task still runs: "running, 3 failed so far". */
	public int failedSoFar() {
		return (summary() == Status.RUNNING) ? this.counters.count(Status.FAILED) : 0;
	}

	/** The statuses with a counter: those present, in the order of the status table. */
	public List<Status> presentStatuses() {
		return Status.RECORD_STATUSES.stream().filter((status) -> this.counters.count(status) > 0).toList();
	}

	public int pages() {
		return (int) Math.max(1, (this.window.total() + this.query.size() - 1) / this.query.size());
	}

	public long first() {
		return this.window.ids().isEmpty() ? 0 : (long) (this.query.page() - 1) * this.query.size() + 1;
	}

	public long last() {
		return this.window.ids().isEmpty() ? 0 : first() + this.window.ids().size() - 1;
	}

	public boolean pastEnd() {
		return this.window.ids().isEmpty() && this.window.total() > 0;
	}

	/** The poll's URL while anything may change; null stops the polling. */
	public String pollUrl() {
		return this.active ? this.live.countersHref(this.version) : null;
	}

	/** A task newer than the one shown exists (a retry started since the page was opened). */
	public Long newerTaskId() {
		Long latest = this.subscription.latestTaskId();
		return (this.task != null && latest != null && latest > this.task.id()) ? latest : null;
	}

	/**
	 * The confirmation page of an action on every eligible host of the task shown ({@code retry}, {@code terminate});
	 * cancel and terminate return to this view.
	 */
	public String confirmAllHref(String action) {
		return Href.path("/subscriptions/" + this.subscription.id() + "/confirm")
			.param("action", action)
			.param("mode", "all")
			.param("task", this.live.task().param())
			.param("back", this.query.href())
			.toString();
	}

	/**
	 * The retry confirmation of one failure cluster: every host matching the task shown, FAILED, at that sub-step with
	 * that error (as the cluster's "show these hosts" link shows them).
	 */
	public String confirmClusterHref(int stepIndex, int subIndex, String errorKey) {
		return Href.path("/subscriptions/" + this.subscription.id() + "/confirm")
			.param("action", "retry")
			.param("matching", true)
			.param("task", this.live.task().param())
			.param("status", Status.FAILED.name())
			.param("at", stepIndex + "." + subIndex)
			.param("error", errorKey)
			.param("back", this.query.href())
			.toString();
	}

	/** An instance's page (a failure cluster's sample host). */
	public String instanceHref(String instanceId) {
		return Href.instance(this.subscription.id(), instanceId).toString();
	}

	/** The confirmation page of an action on one host. */
	public String confirmOneHref(String action, HostRow row) {
		return Href.path("/subscriptions/" + this.subscription.id() + "/confirm")
			.param("action", action)
			.param("mode", "one")
			.param("instance", row.instanceId())
			.param("task", this.live.task().param())
			.param("back", this.query.href())
			.toString();
	}

	/**
	 * Whether the counters count exactly the hosts an action on "all" would touch: they do for the newest task and for
	 * all tasks aggregated (their records are the newest of their hosts); an older task's failed host may have been
	 * retried since, so its buttons leave the count to the confirmation page.
	 */
	public boolean exactActionCounts() {
		return this.task == null || this.subscription.latestTaskId() == null
				|| this.task.id() == this.subscription.latestTaskId();
	}

	/**
	 * The page of one task of this subscription. Built in Java like the other per-row links: {@code @{…}} would run
	 * every link through the resource URL rewriting, which probes the static resource locations each time.
	 */
	public String taskHref(Long taskId) {
		return Href.subscription(this.subscription.id()).param("task", taskId).toString();
	}

	public boolean aggregated() {
		return this.query.task().all();
	}

	public boolean notReady() {
		return this.task != null && !this.task.ready() && !this.task.failed();
	}

}
