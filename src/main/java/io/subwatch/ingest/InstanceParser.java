package io.subwatch.ingest;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import io.subwatch.subscription.StepPlan;
import io.subwatch.system.ApiException;
import io.subwatch.system.JsonFields;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Turns the {@code instances} array of a task request into {@link InstanceRequest}s, checking every field's shape and
 * naming the one at fault; the values (id forms, duplicates, whether the steps are the subscription's) are checked when
 * the task is written.
 */
final class InstanceParser {

	static final int MAX_INSTANCE_ID = 255;

	private static final List<String> HOST_KEYS = List.of("bk_host_innerip_v6", "bk_host_innerip", "bk_cloud_id",
			"bk_supplier_account", "bk_host_name", "bk_host_id", "bk_biz_id", "bk_biz_name", "bk_cloud_name");

	private static final List<String> SERVICE_KEYS = List.of("id", "name", "bk_module_id", "bk_host_id");

	private static final Set<String> NUMERIC_KEYS = Set.of("bk_cloud_id", "bk_host_id", "bk_biz_id", "id",
			"bk_module_id");

	private final JsonMapper json;

	InstanceParser(JsonMapper json) {
		this.json = json;
	}

	List<InstanceRequest> parse(JsonNode instances, String path) {
		if (!instances.isArray()) {
			throw ApiException.invalid(path + " must be an array");
		}
		List<InstanceRequest> records = new ArrayList<>(instances.size());
		for (int i = 0; i < instances.size(); i++) {
			records.add(parseInstance(instances.get(i), path + "[" + i + "]"));
		}
		return records;
	}

	private InstanceRequest parseInstance(JsonNode node, String at) {
		if (node == null || !node.isObject()) {
			throw ApiException.invalid(at + " must be an object");
		}
		String instanceId = JsonFields.requireText(node, "instance_id", at + ".instance_id", MAX_INSTANCE_ID);
		JsonNode info = JsonFields.optionalObject(node, "instance_info", at + ".instance_info");
		InstanceRequest.Info parsedInfo = info(info, at);
		return new InstanceRequest(instanceId, parsedInfo, parseSteps(node, at));
	}

	/** The host columns and the simple subset of an instance_info (null for none), checked. */
	InstanceRequest.Info info(JsonNode info, String at) {
		ObjectNode fullInfo = (info != null) ? (ObjectNode) info : this.json.createObjectNode();
		JsonNode host = JsonFields.optionalObject(fullInfo, "host", at + ".instance_info.host");
		JsonNode service = JsonFields.optionalObject(fullInfo, "service", at + ".instance_info.service");
		ObjectNode simple = this.json.createObjectNode();
		ObjectNode simpleHost = simple.putObject("host");
		copy(host, HOST_KEYS, simpleHost, at + ".instance_info.host");
		if (!simpleHost.has("bk_host_innerip")) {
			simpleHost.put("bk_host_innerip", "");
		}
		copy(service, SERVICE_KEYS, simple.putObject("service"), at + ".instance_info.service");
		String simpleInfo = this.json.writeValueAsString(simple);
		if (simpleInfo.length() > 2000) {
			throw ApiException.invalid(at + ".instance_info host and service fields are too long");
		}
		return new InstanceRequest.Info(longOrNull(simpleHost, "bk_host_id"),
				limited(simpleHost, "bk_host_innerip", 64, at), limited(simpleHost, "bk_host_innerip_v6", 64, at),
				longOrNull(simpleHost, "bk_cloud_id"), limited(simpleHost, "bk_host_name", 255, at),
				longOrNull(simpleHost, "bk_biz_id"),
				(service != null) ? limited(simple.get("service"), "name", 255, at) : null, simpleInfo,
				this.json.writeValueAsString(fullInfo));
	}

	private List<InstanceRequest.Step> parseSteps(JsonNode node, String at) {
		JsonNode steps = JsonFields.requireArray(node, "steps", at + ".steps");
		List<InstanceRequest.Step> result = new ArrayList<>();
		for (int s = 0; s < steps.size(); s++) {
			String stepAt = at + ".steps[" + s + "]";
			JsonNode step = steps.get(s);
			if (!step.isObject()) {
				throw ApiException.invalid(stepAt + " must be an object");
			}
			String id = JsonFields.requireText(step, "id", stepAt + ".id", 64);
			String action = JsonFields.requireText(step, "action", stepAt + ".action", 64);
			String nodeName = JsonFields.optionalText(step, "node_name", stepAt + ".node_name", 200);
			JsonNode extra = JsonFields.optionalObject(step, "extra_info", stepAt + ".extra_info");
			result.add(new InstanceRequest.Step(id, action, (nodeName != null) ? nodeName : "[" + id + "] " + action,
					(extra != null) ? this.json.writeValueAsString(extra) : "{}", parseSubSteps(step, stepAt)));
		}
		return List.copyOf(result);
	}

	private List<StepPlan.SubStep> parseSubSteps(JsonNode step, String stepAt) {
		JsonNode subs = JsonFields.requireArray(step, "sub_steps", stepAt + ".sub_steps");
		List<StepPlan.SubStep> result = new ArrayList<>();
		for (int i = 0; i < subs.size(); i++) {
			String subAt = stepAt + ".sub_steps[" + i + "]";
			JsonNode sub = subs.get(i);
			if (sub.isString() && !sub.asString().isBlank() && sub.asString().length() <= 200) {
				result.add(new StepPlan.SubStep(sub.asString(), null));
			}
			else if (sub.isObject()) {
				result.add(new StepPlan.SubStep(JsonFields.requireText(sub, "node_name", subAt + ".node_name", 200),
						JsonFields.optionalText(sub, "step_code", subAt + ".step_code", 64)));
			}
			else {
				throw ApiException.invalid(subAt + " must be a name (1 to 200 characters) or an object with node_name");
			}
		}
		return List.copyOf(result);
	}

	private static void copy(JsonNode from, List<String> keys, ObjectNode to, String path) {
		if (from == null) {
			return;
		}
		for (String key : keys) {
			JsonNode value = JsonFields.field(from, key);
			if (value == null) {
				continue;
			}
			if (NUMERIC_KEYS.contains(key)) {
				to.put(key, JsonFields.asLong(value, path + "." + key));
			}
			else if (value.isValueNode()) {
				to.set(key, value);
			}
			else {
				throw ApiException.invalid(path + "." + key + " must be a string or a number");
			}
		}
	}

	private static Long longOrNull(JsonNode node, String key) {
		JsonNode value = node.get(key);
		return (value != null) ? value.longValue() : null;
	}

	private static String limited(JsonNode node, String key, int max, String at) {
		JsonNode value = node.get(key);
		if (value == null) {
			return null;
		}
		String text = value.asString();
		if (text.length() > max) {
			throw ApiException.invalid(at + ".instance_info " + key + " is longer than " + max + " characters");
		}
		return text;
	}

}
