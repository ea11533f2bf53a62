package io.subwatch.subscription;

import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Execution status of a sub-step, step, record or task summary (the seed document's status table). */
public enum Status {

	PENDING, RUNNING, FAILED, SUCCESS, PART_FAILED, TERMINATED, REMOVED, FILTERED, IGNORED;

	/** The statuses a record, step or sub-step can have; the others are task-level or never produced. */
	public static final List<Status> RECORD_STATUSES = List.of(PENDING, RUNNING, SUCCESS, FAILED, TERMINATED);

	/** What an executor may report for a sub-step. */
	public static final Set<Status> REPORTABLE = EnumSet.of(RUNNING, SUCCESS, FAILED, TERMINATED);

	private static final Status[] ALL = values();

	/**
	 * The status named by {@code text[from, to)}, without a String made of it: the sub-step states of every record
	 * read go through this (1.2 million for a return_all of 100,000 hosts, where {@code valueOf} of a substring was
	 * 9 % of the samples).
	 */
	public static Status ofName(String text, int from, int to) {
		int length = to - from;
		for (Status status : ALL) {
			String name = status.name();
			if (name.length() == length && text.startsWith(name, from)) {
				return status;
			}
		}
		throw new IllegalArgumentException("no status named " + text.substring(from, to));
	}

	public boolean isTerminal() {
		return this == SUCCESS || this == FAILED || this == TERMINATED;
	}

	public boolean isActive() {
		return this == PENDING || this == RUNNING;
	}

	/** Position on the forward-only path PENDING → RUNNING → terminal; a sub-step never moves to a lower rank. */
	public int rank() {
		return switch (this) {
			case PENDING -> 0;
			case RUNNING -> 1;
			default -> 2;
		};
	}

	/** Whether a sub-step in this status may move to {@code next} (spec section 5). */
	public boolean canMoveTo(Status next) {
		return next.rank() > rank();
	}

	/**
	 * The status of a parent from its children: any FAILED → FAILED; else any TERMINATED → TERMINATED; else any RUNNING
	 * → RUNNING; all SUCCESS → SUCCESS; else PENDING.
	 */
	public static Status derive(Collection<Status> children) {
		boolean allSuccess = !children.isEmpty();
		boolean terminated = false;
		boolean running = false;
		for (Status child : children) {
			if (child == FAILED) {
				return FAILED;
			}
			terminated |= child == TERMINATED;
			running |= child == RUNNING;
			allSuccess &= child == SUCCESS;
		}
		if (terminated) {
			return TERMINATED;
		}
		if (running) {
			return RUNNING;
		}
		return allSuccess ? SUCCESS : PENDING;
	}

	public static Optional<Status> parse(String value) {
		for (Status status : ALL) {
			if (status.name().equals(value)) {
				return Optional.of(status);
			}
		}
		return Optional.empty();
	}

}
