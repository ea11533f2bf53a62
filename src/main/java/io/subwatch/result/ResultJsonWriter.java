package io.subwatch.result;

import java.time.Instant;
import java.time.ZoneId;
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
 * encoded once ({@link SerializedString}) rather than for every row.
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

	private static final Map<Status, SerializedString> STATUSES = new HashMap<>();

	static {
		for (Status status : Status.values()) {
			STATUSES.put(status, new SerializedString(status.name()));
		}
	}

	private final JsonGenerator out;

	private final ApiTimeFormat time;

	private final Map<Long, PlanStrings> plans = new HashMap<>();

	private final ApiStatuses statuses;

	/** Rows written so far (by the writer thread of a long answer; read after it finished). */
	private long rows;

	/** @param statuses how stored statuses are reported (TERMINATED as FAILED by default) */
	ResultJsonWriter(JsonGenerator out, ZoneId zone, ApiStatuses statuses) {
		this.out = out;
		this.time = new ApiTimeFormat(zone);
		this.statuses = statuses;
	}

	private SerializedString status(Status stored) {
		return STATUSES.get(this.statuses.report(stored));
	}

	private static SerializedString name(String name) {
		return new SerializedString(name);
	}

	/** A plan's strings, encoded once per answer. */
	private record PlanStrings(SerializedString[] stepIds, SerializedString[] types, SerializedString[] actions,
			SerializedString[] nodeNames, SerializedString[][] subNames) {

		static PlanStrings of(StepPlan plan) {
			int n = plan.steps().size();
			SerializedString[] ids = new SerializedString[n];
			SerializedString[] types = new SerializedString[n];
			SerializedString[] actions = new SerializedString[n];
			SerializedString[] names = new SerializedString[n];
			SerializedString[][] subs = new SerializedString[n][];
			for (int s = 0; s < n; s++) {
				StepPlan.Step step = plan.steps().get(s);
				ids[s] = new SerializedString(step.id());
				types[s] = new SerializedString(step.type());
				actions[s] = new SerializedString(step.action());
				names[s] = new SerializedString(step.nodeName());
				subs[s] = step.subSteps().stream().map((sub) -> new SerializedString(sub.nodeName()))
					.toArray(SerializedString[]::new);
			}
			return new PlanStrings(ids, types, actions, names, subs);
		}

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
		InstanceRecord record = row.record();
		PlanStrings strings = this.plans.computeIfAbsent(row.plan().id(), (id) -> PlanStrings.of(row.plan()));
		long seed = PipelineIds.seed(row.taskPipelineId());
		String created = this.time.format(record.createTime());
		this.out.writeStartObject();
		this.out.writeName(TASK_ID);
		this.out.writeNumber(record.taskId());
		this.out.writeName(RECORD_ID);
		this.out.writeNumber(record.id());
		this.out.writeName(INSTANCE_ID);
		this.out.writeString(record.instanceId());
		this.out.writeName(CREATE_TIME);
		this.out.writeString(created);
		this.out.writeName(PIPELINE_ID);
		this.out.writeString(row.taskPipelineId());
		// spec section 5: the row starts with its first step and finishes with its last step (null until that ends)
		List<StepProgress> steps = row.progress().steps();
		writeTime(START_TIME, steps.get(0).startTime());
		writeTime(FINISH_TIME, steps.get(steps.size() - 1).finishTime());
		this.out.writeName(INSTANCE_INFO);
		this.out.writeRawValue(row.instanceInfo());
		this.out.writeName(STATUS);
		this.out.writeString(status(record.status()));
		this.out.writeName(STEPS);
		this.out.writeStartArray();
		List<StepPlan.Step> planSteps = row.plan().steps();
		RecordProgress progress = row.progress();
		for (int s = 0; s < planSteps.size(); s++) {
			writeStep(row, seed, strings, s, planSteps.get(s), progress.steps().get(s), created);
		}
		this.out.writeEndArray();
		this.out.writeEndObject();
	}

	/**
	 * instance_status's {@code last_task} with show_task_detail: the row without its instance (task_id becomes
	 * {@code id}; instance_id and instance_info are left out), as NodeMan builds it.
	 */
	void writeLastTask(ResultRow row) {
		InstanceRecord record = row.record();
		PlanStrings strings = this.plans.computeIfAbsent(row.plan().id(), (id) -> PlanStrings.of(row.plan()));
		long seed = PipelineIds.seed(row.taskPipelineId());
		String created = this.time.format(record.createTime());
		List<StepProgress> steps = row.progress().steps();
		this.out.writeStartObject();
		this.out.writeName(ID);
		this.out.writeNumber(record.taskId());
		this.out.writeName(RECORD_ID);
		this.out.writeNumber(record.id());
		this.out.writeName(CREATE_TIME);
		this.out.writeString(created);
		this.out.writeName(PIPELINE_ID);
		this.out.writeString(row.taskPipelineId());
		writeTime(START_TIME, steps.get(0).startTime());
		writeTime(FINISH_TIME, steps.get(steps.size() - 1).finishTime());
		this.out.writeName(STATUS);
		this.out.writeString(status(record.status()));
		this.out.writeName(STEPS);
		this.out.writeStartArray();
		for (int s = 0; s < row.plan().steps().size(); s++) {
			writeStep(row, seed, strings, s, row.plan().steps().get(s), steps.get(s), created);
		}
		this.out.writeEndArray();
		this.out.writeEndObject();
	}

	private void writeStep(ResultRow row, long seed, PlanStrings strings, int index, StepPlan.Step step,
			StepProgress progress, String created) {
		long recordId = row.record().id();
		SerializedString status = status(progress.status());
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
		// NodeMan's task_tools: the step, its target host and its first sub-step share one pipeline id
		String pipelineId = PipelineIds.of(seed, recordId, PipelineIds.SUB_STEP, index, 0);
		this.out.writeName(PIPELINE_ID);
		this.out.writeString(pipelineId);
		this.out.writeName(STATUS);
		this.out.writeString(status);
		this.out.writeName(STEP_CODE);
		this.out.writeNull();
		writeTimes(created, progress.startTime(), progress.finishTime());
		this.out.writeName(TARGET_HOSTS);
		this.out.writeStartArray();
		this.out.writeStartObject();
		this.out.writeName(NODE_NAME);
		this.out.writeString(step.nodeName() + " " + hostLabel(row.record()));
		this.out.writeName(PIPELINE_ID);
		this.out.writeString(pipelineId);
		this.out.writeName(STATUS);
		this.out.writeString(status);
		writeTimes(created, progress.startTime(), progress.finishTime());
		this.out.writeName(SUB_STEPS);
		this.out.writeStartArray();
		for (int i = 0; i < step.subSteps().size(); i++) {
			writeSubStep(row, seed, strings, index, i, step.subSteps().get(i), progress.subSteps().get(i), created);
		}
		this.out.writeEndArray();
		this.out.writeEndObject();
		this.out.writeEndArray();
		this.out.writeEndObject();
	}

	private void writeSubStep(ResultRow row, long seed, PlanStrings strings, int stepIndex, int index,
			StepPlan.SubStep sub, SubStepState state, String created) {
		this.out.writeStartObject();
		this.out.writeName(INDEX);
		this.out.writeNumber(index);
		this.out.writeName(NODE_NAME);
		this.out.writeString(strings.subNames()[stepIndex][index]);
		this.out.writeName(STEP_CODE);
		this.out.writeString(sub.stepCode());
		this.out.writeName(PIPELINE_ID);
		this.out.writeString(PipelineIds.of(seed, row.record().id(), PipelineIds.SUB_STEP, stepIndex, index));
		Map<Integer, String> logs = row.logs();
		String log = (logs != null) ? logs.get(RecordProgress.key(stepIndex, index)) : null;
		this.out.writeName(LOG);
		this.out.writeString((log != null) ? log : "");
		this.out.writeName(EX_DATA);
		this.out.writeNull();
		this.out.writeName(STATUS);
		this.out.writeString(status(state.status()));
		writeTimes(created, state.startTime(), (state.status() != Status.PENDING) ? state.finishTime() : null);
		this.out.writeEndObject();
	}

	private void writeTimes(String created, Instant start, Instant finish) {
		this.out.writeName(CREATE_TIME);
		this.out.writeString(created);
		writeTime(START_TIME, start);
		writeTime(FINISH_TIME, finish);
	}

	private void writeTime(SerializableString name, Instant instant) {
		this.out.writeName(name);
		if (instant != null) {
			this.out.writeString(this.time.format(instant));
		}
		else {
			this.out.writeNull();
		}
	}

	/**
	 * {@code <bk_cloud_id>:<bk_host_innerip>} as NodeMan names a target host (spec section 4): an IPv6-only host's
	 * IPv4 is empty, so its name ends in {@code "<cloud>:"}; an instance without any IP goes by its name.
	 */
	static String hostLabel(InstanceRecord record) {
		String ip = (record.innerIp() != null) ? record.innerIp() : "";
		if (ip.isEmpty() && (record.innerIpV6() == null || record.innerIpV6().isEmpty())) {
			return record.displayName();
		}
		return ((record.bkCloudId() != null) ? record.bkCloudId() : 0) + ":" + ip;
	}

}
