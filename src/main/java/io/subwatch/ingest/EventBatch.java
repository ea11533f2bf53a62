package io.subwatch.ingest;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import io.subwatch.subscription.Status;

/**
 * A batch of events for {@link EventService}: those of the right form, and the errors of those that were not (by
 * their position in the request).
 */
public record EventBatch(List<Event> events, List<EventError> errors) {

	/**
	 * A batch built in process, numbered by position: the form rules the JSON parser applies hold here too, with its
	 * messages, so a mirrored source's odd time or overlong log is reported like an executor's.
	 */
	public static EventBatch of(List<ReportedEvent> events, Instant now) {
		List<Event> valid = new ArrayList<>(events.size());
		List<EventError> errors = new ArrayList<>();
		for (int i = 0; i < events.size(); i++) {
			ReportedEvent event = events.get(i);
			String error = formError(event, "events[" + i + "]", now);
			if (error != null) {
				errors.add(new EventError(i, error));
				continue;
			}
			String log = (event.log() == null || event.log().isEmpty()) ? null : event.log();
			valid.add(new Event(i, event.recordId(), event.stepId(), event.subStep(), event.status(),
					(event.time() != null) ? event.time() : now, log));
		}
		return new EventBatch(valid, errors);
	}

	private static String formError(ReportedEvent event, String at, Instant now) {
		if (event.stepId() == null || event.stepId().isBlank()) {
			return at + ".step_id is required";
		}
		if (event.stepId().length() > 64) {
			return at + ".step_id is longer than 64 characters";
		}
		if (event.subStep() < 0 || event.subStep() > 10_000) {
			return at + ".sub_step must be a 0-based index, got " + event.subStep();
		}
		if (event.status() == null || !Status.REPORTABLE.contains(event.status())) {
			return at + ".status must be one of RUNNING, SUCCESS, FAILED, TERMINATED, got " + event.status();
		}
		if (event.time() != null && (event.time().isBefore(ReportedTime.EARLIEST)
				|| event.time().isAfter(now.plus(ReportedTime.LATEST_AHEAD)))) {
			return at + ".time must lie between 1970-01-01 and one day from now, got " + event.time();
		}
		if (event.log() != null && event.log().length() > EventParser.MAX_LOG) {
			return at + ".log is longer than " + EventParser.MAX_LOG + " characters";
		}
		return null;
	}

}
