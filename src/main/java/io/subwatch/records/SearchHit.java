package io.subwatch.records;

import io.subwatch.subscription.Status;

/** A record that matches a search term, with what the term may have matched and what scope and filter need. */
public record SearchHit(long id, long taskId, boolean latest, Status status, String instanceId, String ip,
		String ipv6, String hostName) {
}
