package io.subwatch.security;

import java.time.Instant;

/**
 * One share link (its token is not kept, only its hash).
 *
 * @param instanceId the one instance it shows, or null for the whole subscription
 */
record ShareLink(long id, long subscriptionId, String instanceId, String createdBy, Instant createdAt,
		Instant expiresAt, Instant revokedAt, String revokedBy) {

	boolean validAt(Instant now) {
		return this.revokedAt == null && now.isBefore(this.expiresAt);
	}

	boolean expiredAt(Instant now) {
		return this.revokedAt == null && !now.isBefore(this.expiresAt);
	}

}
