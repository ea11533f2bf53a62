package io.subwatch.ingest;

import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import io.subwatch.subscription.Subscription.SubscriptionStep;
import io.subwatch.subscription.SubscriptionOptions;
import io.subwatch.system.ApiException;

/**
 * A subscription to declare, as {@code POST /api/v1/subscriptions} takes it. {@link IngestRequests} checks the JSON
 * shapes; {@link #check()} the values, for every caller (the API, the demo loader, a mirror).
 *
 * @param objectType HOST or SERVICE
 * @param nodeType INSTANCE, TOPO, SERVICE_TEMPLATE or SET_TEMPLATE
 * @param createTime when the executor created it, or null for now
 */
public record SubscriptionRequest(String name, long bizId, String objectType, String nodeType, String category,
		String pluginName, List<SubscriptionStep> steps, SubscriptionOptions options, Instant createTime) {

	private static final List<String> STEP_TYPES = List.of("AGENT", "PLUGIN", "PROXY");

	private static final List<String> OBJECT_TYPES = List.of("HOST", "SERVICE");

	private static final List<String> NODE_TYPES = List.of("INSTANCE", "TOPO", "SERVICE_TEMPLATE", "SET_TEMPLATE");

	/** Refuses what no subscription may hold, naming the field as the API spells it. */
	void check() {
		RequestValues.text(this.name, "name", 200, true);
		RequestValues.oneOf(this.objectType, "object_type", OBJECT_TYPES);
		RequestValues.oneOf(this.nodeType, "node_type", NODE_TYPES);
		RequestValues.text(this.category, "category", 32, false);
		RequestValues.text(this.pluginName, "plugin_name", 64, false);
		if (this.steps == null || this.steps.isEmpty()) {
			throw ApiException.invalid("steps must have at least one step");
		}
		Set<String> ids = new HashSet<>();
		for (int i = 0; i < this.steps.size(); i++) {
			SubscriptionStep step = this.steps.get(i);
			RequestValues.text(step.id(), "steps[" + i + "].id", 64, true);
			if (!ids.add(step.id())) {
				throw ApiException.invalid("steps[" + i + "].id '" + step.id() + "' appears twice");
			}
			RequestValues.oneOf(step.type(), "steps[" + i + "].type", STEP_TYPES);
		}
	}

}
