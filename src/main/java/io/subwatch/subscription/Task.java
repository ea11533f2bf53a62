package io.subwatch.subscription;

import java.time.Instant;

/** One run of a subscription over a set of instances. Creation may be asynchronous: {@code ready} says it is done. */
public record Task(long id, long subscriptionId, boolean ready, String errMsg, boolean autoTrigger,
		String pipelineId, String createdBy, Instant createdAt, int instanceCount) {

	public boolean failed() {
		return this.errMsg != null;
	}

}
