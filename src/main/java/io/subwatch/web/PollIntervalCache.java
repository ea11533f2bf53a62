package io.subwatch.web;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.subwatch.system.SubwatchProperties;

/**
 * A cache of what a poll shows, whose entries live one poll interval (at least a second) on the application's clock:
 * what it serves is never older than a poll, and a test, not the machine's speed, decides when an entry is old.
 */
final class PollIntervalCache {

	private PollIntervalCache() {
	}

	static <V> Cache<String, V> build(SubwatchProperties properties, Clock clock, int maximumSize) {
		Duration interval = properties.ui().pollInterval();
		return Caffeine.newBuilder()
			.ticker(() -> nanos(clock.instant()))
			.maximumSize(maximumSize)
			.expireAfterWrite(interval.compareTo(Duration.ofSeconds(1)) < 0 ? Duration.ofSeconds(1) : interval)
			.build();
	}

	private static long nanos(Instant instant) {
		return instant.getEpochSecond() * 1_000_000_000L + instant.getNano();
	}

}
