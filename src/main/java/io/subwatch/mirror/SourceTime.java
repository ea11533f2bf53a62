package io.subwatch.mirror;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/**
 * A source's times as the ingest API takes them (ISO-8601 with an offset). NodeMan writes
 * {@code YYYY-MM-DD HH:MM:SS} in its own zone (old versions also with fractions or a {@code T}); an answer that
 * already carries an offset keeps it.
 */
final class SourceTime {

	private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyy-MM-dd[ ]['T']HH:mm:ss[.SSSSSS][.SSS]");

	private SourceTime() {
	}

	/** The ISO text for {@code text} read in {@code zone}, null for null or empty; throws on anything else. */
	static String toIso(String text, ZoneId zone) {
		if (text == null || text.isBlank()) {
			return null;
		}
		String trimmed = text.trim();
		try {
			return OffsetDateTime.parse(trimmed).toString();
		}
		catch (DateTimeParseException notOffset) {
			try {
				return LocalDateTime.parse(trimmed, LOCAL).atZone(zone).toOffsetDateTime().toString();
			}
			catch (DateTimeParseException ex) {
				throw new NodemanException(0, "the source answered a time that is not YYYY-MM-DD HH:MM:SS: " + abbreviate(trimmed));
			}
		}
	}

	/** The instant {@code text} read in {@code zone} names, null for null or empty; throws on anything else. */
	static Instant toInstant(String text, ZoneId zone) {
		String iso = toIso(text, zone);
		return (iso != null) ? OffsetDateTime.parse(iso).toInstant() : null;
	}

	static String abbreviate(String text) {
		return (text.length() > 80) ? text.substring(0, 80) + "…" : text;
	}

}
