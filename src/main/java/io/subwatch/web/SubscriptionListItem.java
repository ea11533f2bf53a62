package io.subwatch.web;

import java.time.Instant;

import io.subwatch.subscription.Status;
import io.subwatch.subscription.StatusCounts;

/** A row of the subscription list: the subscription and how its latest task is doing. */
public record SubscriptionListItem(long id, String name, long bizId, String objectType, String nodeType,
		String category, String pluginName, Long latestTaskId, Instant latestTaskAt, StatusCounts counts) {

	SubscriptionListItem withCounts(StatusCounts counts) {
		return new SubscriptionListItem(this.id, this.name, this.bizId, this.objectType, this.nodeType, this.category,
				this.pluginName, this.latestTaskId, this.latestTaskAt, counts);
	}

	/** The latest task's summary, or null without a task. */
	public Status summary() {
		return (this.latestTaskId != null) ? this.counts.summary() : null;
	}

	public boolean running() {
		return this.latestTaskId != null && this.counts.active();
	}

	public int failedSoFar() {
		return (summary() == Status.RUNNING) ? this.counts.count(Status.FAILED) : 0;
	}

	/** Links built in Java: a row's links skip Thymeleaf's URL rewriting, which probes the static resources. */
	public String href() {
		return Href.subscription(this.id).toString();
	}

	public String taskHref() {
		return Href.subscription(this.id).param("task", this.latestTaskId).toString();
	}

	public String rowId() {
		return "sub-" + this.id;
	}

}
