package io.subwatch.mirror;

import java.time.Duration;

/**
 * How long a failing source is left alone: the poll interval doubled per failure in a row (the first failure waits
 * one interval, as usual), at most {@link #MAX}, so a source that is down is not hammered and one that is back is
 * read again within minutes.
 */
final class Backoff {

	static final Duration MAX = Duration.ofMinutes(5);

	private Backoff() {
	}

	/** The wait before the next sync after {@code failures} failed syncs in a row (0 after a good one). */
	static Duration delay(Duration pollInterval, int failures) {
		if (failures <= 1) {
			return pollInterval;
		}
		Duration delay = pollInterval.multipliedBy(1L << Math.min(failures - 1, 20));
		return (delay.compareTo(MAX) > 0) ? (pollInterval.compareTo(MAX) > 0 ? pollInterval : MAX) : delay;
	}

}
