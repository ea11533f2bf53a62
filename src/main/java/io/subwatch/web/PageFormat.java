package io.subwatch.web;

import java.text.NumberFormat;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import io.subwatch.subscription.Status;
import io.subwatch.subscription.StatusCounts;
import io.subwatch.system.ReaderZone;
import io.subwatch.system.VisibleText;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * How the pages write times, durations and numbers (templates call it as {@code @fmt}): ISO-like local times in the
 * reader's zone (browser, UTC or server: {@link ReaderZone}), with the zone named; durations in words of the reader's language.
 */
@Component("fmt")
class PageFormat {

	private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

	/** A status's name in the reader's language is {@code status.<STATUS>}, as the status widget reads it. */
	private static final String STATUS_KEY = "status.";

	private final ReaderZone zones;

	private final Clock clock;

	private final MessageSource messages;

	PageFormat(ReaderZone zones, Clock clock, MessageSource messages) {
		this.zones = zones;
		this.clock = clock;
		this.messages = messages;
	}

	/**
	 * Text from users and API callers (names, reasons) with the characters that reorder or hide text written out as
	 * {@code <U+202E>} ({@link VisibleText}).
	 */
	public String visible(String text) {
		return VisibleText.escape(text);
	}

	/** {@code 2026-11-28 10:00:09} in the reader's zone. */
	public String time(Instant instant) {
		return (instant != null) ? TIME.withZone(this.zones.zone()).format(instant) : "";
	}

	/** The exact instant, for {@code <time datetime>}. */
	public String iso(Instant instant) {
		return (instant != null) ? instant.toString() : "";
	}

	/** The zone label for headings and titles: {@code UTC+08:00}. */
	public String zone() {
		String offset = this.zones.zone().getRules().getOffset(this.clock.instant()).getId();
		return "UTC" + ("Z".equals(offset) ? "" : offset);
	}

	/** The zone times are shown in: the reader's choice ({@link ReaderZone}). */
	ZoneId currentZone() {
		return this.zones.zone();
	}

	/** The zone's name: {@code Asia/Shanghai}. */
	public String zoneId() {
		return this.zones.zone().getId();
	}

	/** The server's zone ({@code subwatch.time-zone}), named on the zone switch. */
	public String serverZoneId() {
		return this.zones.serverZone().getId();
	}

	/** How the zone was chosen, for the footer's sentence and the zone switch. */
	public ReaderZone.Choice zoneChoice() {
		return this.zones.choice();
	}

	/** From start to finish, or to now while unfinished; empty when it has not started. */
	public String duration(Instant start, Instant finish) {
		Duration elapsed = elapsed(start, finish);
		return (elapsed != null) ? words(elapsed) : "";
	}

	/** The same as an ISO-8601 duration, for {@code <time datetime>}. */
	public String isoDuration(Instant start, Instant finish) {
		Duration elapsed = elapsed(start, finish);
		return (elapsed != null) ? elapsed.withNanos(0).toString() : "";
	}

	/**
	 * A result-table row's status, place and times as text, in the reader's language and zone, the way the status,
	 * time and duration widgets write them.
	 */
	RowCells cells(Status status, CurrentStep step, Instant start, Instant finish) {
		String zone = zone();
		return new RowCells(css(status), icon(status), statusName(status),
				(step.name() != null) ? message(step.messageKey(), step.name()) : null, shown(start, zone),
				shown(finish, zone), (start != null)
						? new RowCells.Shown(isoDuration(start, finish), duration(start, finish), null) : null);
	}

	/** An instant as a {@code <time>} shows it ({@code zone}: {@link #zone()}, looked up once by the caller). */
	RowCells.Shown shown(Instant instant, String zone) {
		if (instant == null) {
			return null;
		}
		String text = time(instant);
		return new RowCells.Shown(iso(instant), text, text + " " + zone);
	}

	/** A status's name in the reader's language, as the status widget writes it. */
	String statusName(Status status) {
		return message(STATUS_KEY + status.name());
	}

	/** The status's icon: shape and glyph differ per status, so colour is never the only cue. */
	public String icon(Status status) {
		return switch (status) {
			case SUCCESS -> "✓";
			case FAILED -> "✕";
			case RUNNING -> "◔";
			case PENDING -> "○";
			case TERMINATED -> "■";
			case PART_FAILED -> "◑";
			default -> "–";
		};
	}

	/** The CSS class of a status: {@code status-failed}. */
	public String css(Status status) {
		return "status-" + status.name().toLowerCase(Locale.ROOT).replace('_', '-');
	}

	/** A segment of a status bar: its status and count, and its place on a 0–1000 scale. */
	public record Segment(Status status, int count, String x, String width) {
	}

	/** The status bar's segments, in the order of the status table. */
	public List<Segment> segments(StatusCounts counts) {
		List<Segment> segments = new ArrayList<>();
		if (counts.total() == 0) {
			return segments;
		}
		double x = 0;
		for (Status status : Status.RECORD_STATUSES) {
			int count = counts.count(status);
			if (count > 0) {
				double width = count * 1000.0 / counts.total();
				segments.add(new Segment(status, count, String.format(Locale.ROOT, "%.1f", x),
						String.format(Locale.ROOT, "%.1f", width)));
				x += width;
			}
		}
		return segments;
	}

	public String number(long value) {
		return NumberFormat.getIntegerInstance(LocaleContextHolder.getLocale()).format(value);
	}

	private Duration elapsed(Instant start, Instant finish) {
		if (start == null) {
			return null;
		}
		Instant end = (finish != null) ? finish : this.clock.instant();
		return end.isBefore(start) ? Duration.ZERO : Duration.between(start, end);
	}

	/** The two largest units: "2 h 5 min", "3 min 20 s", "45 s", "<1 s". */
	String words(Duration duration) {
		long seconds = duration.toSeconds();
		if (seconds < 1) {
			return message("duration.lessThanSecond");
		}
		long[] values = { seconds / 86400, seconds / 3600 % 24, seconds / 60 % 60, seconds % 60 };
		String[] keys = { "duration.d", "duration.h", "duration.min", "duration.s" };
		int first = 0;
		while (values[first] == 0) {
			first++;
		}
		List<String> parts = new ArrayList<>(2);
		parts.add(message(keys[first], values[first]));
		if (first + 1 < values.length && values[first + 1] > 0) {
			parts.add(message(keys[first + 1], values[first + 1]));
		}
		return String.join(message("duration.separator"), parts);
	}

	private String message(String key, Object... args) {
		return this.messages.getMessage(key, args, LocaleContextHolder.getLocale());
	}

}
