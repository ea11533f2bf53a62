package io.subwatch.mirror;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import tools.jackson.databind.JsonNode;

/**
 * Turns a source's task_result rows (with need_detail) into what the ingest API takes: the instance of a new record
 * (its instance_info and step plan) and the sub-step transitions that bring a local record where the source's is.
 * Missing optional keys are tolerated: a step without {@code target_hosts} is one sub-step named after the step.
 */
final class SourceRows {

	private static final Set<String> REPORTED = Set.of("RUNNING", "SUCCESS", "FAILED", "TERMINATED");

	private SourceRows() {
	}

	static long recordId(JsonNode row) {
		return requireLong(row, "record_id");
	}

	static long taskId(JsonNode row) {
		return requireLong(row, "task_id");
	}

	static String instanceId(JsonNode row) {
		return text(row, "instance_id");
	}

	static String status(JsonNode row) {
		String status = text(row, "status");
		return (status != null) ? status : "PENDING";
	}

	/** The instance for {@code POST /api/v1/tasks/{id}/instances}. */
	static Map<String, Object> instance(JsonNode row) {
		Map<String, Object> instance = new LinkedHashMap<>();
		instance.put("instance_id", instanceId(row));
		JsonNode info = row.get("instance_info");
		if (info != null && info.isObject()) {
			instance.put("instance_info", info);
		}
		List<Map<String, Object>> steps = new ArrayList<>();
		for (JsonNode step : steps(row)) {
			Map<String, Object> plan = new LinkedHashMap<>();
			plan.put("id", text(step, "id"));
			String action = text(step, "action");
			plan.put("action", (action != null) ? action : "UNKNOWN");
			plan.put("node_name", text(step, "node_name"));
			JsonNode extra = step.get("extra_info");
			if (extra != null && extra.isObject()) {
				plan.put("extra_info", extra);
			}
			List<Map<String, Object>> subs = new ArrayList<>();
			for (JsonNode sub : subSteps(step)) {
				Map<String, Object> name = new LinkedHashMap<>();
				String nodeName = text(sub, "node_name");
				name.put("node_name", (nodeName != null && !nodeName.isBlank()) ? nodeName : "step");
				name.put("step_code", text(sub, "step_code"));
				subs.add(name);
			}
			plan.put("sub_steps", subs);
			steps.add(plan);
		}
		instance.put("steps", steps);
		return instance;
	}

	/** The events that bring local record {@code recordId} to where the source row is. */
	static List<Map<String, Object>> events(JsonNode row, long recordId, ZoneId zone) {
		List<Map<String, Object>> events = new ArrayList<>();
		for (JsonNode step : steps(row)) {
			List<JsonNode> subs = subSteps(step);
			for (int i = 0; i < subs.size(); i++) {
				JsonNode sub = subs.get(i);
				String status = text(sub, "status");
				if (status == null || !REPORTED.contains(status)) {
					continue;
				}
				String start = SourceTime.toIso(text(sub, "start_time"), zone);
				String finish = SourceTime.toIso(text(sub, "finish_time"), zone);
				if (start != null || status.equals("RUNNING")) {
					events.add(event(recordId, text(step, "id"), i, "RUNNING", start, null));
				}
				if (!status.equals("RUNNING")) {
					String log = text(sub, "log");
					events.add(event(recordId, text(step, "id"), i, status, (finish != null) ? finish : start,
							(log != null && !log.isEmpty()) ? log : null));
				}
			}
		}
		return events;
	}

	private static Map<String, Object> event(long recordId, String stepId, int subStep, String status, String time,
			String log) {
		Map<String, Object> event = new LinkedHashMap<>();
		event.put("record_id", recordId);
		event.put("step_id", stepId);
		event.put("sub_step", subStep);
		event.put("status", status);
		if (time != null) {
			event.put("time", time);
		}
		if (log != null) {
			event.put("log", log);
		}
		return event;
	}

	private static List<JsonNode> steps(JsonNode row) {
		JsonNode steps = row.get("steps");
		List<JsonNode> result = new ArrayList<>();
		if (steps != null && steps.isArray()) {
			steps.forEach(result::add);
		}
		if (result.isEmpty()) {
			throw new NodemanException(0, "record " + row.get("record_id") + " of the source has no steps");
		}
		return result;
	}

	/** The sub-steps of a step's (only) target host; a step without them stands for one sub-step of its own. */
	private static List<JsonNode> subSteps(JsonNode step) {
		JsonNode hosts = step.get("target_hosts");
		List<JsonNode> result = new ArrayList<>();
		if (hosts != null && hosts.isArray() && !hosts.isEmpty()) {
			JsonNode subs = hosts.get(0).get("sub_steps");
			if (subs != null && subs.isArray()) {
				subs.forEach(result::add);
			}
		}
		if (result.isEmpty()) {
			result.add(step);
		}
		return result;
	}

	static String text(JsonNode node, String field) {
		JsonNode value = node.get(field);
		return (value == null || value.isNull()) ? null : value.asString();
	}

	private static long requireLong(JsonNode row, String field) {
		JsonNode value = row.get(field);
		if (value == null || !(value.isNumber() || value.isString())) {
			throw new NodemanException(0, "a task_result row of the source has no " + field);
		}
		try {
			return value.isNumber() ? value.asLong() : Long.parseLong(value.asString().trim());
		}
		catch (NumberFormatException ex) {
			throw new NodemanException(0, "a task_result row of the source has a " + field + " that is not a number");
		}
	}

}
