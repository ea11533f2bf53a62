package io.subwatch.subscription;

import java.time.Instant;
import java.util.List;

/** A subscription: what runs (its steps) against which business; tasks are its runs. */
public record Subscription(long id, String name, long bkBizId, String objectType, String nodeType, String category,
		String pluginName, String owner, String createdBy, Instant createdAt, Long latestTaskId,
		List<SubscriptionStep> steps) {

	/** A declared step: its id (e.g. {@code agent}) and type (AGENT, PLUGIN, PROXY). */
	public record SubscriptionStep(String id, String type) {
	}

	public SubscriptionStep step(String stepId) {
		return this.steps.stream().filter((step) -> step.id().equals(stepId)).findFirst().orElse(null);
	}

}
