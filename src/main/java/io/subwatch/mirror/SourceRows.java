package io.subwatch.mirror;

import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import io.subwatch.ingest.IngestRequests;
import io.subwatch.ingest.InstanceRequest;
import io.subwatch.ingest.ReportedEvent;
import io.subwatch.subscription.Status;
import io.subwatch.subscription.StepPlan;
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

	/** The instance of a new local record: what the row's instance_info says and its step plan. */
	static InstanceRequest instance(JsonNode row, IngestRequests requests) {
		JsonNode info = row.get("instance_info");
		List<InstanceRequest.Step> steps = new ArrayList<>();
		for (JsonNode step : steps(row)) {
			String id = text(step, "id");
			String action = text(step, "action");
			String nodeName = text(step, "node_name");
			JsonNode extra = step.get("extra_info");
			List<StepPlan.SubStep> subs = new ArrayList<>();
			for (JsonNode sub : subSteps(step)) {
				String subName = text(sub, "node_name");
				subs.add(new StepPlan.SubStep((subName != null && !subName.isBlank()) ? subName : "step",
						text(sub, "step_code")));
			}
			steps.add(new InstanceRequest.Step(id, (action != null) ? action : "UNKNOWN",
					(nodeName != null) ? nodeName : "[" + id + "] " + ((action != null) ? action : "UNKNOWN"),
					(extra != null && extra.isObject()) ? extra.toString() : "{}", List.copyOf(subs)));
		}
		String instanceId = instanceId(row);
		return new InstanceRequest(instanceId,
				requests.info((info != null && info.isObject()) ? info : null, "instance " + instanceId),
				List.copyOf(steps));
	}

	/** The events that bring local record {@code recordId} to where the source row is. */
	static List<ReportedEvent> events(JsonNode row, long recordId, ZoneId zone) {
		List<ReportedEvent> events = new ArrayList<>();
		for (JsonNode step : steps(row)) {
			List<JsonNode> subs = subSteps(step);
			for (int i = 0; i < subs.size(); i++) {
				JsonNode sub = subs.get(i);
				String status = text(sub, "status");
				if (status == null || !REPORTED.contains(status)) {
					continue;
				}
				Instant start = SourceTime.toInstant(text(sub, "start_time"), zone);
				Instant finish = SourceTime.toInstant(text(sub, "finish_time"), zone);
				if (start != null || status.equals("RUNNING")) {
					events.add(new ReportedEvent(recordId, text(step, "id"), i, Status.RUNNING, start, null));
				}
				if (!status.equals("RUNNING")) {
					String log = text(sub, "log");
					events.add(new ReportedEvent(recordId, text(step, "id"), i, Status.valueOf(status),
							(finish != null) ? finish : start, (log != null && !log.isEmpty()) ? log : null));
				}
			}
		}
		return events;
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
