package io.subwatch.web;

import java.util.List;

/**
 * The request parameters of the confirmation page and of the actions it submits.
 *
 * @param instance instance ids ticked in the table, or the one host
 * @param matching "every host matching the filter" was ticked
 * @param task the view's task choice, {@code status} and {@code q} its filter
 * @param expected how many hosts the confirmation counted
 * @param token the confirmation form's one-time token
 * @param reason why hosts are terminated (optional)
 * @param at the view's breakdown filter (a sub-step), {@code error} its failure cluster
 */
record ActionForm(String action, String mode, List<String> instance, Boolean matching, String task,
		List<String> status, String q, String back, Integer expected, String token, String reason, String at,
		String error) {

	static final int MAX_REASON = 500;

	ActionTarget target(long subscriptionId, ActionTarget.Kind kind) {
		ResultQuery filter = ResultQuery.parse(subscriptionId, this.task, this.status, this.q, null, null, this.at,
				this.error);
		String safeBack = (this.back != null && !this.back.isBlank()) ? PageLinks.safeLocalPath(this.back) : null;
		return new ActionTarget(kind, ActionTarget.Mode.parse(this.mode, Boolean.TRUE.equals(this.matching)),
				(this.instance != null) ? this.instance.stream().filter((i) -> !i.isBlank()).toList() : List.of(),
				filter, safeBack);
	}

	String trimmedReason() {
		if (this.reason == null || this.reason.isBlank()) {
			return null;
		}
		String text = this.reason.strip();
		return (text.length() > MAX_REASON) ? text.substring(0, MAX_REASON) : text;
	}

}
