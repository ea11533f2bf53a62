package io.subwatch.subscription;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import io.subwatch.system.ApiException;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Adds records to a task: the new records become their instances' latest, the records they replace leave the
 * subscription counters, and the task counters grow, all in the caller's transaction (which holds the subscription
 * lock).
 */
@Component
public class RecordCreation {

	private final InstanceRecordDao records;

	private final TaskDao tasks;

	private final CounterDao counters;

	private final RecordLocks locks;

	private final HostStatusDao hostStatuses;

	private final RecordPlaces places;

	RecordCreation(InstanceRecordDao records, TaskDao tasks, CounterDao counters, RecordLocks locks,
			HostStatusDao hostStatuses, RecordPlaces places) {
		this.places = places;
		this.records = records;
		this.tasks = tasks;
		this.counters = counters;
		this.locks = locks;
		this.hostStatuses = hostStatuses;
	}

	@Transactional(propagation = Propagation.MANDATORY)
	public Map<String, Long> addRecords(long subscriptionId, long taskId, List<NewRecord> newRecords, Instant now) {
		List<String> instanceIds = newRecords.stream().map(NewRecord::instanceId).toList();
		List<String> already = this.records.findInstancesOfTask(taskId, instanceIds);
		if (!already.isEmpty()) {
			throw ApiException.invalid("instance " + already.get(0) + " is already in task " + taskId
					+ ((already.size() > 1) ? " (and " + (already.size() - 1) + " more of this batch)" : ""));
		}
		List<InstanceRecord> replaced = this.locks.lockLatest(subscriptionId, instanceIds);
		CounterDeltas deltas = new CounterDeltas();
		for (InstanceRecord old : replaced) {
			deltas.leaveLatest(old.id(), subscriptionId, old.status());
		}
		this.records.clearLatest(replaced.stream().map(InstanceRecord::id).toList());
		Map<String, Long> ids = this.records.insertAll(subscriptionId, taskId, newRecords, now);
		this.hostStatuses.insertFromInfo(subscriptionId, newRecords, ids);
		for (NewRecord created : newRecords) {
			deltas.move(ids.get(created.instanceId()), taskId, subscriptionId, true, null, Status.PENDING);
		}
		this.tasks.addInstanceCount(taskId, newRecords.size());
		this.counters.apply(deltas);
		this.places.created(subscriptionId, taskId, newRecords, replaced);
		return ids;
	}

}
