package io.subwatch.audit;

import java.time.Instant;

/**
 * One audited action.
 *
 * @param action e.g. {@code RETRY}, {@code TERMINATE}, {@code SHARE_LINK_CREATED}
 * @param hostCount how many hosts it touched, or null
 * @param detail free text: the reason, the filter, the link's expiry
 */
public record AuditEntry(long id, Instant occurredAt, String actor, String action, Long subscriptionId, Long taskId,
		Integer hostCount, String detail) {
}
