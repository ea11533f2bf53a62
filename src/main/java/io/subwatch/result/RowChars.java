package io.subwatch.result;

import java.time.Instant;
import java.util.Arrays;

import io.subwatch.subscription.InstanceRecord;
import tools.jackson.core.JsonGenerator;

/**
 * The values of a task_result row that are built rather than stored (times, pipeline ids, target-host names), written
 * to the generator as chars from buffers reused for the whole answer: a 50-row page writes thousands of them, and a
 * String each was a measurable part of the request (issue 14, M1). One per {@link ResultJsonWriter}, so one thread.
 */
final class RowChars {

	private final JsonGenerator out;

	private final ApiTimeFormat time;

	/** The row's create_time, which each of its steps, target hosts and sub-steps repeats. */
	private final char[] created = new char[ApiTimeFormat.LENGTH];

	/** False when the row has no create_time (written as null). */
	private boolean hasCreated;

	/** The current step's pipeline id, which its target host repeats. */
	private final char[] stepPipelineId = new char[PipelineIds.LENGTH];

	/** Times and sub-step pipeline ids, and target-host names (grown when a name is longer). */
	private char[] scratch = new char[128];

	/** The row's host as its target hosts name it (see {@link #startRow}). */
	private char[] host = new char[64];

	private int hostLength;

	private String taskPipelineId;

	private long seed;

	private long recordId;

	private int stepIndex;

	RowChars(JsonGenerator out, ApiTimeFormat time) {
		this.out = out;
		this.time = time;
	}

	/**
	 * Prepares what the row's values share. Its target hosts are named {@code <bk_cloud_id>:<bk_host_innerip>} as in
	 * NodeMan (spec section 4): an IPv6-only host's IPv4 is empty, so its name ends in {@code "<cloud>:"}; an instance
	 * without any IP goes by its display name.
	 */
	void startRow(InstanceRecord record, String taskPipelineId) {
		if (!taskPipelineId.equals(this.taskPipelineId)) {
			this.taskPipelineId = taskPipelineId;
			this.seed = PipelineIds.seed(taskPipelineId);
		}
		this.recordId = record.id();
		this.hasCreated = record.createTime() != null;
		if (this.hasCreated) {
			this.time.format(record.createTime(), this.created);
		}
		String ip = (record.innerIp() != null) ? record.innerIp() : "";
		this.hostLength = 0;
		if (ip.isEmpty() && (record.innerIpV6() == null || record.innerIpV6().isEmpty())) {
			appendToHost(record.displayName());
		}
		else {
			appendToHost(Long.toString((record.bkCloudId() != null) ? record.bkCloudId() : 0));
			appendToHost(":");
			appendToHost(ip);
		}
	}

	/** The pipeline id of step {@code index}, its target host and its first sub-step (NodeMan's task_tools). */
	void startStep(int index) {
		this.stepIndex = index;
		PipelineIds.write(this.seed, this.recordId, PipelineIds.SUB_STEP, index, 0, this.stepPipelineId);
	}

	void writeCreated() {
		if (this.hasCreated) {
			this.out.writeString(this.created, 0, this.created.length);
		}
		else {
			this.out.writeNull();
		}
	}

	void writeTime(Instant instant) {
		if (instant != null) {
			this.time.format(instant, this.scratch);
			this.out.writeString(this.scratch, 0, ApiTimeFormat.LENGTH);
		}
		else {
			this.out.writeNull();
		}
	}

	void writeStepPipelineId() {
		this.out.writeString(this.stepPipelineId, 0, this.stepPipelineId.length);
	}

	void writeSubStepPipelineId(int subIndex) {
		PipelineIds.write(this.seed, this.recordId, PipelineIds.SUB_STEP, this.stepIndex, subIndex, this.scratch);
		this.out.writeString(this.scratch, 0, PipelineIds.LENGTH);
	}

	/** The target host's node name: the step's node name and a space ({@code stepPrefix}), then the host. */
	void writeHostName(char[] stepPrefix) {
		int length = stepPrefix.length + this.hostLength;
		if (length > this.scratch.length) {
			this.scratch = new char[Math.max(length, 2 * this.scratch.length)];
		}
		System.arraycopy(stepPrefix, 0, this.scratch, 0, stepPrefix.length);
		System.arraycopy(this.host, 0, this.scratch, stepPrefix.length, this.hostLength);
		this.out.writeString(this.scratch, 0, length);
	}

	private void appendToHost(String text) {
		int length = this.hostLength + text.length();
		if (length > this.host.length) {
			this.host = Arrays.copyOf(this.host, Math.max(length, 2 * this.host.length));
		}
		text.getChars(0, text.length(), this.host, this.hostLength);
		this.hostLength = length;
	}

}
