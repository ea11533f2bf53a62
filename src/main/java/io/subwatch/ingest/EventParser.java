package io.subwatch.ingest;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import io.subwatch.subscription.Status;
import io.subwatch.system.ApiException;
import io.subwatch.system.JsonFields;
import tools.jackson.databind.JsonNode;

/** Checks the form of each event of a batch; a bad event becomes an error entry, the others go on. */
final class EventParser {

	static final int MAX_EVENTS = 5000;

	static final int MAX_LOG = 65_536;

	private EventParser() {
	}

	static EventBatch parse(JsonNode body, Instant now) {
		JsonNode events = JsonFields.requireArray(body, "events", "events");
		if (events.size() > MAX_EVENTS) {
			throw ApiException.invalid("events: at most " + MAX_EVENTS + " per request, got " + events.size());
		}
		List<Event> valid = new ArrayList<>(events.size());
		List<EventError> errors = new ArrayList<>();
		for (int i = 0; i < events.size(); i++) {
			try {
				valid.add(parseOne(events.get(i), i, now));
			}
			catch (ApiException ex) {
				errors.add(new EventError(i, ex.getMessage()));
			}
		}
		return new EventBatch(valid, errors);
	}

	private static Event parseOne(JsonNode node, int i, Instant now) {
		String at = "events[" + i + "]";
		if (!node.isObject()) {
			throw ApiException.invalid(at + " must be an object");
		}
		long recordId = JsonFields.requireLong(node, "record_id", at + ".record_id");
		String stepId = JsonFields.requireText(node, "step_id", at + ".step_id", 64);
		long subStep = JsonFields.requireLong(node, "sub_step", at + ".sub_step");
		if (subStep < 0 || subStep > 10_000) {
			throw ApiException.invalid(at + ".sub_step must be a 0-based index, got " + subStep);
		}
		String statusText = JsonFields.requireText(node, "status", at + ".status", 32);
		Status status = Status.parse(statusText)
			.filter(Status.REPORTABLE::contains)
			.orElseThrow(() -> ApiException.invalid(
					at + ".status must be one of RUNNING, SUCCESS, FAILED, TERMINATED, got " + statusText));
		String timeText = JsonFields.optionalText(node, "time", at + ".time", 64);
		Instant time = (timeText != null) ? ReportedTime.parse(timeText, at + ".time", now) : now;
		String log = JsonFields.optionalText(node, "log", at + ".log", MAX_LOG);
		return new Event(i, recordId, stepId, (int) subStep, status, time, (log == null || log.isEmpty()) ? null : log);
	}

}
