package io.subwatch.result;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.HashMap;
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
import tools.jackson.core.SerializableString;
import tools.jackson.core.io.SerializedString;

/**
 * Writes task_result rows straight to the response stream in the shape of spec section 4 (keys in the seed
 * document's order), so 100,000 rows never sit in memory as JSON. Property names, statuses and a plan's names are
 * encoded once ({@link SerializedString}, {@link PlanStrings}) rather than for every row, and the values built per row
 * are written as chars without a String each ({@link RowChars}).
 */
final class ResultJsonWriter {

	private static final SerializedString TASK_ID = name("task_id");

	private static final SerializedString RECORD_ID = name("record_id");

	private static final SerializedString INSTANCE_ID = name("instance_id");

	private static final SerializedString CREATE_TIME = name("create_time");

	private static final SerializedString PIPELINE_ID = name("pipeline_id");

	private static final SerializedString START_TIME = name("start_time");

	private static final SerializedString FINISH_TIME = name("finish_time");

	private static final SerializedString INSTANCE_INFO = name("instance_info");

	private static final SerializedString STATUS = name("status");

	private static final SerializedString STEPS = name("steps");

	private static final SerializedString ID = name("id");

	private static final SerializedString TYPE = name("type");

	private static final SerializedString INDEX = name("index");

	private static final SerializedString ACTION = name("action");

	private static final SerializedString EXTRA_INFO = name("extra_info");

	private static final SerializedString NODE_NAME = name("node_name");

	private static final SerializedString STEP_CODE = name("step_code");

	private static final SerializedString TARGET_HOSTS = name("target_hosts");

	private static final SerializedString SUB_STEPS = name("sub_steps");

	private static final SerializedString LOG = name("log");

	private static final SerializedString EX_DATA = name("ex_data");

	private final JsonGenerator out;

	private final RowChars chars;

	private final Map<Long, PlanStrings> plans = new HashMap<>();

	/** What the API reports for each stored status, by the stored status's ordinal. */
	private final SerializedString[] reported;

	/** Rows written so far (by the writer thread of a long answer; read after it finished). */
	private long rows;

	/** @param statuses how stored statuses are reported (TERMINATED as FAILED by default) */
	ResultJsonWriter(JsonGenerator out, ZoneId zone, ApiStatuses statuses) {
		this.out = out;
		this.chars = new RowChars(out, new ApiTimeFormat(zone));
		this.reported = Arrays.stream(Status.values())
			.map((stored) -> new SerializedString(statuses.report(stored).name()))
			.toArray(SerializedString[]::new);
	}

	private SerializedString status(Status stored) {
		return this.reported[stored.ordinal()];
	}

