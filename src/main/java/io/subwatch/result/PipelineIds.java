package io.subwatch.result;

import java.util.HexFormat;

/**
 * Pipeline ids of steps, target hosts and sub-steps, derived from the task's pipeline id and the record's position
 * instead of stored: deterministic (the same on every read), unique per record, and 32 lowercase hex characters like
 * NodeMan's.
 */
final class PipelineIds {

	/** Sub-steps' ids; a step and its target host carry the id of their first sub-step, as in NodeMan. */
	static final int SUB_STEP = 3;

	private static final HexFormat HEX = HexFormat.of();

	private PipelineIds() {
	}

	/** The part of every id that comes from the task: compute once per task, not per id. */
	static long seed(String taskPipelineId) {
		return Long.parseUnsignedLong(taskPipelineId.substring(0, 15), 16)
				^ Long.parseUnsignedLong(taskPipelineId.substring(16, 31), 16);
	}

	static String of(String taskPipelineId, long recordId, int level, int stepIndex, int subIndex) {
		return of(seed(taskPipelineId), recordId, level, stepIndex, subIndex);
	}

	static String of(long seed, long recordId, int level, int stepIndex, int subIndex) {
		long position = recordId * 0x9E3779B97F4A7C15L + ((long) level << 56) + ((long) stepIndex << 40) + subIndex;
		long high = mix(seed ^ position);
		long low = mix(high ^ 0xD6E8FEB86659FD93L ^ position);
		return HEX.toHexDigits(high) + HEX.toHexDigits(low);
	}

	/** SplitMix64's finaliser: a cheap, well-distributed 64-bit mix. */
	private static long mix(long z) {
		z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
		z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
		return z ^ (z >>> 31);
	}

}
