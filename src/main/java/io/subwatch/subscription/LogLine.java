package io.subwatch.subscription;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/** A log line in the executors' format: {@code [2026-11-28 10:00:09 ERROR] message}. */
public final class LogLine {

	private static final DateTimeFormatter FORMAT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

	private LogLine() {
	}

	public static String of(Instant time, ZoneId zone, String level, String message) {
		return "[" + FORMAT.withZone(zone).format(time) + " " + level + "] " + message;
	}

}
