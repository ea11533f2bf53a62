package io.subwatch.progress;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * When the remaining hosts will have finished at the recent pace: hosts finished in the last {@link #WINDOW} per
 * minute, the remaining ones divided by it. Unknown (null) while nothing finished in the window.
 *
 * @param perMinute hosts finished per minute over the window
 * @param remaining hosts not finished yet (waiting or running)
 * @param left time until they are done at that pace, or null when unknown or nothing remains
 * @param at when that is, or null
 */
public record Eta(double perMinute, long remaining, Duration left, Instant at) {

	/** How far back "recent" reaches. */
	static final Duration WINDOW = Duration.ofMinutes(10);

	static Eta of(long finishedInWindow, long remaining, Clock clock) {
		double perMinute = finishedInWindow / (double) WINDOW.toMinutes();
		if (remaining <= 0 || finishedInWindow <= 0) {
			return new Eta(perMinute, Math.max(remaining, 0), null, null);
		}
		Duration left = Duration.ofSeconds((long) Math.ceil(remaining * WINDOW.toSeconds() / (double) finishedInWindow));
		return new Eta(perMinute, remaining, left, clock.instant().plus(left));
	}

	public boolean known() {
		return this.at != null;
	}

}
