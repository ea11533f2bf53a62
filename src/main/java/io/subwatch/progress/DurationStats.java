package io.subwatch.progress;

import java.time.Duration;
import java.util.Arrays;

/**
 * Median, 95th percentile and maximum of some finished durations, by the nearest-rank method (each is one of the
 * measured values, never an interpolation).
 *
 * @param samples how many durations were measured
 */
public record DurationStats(int samples, Duration median, Duration p95, Duration max) {

	static final DurationStats NONE = new DurationStats(0, null, null, null);

	/** The statistics of {@code millis}, which this sorts. */
	static DurationStats of(long[] millis) {
		if (millis.length == 0) {
			return NONE;
		}
		Arrays.sort(millis);
		return new DurationStats(millis.length, Duration.ofMillis(percentile(millis, 50)),
				Duration.ofMillis(percentile(millis, 95)), Duration.ofMillis(millis[millis.length - 1]));
	}

	/** The nearest-rank {@code p}-th percentile of sorted, non-empty {@code sorted}: the value at rank ⌈p·n/100⌉. */
	static long percentile(long[] sorted, int p) {
		if (sorted.length == 0 || p < 1 || p > 100) {
			throw new IllegalArgumentException("percentile " + p + " of " + sorted.length + " values");
		}
		int rank = (int) Math.ceil(p * (double) sorted.length / 100);
		return sorted[Math.max(rank, 1) - 1];
	}

}
