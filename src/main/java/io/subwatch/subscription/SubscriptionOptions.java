package io.subwatch.subscription;

import java.util.Map;

/**
 * What an executor may declare on a subscription beyond what subwatch itself uses, kept as given for the info
 * endpoint: JSON texts are stored and returned verbatim (null when not declared).
 *
 * @param enable whether the subscription is switched on (NodeMan's {@code enable}; true unless declared otherwise)
 * @param bkBizScope the businesses it spans, JSON text
 * @param scopeNodes the scope's nodes as declared, JSON text
 * @param steps per step id its declared {@code config} and {@code params}
 */
public record SubscriptionOptions(boolean enable, String bkBizScope, String scopeNodes,
		Map<String, StepOptions> steps) {

	public static final SubscriptionOptions NONE = new SubscriptionOptions(true, null, null, Map.of());

	/** A step's declared {@code config} and {@code params}, JSON texts or null. */
	public record StepOptions(String config, String params) {

		public static final StepOptions NONE = new StepOptions(null, null);

	}

	public StepOptions step(String stepId) {
		return this.steps.getOrDefault(stepId, StepOptions.NONE);
	}

}
