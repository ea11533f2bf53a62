package io.subwatch.ingest;

import java.time.Instant;

import io.subwatch.subscription.Status;

/**
 * One reported sub-step transition, checked for form (not yet against the stored records).
 *
 * @param index position in the request, for error messages (unique within a batch)
 * @param recordId the record it reports on
 * @param stepId the step id within the record's plan
 * @param subStep 0-based sub-step index within the step
 * @param status RUNNING, SUCCESS, FAILED or TERMINATED
 * @param time when it happened
 * @param log text to append to the sub-step's log, or null
 */
public record Event(int index, long recordId, String stepId, int subStep, Status status, Instant time, String log) {
}
