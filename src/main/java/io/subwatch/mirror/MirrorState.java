package io.subwatch.mirror;

import java.time.Instant;

/**
 * What a source's sync last did.
 *
 * @param source the source's name
 * @param lastAttempt when a sync last ran, or null
 * @param lastSuccess when a sync last completed, or null
 * @param lastError why the last sync failed; null when it completed
 * @param requests requests sent to the source so far
 * @param lagMillis how long the last completed sync took
 */
public record MirrorState(String source, Instant lastAttempt, Instant lastSuccess, String lastError, long requests,
		Long lagMillis) {
}
