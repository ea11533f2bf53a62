package io.subwatch.subscription;

import java.time.Instant;

/**
 * One run of a subscription over a set of instances. Creation may be asynchronous: {@code ready} says it is done.
 * {@code partial} marks a run of a subset (retry, retry_node, an executor's rerun): it leaves the scope as it was.
 */
public record Task(long id, long subscriptionId, boolean ready, String errMsg, boolean autoTrigger,
		String pipelineId, String createdBy, Instant createdAt, int instanceCount, boolean partial) {

	public boolean failed() {
		return this.errMsg != null;
	}

}
