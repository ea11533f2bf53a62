package io.subwatch.web;

import java.util.List;

import io.subwatch.subscription.InstanceRecord;
import io.subwatch.subscription.Status;
import io.subwatch.subscription.Subscription;

/**
 * What the instance page shows: the record, its timeline, the opened sub-step and the instance's attempts.
 *
 * @param pinnedTask the task id the page was asked for, or null for the instance's newest record
 * @param detail the opened sub-step, or null
 * @param history the instance's records over all tasks, newest first
 * @param steps null when the caller already shows {@code version}
 * @param instanceOnly a share link of this one instance: the subscription's own pages are not linked
 */
public record InstancePage(Subscription subscription, InstanceRecord record, Long pinnedTask,
		List<InstanceRecord> history, List<TimelineView.Step> steps, TimelineView.Detail detail, String version,
		boolean canWrite, boolean shared, boolean instanceOnly) {

	public boolean unchanged() {
		return this.steps == null;
	}

	public boolean active() {
		return this.record.status().isActive();
	}

	/** 1-based position of this record among the instance's attempts, oldest first. */
	public int attempt() {
		int index = 0;
		for (int i = 0; i < this.history.size(); i++) {
			if (this.history.get(i).id() == this.record.id()) {
				index = i;
			}
		}
		return this.history.size() - index;
	}

	public Href base() {
		return Href.instance(this.subscription.id(), this.record.instanceId());
	}

	/** The live fragment of this page, pinned to the record shown. */
	public String pollUrl() {
		if (!active()) {
			return null;
		}
		Href href = Href.path(base() + "/timeline").param("task", this.record.taskId());
		if (this.detail != null) {
			href.param("step", this.detail.subStep().step()).param("sub", this.detail.subStep().index());
		}
		return href.param("v", this.version).toString();
	}

	public String attemptHref(InstanceRecord attempt) {
		return base().param("task", attempt.taskId()).toString();
	}

	public String wholeLogHref() {
		return Href.path(base() + "/log").param("task", this.record.taskId()).toString();
	}

	public boolean retryable() {
		return this.record.latest() && (this.record.status() == Status.FAILED || this.record.status() == Status.TERMINATED);
	}

	/**
	 * Whether "Retry from this sub-step" applies to {@code sub}: the first failed (or terminated) sub-step of the
	 * instance's newest record, once that record is finished.
	 */
	public boolean retryPoint(TimelineView.SubStep sub) {
		if (!retryable() || this.steps == null) {
			return false;
		}
		for (TimelineView.Step step : this.steps) {
			for (TimelineView.SubStep candidate : step.subSteps()) {
				if (candidate.status() == Status.FAILED || candidate.status() == Status.TERMINATED) {
					return candidate.step() == sub.step() && candidate.index() == sub.index();
				}
			}
		}
		return false;
	}

	public String retryNodeHref() {
		return Href.path(base() + "/retry-node").toString();
	}

	public String confirmHref(String action) {
		return Href.path("/subscriptions/" + this.subscription.id() + "/confirm")
			.param("action", action)
			.param("mode", "one")
			.param("instance", this.record.instanceId())
			.param("back", base().param("task", this.record.taskId()).toString())
			.toString();
	}

}
