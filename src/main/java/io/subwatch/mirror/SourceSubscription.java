package io.subwatch.mirror;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.subwatch.ingest.SubscriptionRequest;
import io.subwatch.subscription.Subscription.SubscriptionStep;
import io.subwatch.subscription.SubscriptionOptions;
import io.subwatch.subscription.SubscriptionOptions.StepOptions;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The declaration of a local subscription from a source's {@code info} entry; missing optional keys are left out. */
final class SourceSubscription {

	private SourceSubscription() {
	}

	static SubscriptionRequest request(JsonNode info, long sourceId, JsonMapper json) {
		JsonNode scope = info.get("scope");
		String name = SourceRows.text(info, "name");
		String objectType = null;
		String nodeType = null;
		if (scope != null && scope.isObject()) {
			objectType = SourceRows.text(scope, "object_type");
			nodeType = SourceRows.text(scope, "node_type");
		}
		JsonNode enable = info.get("enable");
		JsonNode bizScope = info.get("bk_biz_scope");
		List<SubscriptionStep> steps = new ArrayList<>();
		Map<String, StepOptions> stepOptions = new LinkedHashMap<>();
		JsonNode stepNodes = info.get("steps");
		if (stepNodes != null && stepNodes.isArray()) {
			for (JsonNode step : stepNodes) {
				String id = SourceRows.text(step, "id");
				steps.add(new SubscriptionStep(id, SourceRows.text(step, "type")));
				stepOptions.put(id, new StepOptions(object(step, "config", json), object(step, "params", json)));
			}
		}
		return new SubscriptionRequest((name != null && !name.isBlank()) ? name : "subscription " + sourceId,
				bizId(info, scope), (objectType != null) ? objectType : "HOST", (nodeType != null) ? nodeType : "INSTANCE",
				SourceRows.text(info, "category"), SourceRows.text(info, "plugin_name"), steps,
				new SubscriptionOptions(enable == null || !enable.isBoolean() || enable.asBoolean(),
						(bizScope != null && bizScope.isArray()) ? json.writeValueAsString(bizScope) : null, null,
						stepOptions),
				null);
	}

	private static String object(JsonNode step, String key, JsonMapper json) {
		JsonNode value = step.get(key);
		return (value != null && value.isObject()) ? json.writeValueAsString(value) : null;
	}

	/** The scope's business; NodeMan leaves it null for a multi-business subscription, then the first listed. */
	private static long bizId(JsonNode info, JsonNode scope) {
		if (scope != null && scope.get("bk_biz_id") != null && scope.get("bk_biz_id").canConvertToLong()) {
			return scope.get("bk_biz_id").asLong();
		}
		JsonNode bizScope = info.get("bk_biz_scope");
		if (bizScope != null && bizScope.isArray() && !bizScope.isEmpty() && bizScope.get(0).canConvertToLong()) {
			return bizScope.get(0).asLong();
		}
		return 0;
	}

}
