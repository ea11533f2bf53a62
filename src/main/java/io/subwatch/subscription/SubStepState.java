package io.subwatch.subscription;

import java.time.Instant;

/**
 * The stored state of one sub-step of one record. A sub-step without a stored row is {@link #pending pending}.
 */
public record SubStepState(int stepIndex, int subIndex, Status status, Instant startTime, Instant finishTime) {

	public static SubStepState pending(int stepIndex, int subIndex) {
		return new SubStepState(stepIndex, subIndex, Status.PENDING, null, null);
	}

}
