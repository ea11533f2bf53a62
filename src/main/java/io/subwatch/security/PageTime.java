package io.subwatch.security;

import java.io.Serializable;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

import io.subwatch.system.ReaderZone;

import org.springframework.stereotype.Component;

/**
 * A time as the login, admin and share-link pages show it: {@code <time datetime="ISO">} with a readable text
 * labelled with its zone (the reader's choice of browser, UTC or server zone: {@link ReaderZone}).
 *
 * @param iso the machine-readable instant, for the {@code datetime} attribute
 * @param text e.g. {@code 2026-11-28 18:00 (Asia/Shanghai)}
 */
public record PageTime(String iso, String text) implements Serializable {

	private static final DateTimeFormatter TEXT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

	@Component
	public static class Format {

		private final ReaderZone zones;

		Format(ReaderZone zones) {
			this.zones = zones;
		}

		/** The page form of an instant, in the reader's zone; null stays null. */
		public PageTime of(Instant instant) {
			if (instant == null) {
				return null;
			}
			ZoneId zone = this.zones.zone();
			return new PageTime(instant.toString(), TEXT.format(instant.atZone(zone)) + " (" + zone.getId() + ")");
		}

	}

}
