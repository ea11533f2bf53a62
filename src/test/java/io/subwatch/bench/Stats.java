package io.subwatch.bench;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/** Timings of one measurement: median, p95, max over its runs, in milliseconds. */
final class Stats {

	private final List<Double> millis = new ArrayList<>();

	private int warmupCalls;

	void add(long nanos) {
		this.millis.add(nanos / 1_000_000.0);
	}

	int runs() {
		return this.millis.size();
	}

	double median() {
		return percentile(50);
	}

	double p95() {
		return percentile(95);
	}

	double max() {
		return this.millis.isEmpty() ? Double.NaN : Collections.max(this.millis);
	}

	private double percentile(int p) {
		if (this.millis.isEmpty()) {
			return Double.NaN;
		}
		List<Double> sorted = new ArrayList<>(this.millis);
		Collections.sort(sorted);
		int index = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
		return sorted.get(Math.max(0, Math.min(sorted.size() - 1, index)));
	}

	static String ms(double value) {
		if (Double.isNaN(value)) {
			return "–";
		}
		return (value < 10) ? String.format(Locale.ROOT, "%.2f", value) : String.format(Locale.ROOT, "%.1f", value);
	}

	@FunctionalInterface
	interface Action {

		void run() throws Exception;

	}

	/**
	 * Unmeasured calls before {@code runs} measured ones, at the least: on 2 cores the JIT settles a request path in
	 * steps with plateaus between them (task_result page 1: about 5 ms from the 700th call to the 1,500th, 3 ms after
	 * the 2,500th), so no test of flatness can tell a plateau from the end before those calls; "warm" is what the
	 * targets mean.
	 */
	static int warmup(int runs) {
		return 15 * runs;
	}

	/** A block of warm-up calls counts as flat when its median is at most this much below the best block before it. */
	static final double STEADY_GAIN = 0.05;

	/** How many flat blocks in a row make a path steady: one could be a block slowed by a collection. */
	static final int STEADY_BLOCKS = 2;

	/** The most unmeasured calls {@link #steady} makes, per measured one. */
	static final int MAX_WARMUP_PER_RUN = 30;

	/**
	 * Measures {@code runs} calls once the path is steady: {@link #warmup} calls first, then blocks of {@code runs}
	 * calls, unmeasured, until {@link #STEADY_BLOCKS} blocks in a row have a median no more than {@link #STEADY_GAIN}
	 * below the best block before them (at most {@link #MAX_WARMUP_PER_RUN} calls per measured one). A fixed count alone was
	 * not enough on a box slower than the one it was chosen on.
	 */
	static Stats steady(int runs, Action action) throws Exception {
		int warm = warmup(runs);
		for (int i = 0; i < warm; i++) {
			action.run();
		}
		Settling settling = new Settling();
		boolean steady = false;
		while (!steady && warm < MAX_WARMUP_PER_RUN * runs) {
			steady = settling.steadyAfter(measure(0, runs, action).median());
			warm += runs;
		}
		Stats stats = measure(0, runs, action);
		stats.warmupCalls = warm;
		return stats;
	}

	/** Whether a path has settled, from the medians of its warm-up blocks in order. */
	static final class Settling {

		private double best = Double.MAX_VALUE;

		private int flat;

		/** Takes the next block's median; true once {@link #STEADY_BLOCKS} blocks in a row have been flat. */
		boolean steadyAfter(double median) {
			this.flat = (median >= this.best * (1 - STEADY_GAIN)) ? this.flat + 1 : 0;
			this.best = Math.min(this.best, median);
			return this.flat >= STEADY_BLOCKS;
		}

	}

	/** How many unmeasured calls ran before the measured ones, where {@link #steady} measured them; 0 otherwise. */
	int warmupCalls() {
		return this.warmupCalls;
	}

	/** Runs {@code warmup} times unmeasured, then {@code runs} times measured. */
	static Stats measure(int warmup, int runs, Action action) throws Exception {
		for (int i = 0; i < warmup; i++) {
			action.run();
		}
		Stats stats = new Stats();
		for (int i = 0; i < runs; i++) {
			long start = System.nanoTime();
			action.run();
			stats.add(System.nanoTime() - start);
		}
		return stats;
	}

}
