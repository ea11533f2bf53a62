package io.subwatch.ingest;

import java.time.Instant;
import java.util.List;

/**
 * A task to create, as {@code POST /api/v1/subscriptions/{id}/tasks} takes it (checked by {@link IngestRequests}).
 *
 * @param ready false while instances are still to be added in batches
 * @param instances its instances, empty when none are given yet
 * @param createTime when the executor created it, or null for now
 */
public record TaskRequest(boolean ready, boolean autoTrigger, boolean partial, List<InstanceRequest> instances,
		Instant createTime) {

	/** A task built in batches: not ready, no instances yet. */
	public static TaskRequest building(boolean partial, Instant createTime) {
		return new TaskRequest(false, false, partial, List.of(), createTime);
	}

}
