package io.subwatch.security;

import java.io.Serializable;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

import io.subwatch.system.SubwatchProperties;

import org.springframework.stereotype.Component;

/**
 * A time as the login, admin and share-link pages show it: {@code <time datetime="ISO">} with a readable text
 * labelled with its zone (the configured {@code subwatch.time-zone}).
 *
 * @param iso the machine-readable instant, for the {@code datetime} attribute
 * @param text e.g. {@code 2026-11-28 18:00 (Asia/Shanghai)}
 */
record PageTime(String iso, String text) implements Serializable {

	private static final DateTimeFormatter TEXT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

	@Component
	static class Format {

		private final ZoneId zone;

		Format(SubwatchProperties properties) {
			this.zone = properties.timeZone();
		}

		/** The page form of an instant; null stays null. */
		PageTime of(Instant instant) {
			if (instant == null) {
				return null;
			}
			return new PageTime(instant.toString(), TEXT.format(instant.atZone(this.zone)) + " (" + this.zone + ")");
		}

	}

}
