package io.subwatch.web;

import java.util.List;

import io.subwatch.subscription.Status;
import io.subwatch.subscription.Subscription;

/**
 * The confirmation page's numbers: how many hosts the action will touch, and which ones it leaves out and why.
 *
 * @param eligible hosts the action will touch if nothing changes before it runs
 * @param excluded hosts it leaves out, by their current status (e.g. running and succeeded hosts are never retried)
 * @param notFound named hosts that are not in this subscription
 * @param hostName the host of a one-host action, else null
 * @param token makes a second submit of the same form do nothing
 */
public record ActionPreview(Subscription subscription, ActionTarget target, Long taskId, int eligible,
		List<Excluded> excluded, int notFound, String hostName, String token) {

	public record Excluded(Status status, int count) {
	}

	public boolean retry() {
		return this.target.kind() == ActionTarget.Kind.RETRY;
	}

	public String actionHref() {
		return "/subscriptions/" + this.subscription.id() + "/" + this.target.kind().param();
	}

	/** The sentence describing what was chosen. */
	public String scopeKey() {
		String task = (this.taskId != null) ? "task" : "subscription";
		return "confirm.scope." + this.target.kind().param() + "." + this.target.mode().param()
				+ (this.target.mode() == ActionTarget.Mode.ALL ? "." + task : "");
	}

}
