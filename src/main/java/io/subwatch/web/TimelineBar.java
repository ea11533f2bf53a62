package io.subwatch.web;

import java.time.Instant;
import java.util.Locale;

/**
 * A bar of the small Gantt chart: where a step or sub-step starts and how long it runs, on a 0–1000 scale spanning
 * the record's whole time. Drawn as an SVG rectangle, so no inline style is needed.
 */
public record TimelineBar(String x, String width) {

	/** The bar of {@code start}–{@code finish} (now while running) within {@code from}–{@code to}, or null. */
	static TimelineBar of(Instant start, Instant finish, Instant from, Instant to, Instant now) {
		if (start == null || from == null || to == null) {
			return null;
		}
		long span = Math.max(1, to.toEpochMilli() - from.toEpochMilli());
		Instant end = (finish != null) ? finish : now;
		double x = Math.max(0, Math.min(1000, (start.toEpochMilli() - from.toEpochMilli()) * 1000.0 / span));
		double width = Math.max(4, Math.min(1000 - x, (end.toEpochMilli() - start.toEpochMilli()) * 1000.0 / span));
		return new TimelineBar(format(Math.min(x, 996)), format(width));
	}

	private static String format(double value) {
		return String.format(Locale.ROOT, "%.1f", value);
	}

}
