package io.subwatch.mirror;

import java.time.Instant;
import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * What a source's sync last did.
 *
 * @param source the source's name
 * @param lastAttempt when a sync last ran, or null
 * @param lastSuccess when a sync last completed, or null
 * @param lastError why the last sync failed, or, when it completed, one line per source subscription whose data was
 * refused ({@link #refusal}); null when it completed with nothing refused
 * @param requests requests sent to the source so far
 * @param lagMillis how long the last completed sync took
 */
public record MirrorState(String source, Instant lastAttempt, Instant lastSuccess, String lastError, long requests,
		Long lagMillis) {

	private static final String REFUSED = "subscription %d: ";

	/** The line of {@link #lastError} for a source subscription whose data was refused. */
	static String refusal(long sourceSubscriptionId, String why) {
		return REFUSED.formatted(sourceSubscriptionId) + why;
	}

	/** Whether the last sync went through (some subscriptions' data may have been refused): no back-off needed. */
	boolean completed() {
		return this.lastAttempt != null && this.lastAttempt.equals(this.lastSuccess);
	}

	/**
	 * The error that concerns one source subscription: the whole error when the sync did not go through, its refusal
	 * when it did, else null.
	 */
	String errorFor(long sourceSubscriptionId) {
		if (this.lastError == null || !completed()) {
			return this.lastError;
		}
		String prefix = REFUSED.formatted(sourceSubscriptionId);
		String own = Arrays.stream(this.lastError.split("\n"))
			.filter((line) -> line.startsWith(prefix))
			.collect(Collectors.joining("\n"));
		return own.isEmpty() ? null : own;
	}

}
