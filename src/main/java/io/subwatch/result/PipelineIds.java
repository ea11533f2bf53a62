package io.subwatch.result;

/**
 * Pipeline ids of steps, target hosts and sub-steps, derived from the task's pipeline id and the record's position
 * instead of stored: deterministic (the same on every read), unique per record, and 32 lowercase hex characters like
 * NodeMan's.
 */
final class PipelineIds {

	/** Sub-steps' ids; a step and its target host carry the id of their first sub-step, as in NodeMan. */
	static final int SUB_STEP = 3;

	/** An id's length in chars. */
	static final int LENGTH = 32;

	private static final char[] HEX = "0123456789abcdef".toCharArray();

	private PipelineIds() {
	}

	/** The part of every id that comes from the task: compute once per task, not per id. */
	static long seed(String taskPipelineId) {
		return Long.parseUnsignedLong(taskPipelineId.substring(0, 15), 16)
				^ Long.parseUnsignedLong(taskPipelineId.substring(16, 31), 16);
	}

	static String of(String taskPipelineId, long recordId, int level, int stepIndex, int subIndex) {
		char[] id = new char[LENGTH];
		write(seed(taskPipelineId), recordId, level, stepIndex, subIndex, id);
		return new String(id);
	}

	/** Writes the id into the first {@link #LENGTH} chars of {@code into}, so a writer need not build a String. */
	static void write(long seed, long recordId, int level, int stepIndex, int subIndex, char[] into) {
		long position = recordId * 0x9E3779B97F4A7C15L + ((long) level << 56) + ((long) stepIndex << 40) + subIndex;
		long high = mix(seed ^ position);
		long low = mix(high ^ 0xD6E8FEB86659FD93L ^ position);
		hex(high, into, 0);
		hex(low, into, 16);
	}

	/** Sixteen lowercase hex digits, most significant first, as {@code HexFormat.toHexDigits(long)} writes them. */
	private static void hex(long value, char[] into, int at) {
		for (int i = at + 15; i >= at; i--) {
			into[i] = HEX[(int) value & 0xF];
			value >>>= 4;
		}
	}

	/** SplitMix64's finaliser: a cheap, well-distributed 64-bit mix. */
	private static long mix(long z) {
		z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
		z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
		return z ^ (z >>> 31);
	}

}
