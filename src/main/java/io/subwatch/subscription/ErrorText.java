package io.subwatch.subscription;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The error a failed record failed with: the line of its failing sub-step's log that says why, and that line with
 * everything that differs from host to host masked (times, IPs, ids, paths, hex, numbers), so hosts that failed the
 * same way share one key.
 */
public final class ErrorText {

	/** Longest error line kept (the column's size). */
	public static final int MAX_LINE = 500;

	/** The key of a failure without any log line. */
	public static final String EMPTY_KEY = key("");

	private static final Pattern SAYS_WHY = Pattern
		.compile("error|fail|exception|denied|refused|timeout|timed out|not found|invalid|错误|失败|异常|超时");

	/** Masks applied in order: each later one sees the placeholders of the earlier ones, never their text. */
	private static final List<Mask> MASKS = List.of(
			// 2026-12-02 12:53:15, 2026-12-02T12:53:15.123Z, 2026/12/02 12:53:15+08:00
			new Mask("\\d{4}[-/]\\d{1,2}[-/]\\d{1,2}(?:[T ]\\d{1,2}:\\d{2}(?::\\d{2}(?:[.,]\\d+)?)?)?(?:Z|[+-]\\d{2}:?\\d{2})?",
					"<time>"),
			new Mask("\\b\\d{1,2}:\\d{2}:\\d{2}(?:[.,]\\d+)?\\b", "<time>"),
			new Mask("\\b[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}\\b", "<id>"),
			new Mask("\\b(?:\\d{1,3}\\.){3}\\d{1,3}(?::\\d{1,5})?\\b", "<ip>"),
			new Mask("(?<![\\w:])[0-9a-fA-F]{0,4}(?::[0-9a-fA-F]{0,4}){2,7}(?![\\w:])", "<ip>"),
			// /usr/local/gse/agent/bin/gsectl, ./setup.sh, C:\gse\plugins\bin
			new Mask("(?:[A-Za-z]:\\\\|\\.{0,2}/)[^\\s'\":,;()\\[\\]]*", "<path>"),
			new Mask("\\b0[xX][0-9a-fA-F]+\\b", "<hex>"),
			new Mask("\\b(?=[0-9a-fA-F]*\\d)(?=[0-9a-fA-F]*[a-fA-F])[0-9a-fA-F]{8,}\\b", "<hex>"),
			// task-8f3k2m9q1x, req_20261202abc: letters and digits mixed, long enough to be an identifier
			new Mask("\\b(?=[\\w-]*\\d)(?=[\\w-]*[A-Za-z])[A-Za-z0-9][\\w-]{7,}\\b", "<id>"),
			new Mask("\\d+(?:\\.\\d+)*", "<n>"));

	private static final Pattern SPACES = Pattern.compile("\\s+");

	private record Mask(Pattern pattern, String placeholder) {

		Mask(String regex, String placeholder) {
			this(Pattern.compile(regex), placeholder);
		}

	}

	private ErrorText() {
	}

	/**
	 * The line of a log that says why it failed: the last one naming an error, else the last non-blank one, else "";
	 * trimmed to {@link #MAX_LINE} characters.
	 */
	public static String line(String log) {
		if (log == null) {
			return "";
		}
		String last = "";
		String why = null;
		for (String line : log.split("\\R")) {
			String text = line.strip();
			if (text.isEmpty()) {
				continue;
			}
			last = text;
			if (SAYS_WHY.matcher(text.toLowerCase(Locale.ROOT)).find()) {
				why = text;
			}
		}
		String chosen = (why != null) ? why : last;
		return (chosen.length() > MAX_LINE) ? chosen.substring(0, MAX_LINE) : chosen;
	}

	/** The line with what differs between hosts masked, and runs of white space as one space. */
	public static String normalise(String line) {
		String text = (line != null) ? line.strip() : "";
		for (Mask mask : MASKS) {
			text = mask.pattern().matcher(text).replaceAll(mask.placeholder());
		}
		return SPACES.matcher(text).replaceAll(" ");
	}

	/** A short stable key of a normalised line: the first 16 hex digits of its SHA-256. */
	public static String key(String normalised) {
		try {
			byte[] hash = MessageDigest.getInstance("SHA-256").digest(normalised.getBytes(StandardCharsets.UTF_8));
			return HexFormat.of().formatHex(hash, 0, 8);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("SHA-256 is always available", ex);
		}
	}

	/** Whether a text is a key {@link #key} can produce (a link's filter is checked with it). */
	public static boolean isKey(String text) {
		return text != null && text.length() == 16 && text.chars().allMatch((c) -> (c >= '0' && c <= '9')
				|| (c >= 'a' && c <= 'f'));
	}

}
