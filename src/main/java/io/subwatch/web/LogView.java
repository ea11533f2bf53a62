package io.subwatch.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A sub-step's log as numbered lines with their level ({@code [2026-11-28 10:00:09 ERROR] …}); long logs show their
 * tail, and say so.
 *
 * @param lines the lines shown
 * @param total how many lines the log has
 */
public record LogView(List<Line> lines, int total) {

	/** The most lines a page shows; the download has them all. */
	static final int MAX_LINES = 2000;

	/** {@code [<time> LEVEL]} at the start of a line: the level is the last word inside the brackets. */
	private static final Pattern LEVEL = Pattern.compile(
			"^\\[(?:[^\\]]*\\s)?(DEBUG|INFO|WARN|WARNING|ERROR|CRITICAL|FATAL)\\]", Pattern.CASE_INSENSITIVE);

	/**
	 * @param number 1-based, the anchor {@code #L<number>}
	 * @param level lower-case level for the CSS class ({@code error}, {@code warning}, {@code info} …), or
	 * {@code plain}
	 */
	public record Line(int number, String text, String level) {

		public String anchor() {
			return "L" + this.number;
		}

	}

	static LogView of(String text) {
		if (text == null || text.isEmpty()) {
			return new LogView(List.of(), 0);
		}
		String[] all = text.split("\r?\n", -1);
		int count = (all.length > 0 && all[all.length - 1].isEmpty()) ? all.length - 1 : all.length;
		int from = Math.max(0, count - MAX_LINES);
		List<Line> lines = new ArrayList<>(count - from);
		String level = "plain";
		for (int i = 0; i < from; i++) {
			level = level(all[i], level);
		}
		for (int i = from; i < count; i++) {
			level = level(all[i], level);
			lines.add(new Line(i + 1, all[i], level));
		}
		return new LogView(lines, count);
	}

	/** A line's level; a line without the prefix continues the level of the line before (a stack trace). */
	private static String level(String line, String previous) {
		Matcher matcher = LEVEL.matcher(line);
		if (!matcher.find()) {
			return previous;
		}
		String level = matcher.group(1).toLowerCase(Locale.ROOT);
		return switch (level) {
			case "warn" -> "warning";
			case "fatal", "critical" -> "error";
			default -> level;
		};
	}

	/**
	 * The line that says what went wrong: the last line at error level, else the last non-blank line; null for an
	 * empty log.
	 */
	static String lastErrorLine(String text) {
		if (text == null || text.isBlank()) {
			return null;
		}
		String level = "plain";
		String lastError = null;
		String last = null;
		for (String line : text.split("\r?\n")) {
			level = level(line, level);
			if (!line.isBlank()) {
				last = line;
				if ("error".equals(level) && LEVEL.matcher(line).find()) {
					lastError = line;
				}
			}
		}
		return (lastError != null) ? lastError : last;
	}

	public boolean truncated() {
		return this.lines.size() < this.total;
	}

	public boolean isEmpty() {
		return this.total == 0;
	}

}
