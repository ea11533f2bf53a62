package io.subwatch.ingest;

import java.time.Instant;

import io.subwatch.subscription.Status;

/**
 * An event as an in-process executor (simulator, mirror, demo loader) reports it; {@link EventBatch#of} numbers a list
 * of them as a request's positions would be.
 *
 * @param time when it happened, or null for now
 * @param log text to append to the sub-step's log, or null
 */
public record ReportedEvent(long recordId, String stepId, int subStep, Status status, Instant time, String log) {
}
