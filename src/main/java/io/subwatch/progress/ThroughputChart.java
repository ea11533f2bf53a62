package io.subwatch.progress;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Hosts finished per minute over the task's run, as at most {@link #BUCKETS} equal time buckets from the task's
 * creation to now (or its last finish), drawn as SVG bars in a {@value #WIDTH}×{@value #HEIGHT} view box.
 *
 * @param width each bucket's length (a whole number of minutes)
 * @param peak the highest rate, hosts per minute
 */
public record ThroughputChart(Duration width, List<Bar> bars, double peak) {

	static final int BUCKETS = 60;

	static final int WIDTH = 600;

	static final int HEIGHT = 120;

	/** One bucket: its start, rate and geometry (x, y, width, height as SVG numbers). */
	public record Bar(Instant from, long hosts, double perMinute, String x, String y, String w, String h) {
	}

	/** The bucket length that covers {@code span} in at most {@link #BUCKETS} whole minutes. */
	static Duration bucketWidth(Duration span) {
		long minutes = Math.max(1, (span.toSeconds() + BUCKETS * 60L - 1) / (BUCKETS * 60L));
		return Duration.ofMinutes(minutes);
	}

	/** How many buckets of {@code width} the chart draws from {@code origin} to {@code end}. */
	static int bucketCount(Instant origin, Instant end, Duration width) {
		return (int) Math.min(BUCKETS + 1, Math.max(1, Duration.between(origin, end).toSeconds() / width.toSeconds() + 1));
	}

	/** The chart of {@code buckets} (index from {@code origin}), every bucket up to {@code end} drawn. */
	static ThroughputChart of(Instant origin, Instant end, Duration width, List<ProgressDao.Bucket> buckets) {
		int count = bucketCount(origin, end, width);
		long[] hosts = new long[count];
		for (ProgressDao.Bucket bucket : buckets) {
			if (bucket.index() >= 0 && bucket.index() < count) {
				hosts[bucket.index()] += bucket.hosts();
			}
		}
		double minutes = width.toSeconds() / 60.0;
		double peak = 0;
		for (long h : hosts) {
			peak = Math.max(peak, h / minutes);
		}
		double slot = WIDTH / (double) count;
		List<Bar> bars = new ArrayList<>(count);
		for (int i = 0; i < count; i++) {
			double rate = hosts[i] / minutes;
			double height = (peak > 0) ? rate / peak * HEIGHT : 0;
			bars.add(new Bar(origin.plus(width.multipliedBy(i)), hosts[i], rate, number(i * slot),
					number(HEIGHT - height), number(Math.max(slot - 1, 0.5)), number(height)));
		}
		return new ThroughputChart(width, List.copyOf(bars), peak);
	}

	private static String number(double value) {
		return String.format(Locale.ROOT, "%.1f", value);
	}

	public long widthMinutes() {
		return this.width.toMinutes();
	}

	public String viewBox() {
		return "0 0 " + WIDTH + " " + HEIGHT;
	}

	/** The rate of the last bucket, for the text alternative. */
	public double lastPerMinute() {
		return this.bars.isEmpty() ? 0 : this.bars.get(this.bars.size() - 1).perMinute();
	}

}
