package io.subwatch.bench;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/** Timings of one measurement: median, p95, max over its runs, in milliseconds. */
final class Stats {

	private final List<Double> millis = new ArrayList<>();

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
	 * Unmeasured calls before {@code runs} measured ones over HTTP: the app's JIT needs well over a thousand requests
	 * on 2 cores before a path is compiled, and "warm" is what the targets mean.
	 */
	static int warmup(int runs) {
		return 5 * runs;
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
