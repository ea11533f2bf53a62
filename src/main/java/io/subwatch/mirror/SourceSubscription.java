package io.subwatch.mirror;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import tools.jackson.databind.JsonNode;

/** The declaration of a local subscription from a source's {@code info} entry; missing optional keys are left out. */
final class SourceSubscription {

	private SourceSubscription() {
	}

	static Map<String, Object> body(JsonNode info, long sourceId) {
		JsonNode scope = info.get("scope");
		Map<String, Object> body = new LinkedHashMap<>();
		String name = SourceRows.text(info, "name");
		body.put("name", (name != null && !name.isBlank()) ? name : "subscription " + sourceId);
		body.put("bk_biz_id", bizId(info, scope));
		if (scope != null && scope.isObject()) {
			putText(body, "object_type", scope, "object_type");
			putText(body, "node_type", scope, "node_type");
		}
		putText(body, "category", info, "category");
		putText(body, "plugin_name", info, "plugin_name");
		JsonNode enable = info.get("enable");
		if (enable != null && enable.isBoolean()) {
			body.put("enable", enable.asBoolean());
		}
		JsonNode bizScope = info.get("bk_biz_scope");
		if (bizScope != null && bizScope.isArray()) {
			body.put("bk_biz_scope", bizScope);
		}
		List<Map<String, Object>> steps = new ArrayList<>();
		JsonNode stepNodes = info.get("steps");
		if (stepNodes != null && stepNodes.isArray()) {
			for (JsonNode step : stepNodes) {
				Map<String, Object> declared = new LinkedHashMap<>();
				declared.put("id", SourceRows.text(step, "id"));
				declared.put("type", SourceRows.text(step, "type"));
				for (String key : List.of("config", "params")) {
					if (step.get(key) != null && step.get(key).isObject()) {
						declared.put(key, step.get(key));
					}
				}
				steps.add(declared);
			}
		}
		body.put("steps", steps);
		return body;
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

	private static void putText(Map<String, Object> body, String key, JsonNode node, String field) {
		String value = SourceRows.text(node, field);
		if (value != null) {
			body.put(key, value);
		}
	}

}
