package io.subwatch.web;

import java.time.Instant;
import java.util.List;

import io.subwatch.audit.AuditEntry;
import io.subwatch.security.Access;

/**
 * An audit entry as the subscription page shows it; a share link does not see who acted.
 *
 * @param actor who acted, or null when hidden
 */
public record AuditView(Instant occurredAt, String actor, String action, Long taskId, Integer hostCount,
		String detail) {

	static List<AuditView> of(List<AuditEntry> entries, Access access) {
		return entries.stream()
			.map((entry) -> new AuditView(entry.occurredAt(), access.shared() ? null : entry.actor(), entry.action(),
					entry.taskId(), entry.hostCount(), entry.detail()))
			.toList();
	}

	/** The message key of the action; unknown actions fall back to their code. */
	public String actionKey() {
		return "audit.action." + this.action;
	}

}
