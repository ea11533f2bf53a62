package io.subwatch.result;

import java.io.OutputStream;
import java.util.List;
import java.util.function.Supplier;

import io.subwatch.security.Access;
import io.subwatch.subscription.InstanceRecord;
import io.subwatch.subscription.InstanceRecordDao;
import io.subwatch.subscription.Subscription;
import io.subwatch.subscription.Task;
import io.subwatch.system.ApiException;
import io.subwatch.system.ErrorCode;
import io.subwatch.system.SubwatchProperties;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** task_result_detail: the newest record of one instance as one row, with need_detail on. */
@Service
class TaskResultDetailService {

	private final SelectionResolver resolver;

	private final InstanceRecordDao records;

	private final RowAssembler assembler;

	private final JsonMapper json;

	private final SubwatchProperties properties;

	private final ApiStatuses statuses;

	TaskResultDetailService(SelectionResolver resolver, InstanceRecordDao records, RowAssembler assembler,
			JsonMapper json, SubwatchProperties properties, ApiStatuses statuses) {
		this.statuses = statuses;
		this.resolver = resolver;
		this.records = records;
		this.assembler = assembler;
		this.json = json;
		this.properties = properties;
	}

	@Transactional(readOnly = true)
	public void write(ParamReader params, Access access, Supplier<OutputStream> output) {
		long subscriptionId = params.requireLong("subscription_id");
		String instanceId = params.optionalText("instance_id", 255);
		if (instanceId == null || instanceId.isBlank()) {
			throw ApiException.invalid("instance_id is required");
		}
		List<Long> taskIds = params.taskIdList();
		Long taskId = params.optionalLong("task_id");
		if (taskId != null) {
			taskIds = List.of(taskId);
		}
		// spec section 7: no such subscription, or a task of another one, means no such record (3800007)
		Subscription subscription = this.resolver.visibleSubscription(subscriptionId, access,
				ErrorCode.RECORD_NOT_EXIST);
		List<Long> chosen = (taskIds != null && !taskIds.isEmpty()) ? this.resolver
			.tasksOf(subscription, taskIds, ErrorCode.RECORD_NOT_EXIST)
			.stream()
			.map(Task::id)
			.toList() : null;
		InstanceRecord record = this.records.findNewest(subscriptionId, instanceId, chosen)
			.orElseThrow(() -> new ApiException(ErrorCode.RECORD_NOT_EXIST,
					"no record of instance " + instanceId + " in subscription " + subscriptionId));
		ResultRow row = this.assembler.assemble(List.of(record.id()), true, RowAssembler.pipelineIdCache()).get(0);
		try (JsonGenerator generator = this.json.createGenerator(output.get())) {
			ResultJsonWriter writer = new ResultJsonWriter(generator, this.properties.timeZone(), this.statuses);
			writer.startEnvelope();
			writer.writeRow(row);
			writer.endEnvelope();
		}
	}

}
