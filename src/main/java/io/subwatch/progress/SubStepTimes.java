package io.subwatch.progress;

import java.time.Duration;

/**
 * One sub-step's finished durations in the task, and when a run of it counts as stuck.
 *
 * @param stuckAfter the p95 when there are enough samples, else the configured default
 * @param measured whether {@code stuckAfter} is this task's p95 (else the setting)
 */
public record SubStepTimes(int stepIndex, int subIndex, String step, String subStep, DurationStats stats,
		Duration stuckAfter, boolean measured) {
}
