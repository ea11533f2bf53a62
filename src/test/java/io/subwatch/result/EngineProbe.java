package io.subwatch.result;

import java.io.OutputStream;
import java.util.List;

import io.subwatch.security.Access;

import org.springframework.context.ApplicationContext;

/** task_result in process, written to nowhere: what the engine benchmark times (see bench/EngineTimingIT). */
public final class EngineProbe {

	private final TaskResultService service;

	public EngineProbe(ApplicationContext context) {
		this.service = context.getBean(TaskResultService.class);
	}

	/** One page of task_result: tasks (null: newest), statuses and instance ids (null: no filter). */
	public void page(long subscriptionId, List<Long> tasks, int page, List<String> statuses, List<String> instances,
			boolean aggregate, Access access) {
		TaskResultParams params = new TaskResultParams(subscriptionId, tasks, page, 50, null, statuses, instances,
				List.of(), false, false, aggregate, true);
		this.service.write(params, access, () -> OutputStream.nullOutputStream());
	}

}
