package io.subwatch.subscription;

import java.time.Instant;
import java.util.Comparator;

/**
 * One stored entry of a sub-step's log: the text one event brought, with that event's time and status, stored in one
 * or more chunk rows ({@code firstId} to {@code lastId}).
 *
 * @param time the event's time; null for entries stored before entries had one (they read first)
 * @param status the event's status; null like {@code time}
 */
public record LogEntry(Instant time, Status status, String text, long firstId, long lastId) {

	/**
	 * The order of a sub-step's log: by the events' times, then RUNNING before the terminal statuses (a start and an
	 * end in the same millisecond), then by status name and text, so it never depends on arrival. The first id only
	 * orders entries stored before entries had a time, which read first.
	 */
	public static final Comparator<LogEntry> ORDER = Comparator
		.comparing(LogEntry::time, Comparator.nullsFirst(Comparator.<Instant>naturalOrder()))
		.thenComparingInt((LogEntry e) -> (e.status() != null) ? e.status().rank() : 0)
		.thenComparing((LogEntry e) -> (e.status() != null) ? e.status().name() : "")
		.thenComparing(LogEntry::text)
		.thenComparingLong(LogEntry::firstId);

	/** Whether an event at this time and status would read before this entry. */
	public boolean isAfter(Instant otherTime, Status otherStatus) {
		if (this.time == null) {
			return false;
		}
		int byTime = this.time.compareTo(otherTime);
		if (byTime != 0) {
			return byTime > 0;
		}
		int byRank = Integer.compare(this.status.rank(), otherStatus.rank());
		return (byRank != 0) ? byRank > 0 : this.status.name().compareTo(otherStatus.name()) > 0;
	}

}
