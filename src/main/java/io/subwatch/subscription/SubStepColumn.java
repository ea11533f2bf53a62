package io.subwatch.subscription;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A record's sub-step states as the one text column {@code instance_record.sub_steps} holds them: one entry per
 * sub-step that left PENDING, in step and sub-step order, separated by {@code ;}, each
 * {@code step.sub:STATUS:start:finish} with the times in epoch milliseconds (empty when unknown), for example
 * {@code 0.0:SUCCESS:1764770000000:1764770004000;0.1:RUNNING:1764770004000:}. A page of 50 records reads 50 rows
 * instead of their 600 sub-step rows, and a batch of events writes each record's row once (issue 14: the floors of
 * the result page, return_all and the events ingest were the sub-step rows).
 */
public final class SubStepColumn {

	/** Longest text the column takes on both databases (MySQL's TEXT, H2's VARCHAR of the same length). */
	static final int MAX_CHARS = 65_535;

	private static final Comparator<SubStepState> ORDER = Comparator.comparingInt(SubStepState::stepIndex)
		.thenComparingInt(SubStepState::subIndex);

	private SubStepColumn() {
	}

	/** The column's text for these states, or null when there is none (every sub-step pending). */
	public static String encode(Collection<SubStepState> states) {
		if (states.isEmpty()) {
			return null;
		}
		List<SubStepState> sorted = new ArrayList<>(states);
		sorted.sort(ORDER);
		StringBuilder text = new StringBuilder(sorted.size() * 48);
		for (SubStepState state : sorted) {
			if (text.length() > 0) {
				text.append(';');
			}
			text.append(state.stepIndex()).append('.').append(state.subIndex()).append(':').append(state.status().name())
				.append(':');
			appendTime(text, state.startTime());
			text.append(':');
			appendTime(text, state.finishTime());
		}
		if (text.length() > MAX_CHARS) {
			throw new IllegalStateException("sub-step states of one record take " + text.length()
					+ " characters, more than the column holds (" + MAX_CHARS + ")");
		}
		return text.toString();
	}

	private static void appendTime(StringBuilder text, Instant time) {
		if (time != null) {
			text.append(time.toEpochMilli());
		}
	}

	/** The states the text holds, keyed by {@link RecordProgress#key}; empty for null. */
	public static Map<Integer, SubStepState> decode(String text) {
		if (text == null || text.isEmpty()) {
			return new HashMap<>();
		}
		Map<Integer, SubStepState> states = new HashMap<>();
		int at = 0;
		while (at < text.length()) {
			int end = text.indexOf(';', at);
			if (end < 0) {
				end = text.length();
			}
			int dot = text.indexOf('.', at);
			int colon1 = text.indexOf(':', dot);
			int colon2 = text.indexOf(':', colon1 + 1);
			int colon3 = text.indexOf(':', colon2 + 1);
			int step = Integer.parseInt(text, at, dot, 10);
			int sub = Integer.parseInt(text, dot + 1, colon1, 10);
			Status status = Status.ofName(text, colon1 + 1, colon2);
			states.put(RecordProgress.key(step, sub), new SubStepState(step, sub, status,
					time(text, colon2 + 1, colon3), time(text, colon3 + 1, end)));
			at = end + 1;
		}
		return states;
	}

	private static Instant time(String text, int from, int to) {
		return (from < to) ? Instant.ofEpochMilli(Long.parseLong(text, from, to, 10)) : null;
	}

	/** Since when the record has been running: the earliest start of its running sub-steps, null when none runs. */
	public static Instant runningSince(Collection<SubStepState> states) {
		Instant since = null;
		for (SubStepState state : states) {
			if (state.status() == Status.RUNNING && state.startTime() != null
					&& (since == null || state.startTime().isBefore(since))) {
				since = state.startTime();
			}
		}
		return (since != null) ? since.truncatedTo(ChronoUnit.MILLIS) : null;
	}

}
