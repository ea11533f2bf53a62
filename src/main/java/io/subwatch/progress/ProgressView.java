package io.subwatch.progress;

import java.time.Instant;
import java.util.List;

/**
 * What the progress panels show of one task.
 *
 * @param done hosts in a final status (succeeded, failed or terminated)
 * @param percent {@code done} of {@code total}, rounded down (100 only when all are done)
 * @param chart hosts finished per minute over time, or null while none finished
 * @param subSteps each sub-step's durations, in plan order
 * @param sampled how many of the most recently finished hosts the durations come from
 */
public record ProgressView(long taskId, int total, int done, int percent, Eta eta, ThroughputChart chart,
		List<SubStepTimes> subSteps, int sampled, Stragglers stragglers) {

	/** Zero, to format a duration with the page's "from … to" formatter. */
	public Instant epoch() {
		return Instant.EPOCH;
	}

}
