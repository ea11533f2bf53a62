package io.subwatch.ingest;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;

import io.subwatch.system.ApiException;
import io.subwatch.system.JsonFields;

/**
 * A time an executor reports: ISO-8601 with an offset, no earlier than 1970 and no later than a day from now (a
 * clock that far ahead is a bug, and such values would not survive the database).
 */
final class ReportedTime {

	static final Instant EARLIEST = Instant.parse("1970-01-01T00:00:00Z");

	static final Duration LATEST_AHEAD = Duration.ofDays(1);

	private ReportedTime() {
	}

	static Instant parse(String text, String path, Instant now) {
		Instant time;
		try {
			time = OffsetDateTime.parse(text).toInstant();
		}
		catch (DateTimeParseException ex) {
			throw ApiException.invalid(path + " must be ISO-8601 with an offset, e.g. 2026-11-28T10:00:01+08:00, got "
					+ JsonFields.abbreviate(text));
		}
		if (time.isBefore(EARLIEST) || time.isAfter(now.plus(LATEST_AHEAD))) {
			throw ApiException.invalid(path + " must lie between 1970-01-01 and one day from now, got "
					+ JsonFields.abbreviate(text));
		}
		return time;
	}

}
