package io.subwatch.result;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;

import io.subwatch.subscription.InstanceRecord;
import io.subwatch.subscription.RecordProgress;
import io.subwatch.subscription.RecordProgress.StepProgress;
import io.subwatch.subscription.Status;
import io.subwatch.subscription.StatusCounts;
import io.subwatch.subscription.StepPlan;
import io.subwatch.subscription.SubStepState;
import tools.jackson.core.JsonGenerator;

/**
 * Writes task_result rows straight to the response stream in the shape of spec section 4 (keys in the seed
 * document's order), so 100,000 rows never sit in memory as JSON.
 */
final class ResultJsonWriter {

	private final JsonGenerator out;

	private final DateTimeFormatter time;

	ResultJsonWriter(JsonGenerator out, ZoneId zone) {
		this.out = out;
		this.time = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(zone);
	}

	void startEnvelope() {
		this.out.writeStartObject();
		this.out.writeBooleanProperty("result", true);
		this.out.writeNumberProperty("code", 0);
		this.out.writeStringProperty("message", "success");
		this.out.writeName("data");
	}

	void endEnvelope() {
		this.out.writeEndObject();
		this.out.flush();
	}

	void startDict(long total) {
		this.out.writeStartObject();
		this.out.writeNumberProperty("total", total);
		this.out.writeName("list");
		this.out.writeStartArray();
	}

	void endDict(StatusCounts counter) {
		this.out.writeEndArray();
		this.out.writeName("status_counter");
		writeCounter(counter);
		this.out.writeEndObject();
	}

	void startList() {
		this.out.writeStartArray();
	}

	void endList() {
		this.out.writeEndArray();
	}

	void writeCounter(StatusCounts counter) {
		this.out.writeStartObject();
		counter.byStatus().forEach((status, count) -> this.out.writeNumberProperty(status.name(), count));
		this.out.writeNumberProperty("total", counter.total());
		this.out.writeEndObject();
	}

	void writeRow(ResultRow row) {
		InstanceRecord record = row.record();
		String created = format(record.createTime());
		this.out.writeStartObject();
		this.out.writeNumberProperty("task_id", record.taskId());
		this.out.writeNumberProperty("record_id", record.id());
		this.out.writeStringProperty("instance_id", record.instanceId());
		this.out.writeStringProperty("create_time", created);
		this.out.writeStringProperty("pipeline_id", row.taskPipelineId());
		// spec section 5: the row starts with its first step and finishes with its last step (null until that ends)
		List<StepProgress> stepProgress = row.progress().steps();
		this.out.writeStringProperty("start_time", format(stepProgress.get(0).startTime()));
		this.out.writeStringProperty("finish_time", format(stepProgress.get(stepProgress.size() - 1).finishTime()));
		this.out.writeName("instance_info");
		this.out.writeRawValue(row.instanceInfo());
		this.out.writeStringProperty("status", record.status().name());
		this.out.writeName("steps");
		this.out.writeStartArray();
		List<StepPlan.Step> steps = row.plan().steps();
		RecordProgress progress = row.progress();
		for (int s = 0; s < steps.size(); s++) {
			writeStep(row, s, steps.get(s), progress.steps().get(s), created);
		}
		this.out.writeEndArray();
		this.out.writeEndObject();
	}

	private void writeStep(ResultRow row, int index, StepPlan.Step step, StepProgress progress, String created) {
		long recordId = row.record().id();
		this.out.writeStartObject();
		this.out.writeStringProperty("id", step.id());
		this.out.writeStringProperty("type", step.type());
		this.out.writeNumberProperty("index", index);
		this.out.writeStringProperty("action", step.action());
		this.out.writeName("extra_info");
		this.out.writeRawValue(step.extraInfo());
		this.out.writeStringProperty("node_name", step.nodeName());
		this.out.writeStringProperty("pipeline_id",
				PipelineIds.of(row.taskPipelineId(), recordId, PipelineIds.STEP, index, 0));
		this.out.writeStringProperty("status", progress.status().name());
		this.out.writeNullProperty("step_code");
		writeTimes(created, progress.startTime(), progress.finishTime());
		this.out.writeName("target_hosts");
		this.out.writeStartArray();
		this.out.writeStartObject();
		this.out.writeStringProperty("node_name", step.nodeName() + " " + hostLabel(row.record()));
		this.out.writeStringProperty("pipeline_id",
				PipelineIds.of(row.taskPipelineId(), recordId, PipelineIds.HOST, index, 0));
		this.out.writeStringProperty("status", progress.status().name());
		writeTimes(created, progress.startTime(), progress.finishTime());
		this.out.writeName("sub_steps");
		this.out.writeStartArray();
		for (int i = 0; i < step.subSteps().size(); i++) {
			writeSubStep(row, index, i, step.subSteps().get(i), progress.subSteps().get(i), created);
		}
		this.out.writeEndArray();
		this.out.writeEndObject();
		this.out.writeEndArray();
		this.out.writeEndObject();
	}

	private void writeSubStep(ResultRow row, int stepIndex, int index, StepPlan.SubStep sub, SubStepState state,
			String created) {
		this.out.writeStartObject();
		this.out.writeNumberProperty("index", index);
		this.out.writeStringProperty("node_name", sub.nodeName());
		this.out.writeStringProperty("step_code", sub.stepCode());
		this.out.writeStringProperty("pipeline_id",
				PipelineIds.of(row.taskPipelineId(), row.record().id(), PipelineIds.SUB_STEP, stepIndex, index));
		Map<Integer, String> logs = row.logs();
		String log = (logs != null) ? logs.get(RecordProgress.key(stepIndex, index)) : null;
		this.out.writeStringProperty("log", (log != null) ? log : "");
		this.out.writeNullProperty("ex_data");
		this.out.writeStringProperty("status", state.status().name());
		writeTimes(created, state.startTime(), state.status() != Status.PENDING ? state.finishTime() : null);
		this.out.writeEndObject();
	}

	private void writeTimes(String created, Instant start, Instant finish) {
		this.out.writeStringProperty("create_time", created);
		this.out.writeStringProperty("start_time", format(start));
		this.out.writeStringProperty("finish_time", format(finish));
	}

	/** {@code <bk_cloud_id>:<bk_host_innerip>} as NodeMan names a target host; the instance's name without an IP. */
	static String hostLabel(InstanceRecord record) {
		String ip = record.innerIp();
		if (ip == null || ip.isEmpty()) {
			ip = record.innerIpV6();
		}
		if (ip == null || ip.isEmpty()) {
			return record.displayName();
		}
		return ((record.bkCloudId() != null) ? record.bkCloudId() : 0) + ":" + ip;
	}

	private String format(Instant instant) {
		return (instant != null) ? this.time.format(instant) : null;
	}

}
