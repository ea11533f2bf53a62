package io.subwatch.support;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.subwatch.ingest.IngestService.CreatedTask;
import io.subwatch.result.OperatorActions;

/**
 * A subscription whose first task has 12 hosts: 6 SUCCESS, 2 FAILED, 2 RUNNING, 2 PENDING (in record id order),
 * then a retry of the 2 failed hosts, one of which succeeds.
 */
public final class ResultScenario {

	public final long subscriptionId;

	public final long bizId;

	public final long firstTask;

	public final long retryTask;

	/** Record ids of the first task, ascending. */
	public final List<Long> records;

	public final List<String> instances;

	/** Record ids of the retry task, ascending (the first one succeeded, the second is pending). */
	public final List<Long> retryRecords;

	public ResultScenario(Fixtures fixtures, OperatorActions actions) {
		this.bizId = fixtures.newBizId();
		this.subscriptionId = fixtures.subscription(this.bizId);
		CreatedTask task = fixtures.task(this.subscriptionId, fixtures.hosts(this.bizId, 12));
		this.firstTask = task.taskId();
		this.records = task.records().stream().map((r) -> r.recordId()).toList();
		this.instances = task.records().stream().map((r) -> r.instanceId()).toList();
		Instant start = Instant.parse("2026-11-28T02:00:00Z");
		List<Map<String, Object>> events = new ArrayList<>();
		for (int i = 0; i < 6; i++) {
			events.addAll(Fixtures.finish(this.records.get(i), -1, start));
		}
		events.addAll(Fixtures.finish(this.records.get(6), 2, start));
		events.addAll(Fixtures.finish(this.records.get(7), 2, start));
		events.add(Fixtures.event(this.records.get(8), 1, "RUNNING", start));
		events.add(Fixtures.event(this.records.get(9), 1, "RUNNING", start));
		fixtures.send(events);
		this.retryTask = actions.retry(this.subscriptionId, null, null, Fixtures.SYSTEM).taskId();
		this.retryRecords = List.of(fixtures.recordId(this.retryTask, this.instances.get(6)),
				fixtures.recordId(this.retryTask, this.instances.get(7)));
		fixtures.send(Fixtures.finish(this.retryRecords.get(0), -1, start.plusSeconds(600)));
	}

}
