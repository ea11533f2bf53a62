package io.subwatch.result;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.zone.ZoneRules;

/**
 * Formats instants as {@code YYYY-MM-DD HH:MM:SS} in the configured zone, about ten times faster than a
 * {@code DateTimeFormatter}: a 100,000-row answer formats 1.5 million times. The zone's offset is looked up per
 * instant (daylight saving is honoured), and the civil date comes from Howard Hinnant's days-from-civil inverse.
 */
final class ApiTimeFormat {

	/** A formatted instant's length in chars. */
	static final int LENGTH = 19;

	private final ZoneRules rules;

	private final ZoneOffset fixed;

	ApiTimeFormat(ZoneId zone) {
		this.rules = zone.getRules();
		this.fixed = this.rules.isFixedOffset() ? this.rules.getOffset(Instant.EPOCH) : null;
	}

	String format(Instant instant) {
		if (instant == null) {
			return null;
		}
		char[] text = new char[LENGTH];
		format(instant, text);
		return new String(text);
	}

	/** Writes the instant into the first {@link #LENGTH} chars of {@code text}, so a writer need not build a String. */
	void format(Instant instant, char[] text) {
		ZoneOffset offset = (this.fixed != null) ? this.fixed : this.rules.getOffset(instant);
		long local = instant.getEpochSecond() + offset.getTotalSeconds();
		long days = Math.floorDiv(local, 86_400);
		int seconds = (int) Math.floorMod(local, 86_400);
		long z = days + 719_468;
		long era = Math.floorDiv(z, 146_097);
		long doe = z - era * 146_097;
		long yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
		long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
		long mp = (5 * doy + 2) / 153;
		int day = (int) (doy - (153 * mp + 2) / 5 + 1);
		int month = (int) ((mp < 10) ? mp + 3 : mp - 9);
		long year = yoe + era * 400 + ((month <= 2) ? 1 : 0);
		put(text, 0, (int) year, 4);
		text[4] = '-';
		put(text, 5, month, 2);
		text[7] = '-';
		put(text, 8, day, 2);
		text[10] = ' ';
		put(text, 11, seconds / 3600, 2);
		text[13] = ':';
		put(text, 14, seconds / 60 % 60, 2);
		text[16] = ':';
		put(text, 17, seconds % 60, 2);
	}

	private static void put(char[] text, int at, int value, int digits) {
		for (int i = at + digits - 1; i >= at; i--) {
			text[i] = (char) ('0' + value % 10);
			value /= 10;
		}
	}

}