	private static SerializedString name(String name) {
		return new SerializedString(name);
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

	/** How many rows {@link #writeRow} wrote. */
	long rows() {
		return this.rows;
	}

	void writeRow(ResultRow row) {
		this.rows++;
		write(row, true);
	}

	/**
	 * instance_status's {@code last_task} with show_task_detail: the row without its instance (task_id becomes
	 * {@code id}; instance_id and instance_info are left out), as NodeMan builds it.
	 */
	void writeLastTask(ResultRow row) {
		write(row, false);
	}

	/** @param withInstance a task_result row rather than a last_task */
	private void write(ResultRow row, boolean withInstance) {
		InstanceRecord record = row.record();
		PlanStrings strings = this.plans.computeIfAbsent(row.plan().id(), (id) -> PlanStrings.of(row.plan()));
		this.chars.startRow(record, row.taskPipelineId());
		this.out.writeStartObject();
		this.out.writeName(withInstance ? TASK_ID : ID);
		this.out.writeNumber(record.taskId());
		this.out.writeName(RECORD_ID);
		this.out.writeNumber(record.id());
		if (withInstance) {
			this.out.writeName(INSTANCE_ID);
			this.out.writeString(record.instanceId());
		}
		this.out.writeName(CREATE_TIME);
		this.chars.writeCreated();
		this.out.writeName(PIPELINE_ID);
		this.out.writeString(row.taskPipelineId());
		// spec section 5: the row starts with its first step and finishes with its last step (null until that ends)
		List<StepProgress> steps = row.progress().steps();
		writeTime(START_TIME, steps.get(0).startTime());
		writeTime(FINISH_TIME, steps.get(steps.size() - 1).finishTime());
		if (withInstance) {
			this.out.writeName(INSTANCE_INFO);
			this.out.writeRawValue(row.instanceInfo());
		}
		this.out.writeName(STATUS);
		this.out.writeString(status(record.status()));
		this.out.writeName(STEPS);
		this.out.writeStartArray();
		List<StepPlan.Step> planSteps = row.plan().steps();
		for (int s = 0; s < planSteps.size(); s++) {
			writeStep(row, strings, s, planSteps.get(s), steps.get(s));
		}
		this.out.writeEndArray();
		this.out.writeEndObject();
	}

	private void writeStep(ResultRow row, PlanStrings strings, int index, StepPlan.Step step, StepProgress progress) {
		SerializedString status = status(progress.status());
		this.chars.startStep(index);
		this.out.writeStartObject();
		this.out.writeName(ID);
		this.out.writeString(strings.stepIds()[index]);
		this.out.writeName(TYPE);
		this.out.writeString(strings.types()[index]);
		this.out.writeName(INDEX);
		this.out.writeNumber(index);
		this.out.writeName(ACTION);
		this.out.writeString(strings.actions()[index]);
		this.out.writeName(EXTRA_INFO);
		this.out.writeRawValue(step.extraInfo());
		this.out.writeName(NODE_NAME);
		this.out.writeString(strings.nodeNames()[index]);
		this.out.writeName(PIPELINE_ID);
		this.chars.writeStepPipelineId();
		this.out.writeName(STATUS);
		this.out.writeString(status);
		this.out.writeName(STEP_CODE);
		this.out.writeNull();
		writeTimes(progress.startTime(), progress.finishTime());
		this.out.writeName(TARGET_HOSTS);
		this.out.writeStartArray();
		this.out.writeStartObject();
		this.out.writeName(NODE_NAME);
		this.chars.writeHostName(strings.hostPrefixes()[index]);
		this.out.writeName(PIPELINE_ID);
		this.chars.writeStepPipelineId();
		this.out.writeName(STATUS);
		this.out.writeString(status);
		writeTimes(progress.startTime(), progress.finishTime());
		this.out.writeName(SUB_STEPS);
		this.out.writeStartArray();
		for (int i = 0; i < step.subSteps().size(); i++) {
			writeSubStep(row, strings, index, i, step.subSteps().get(i), progress.subSteps().get(i));
		}
		this.out.writeEndArray();
		this.out.writeEndObject();
		this.out.writeEndArray();
		this.out.writeEndObject();
	}

	private void writeSubStep(ResultRow row, PlanStrings strings, int stepIndex, int index, StepPlan.SubStep sub,
			SubStepState state) {
		this.out.writeStartObject();
		this.out.writeName(INDEX);
		this.out.writeNumber(index);
		this.out.writeName(NODE_NAME);
		this.out.writeString(strings.subNames()[stepIndex][index]);
		this.out.writeName(STEP_CODE);
		this.out.writeString(sub.stepCode());
		this.out.writeName(PIPELINE_ID);
		this.chars.writeSubStepPipelineId(index);
		Map<Integer, String> logs = row.logs();
		String log = (logs != null) ? logs.get(RecordProgress.key(stepIndex, index)) : null;
		this.out.writeName(LOG);
		this.out.writeString((log != null) ? log : "");
		this.out.writeName(EX_DATA);
		this.out.writeNull();
		this.out.writeName(STATUS);
		this.out.writeString(status(state.status()));
		writeTimes(state.startTime(), (state.status() != Status.PENDING) ? state.finishTime() : null);
		this.out.writeEndObject();
	}

	private void writeTimes(Instant start, Instant finish) {
		this.out.writeName(CREATE_TIME);
		this.chars.writeCreated();
		writeTime(START_TIME, start);
		writeTime(FINISH_TIME, finish);
	}

	private void writeTime(SerializableString name, Instant instant) {
		this.out.writeName(name);
		this.chars.writeTime(instant);
	}

}
