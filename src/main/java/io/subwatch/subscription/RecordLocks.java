package io.subwatch.subscription;

import java.util.Collection;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The locking rule for records: lock the rows of their tasks (ascending id), then read them. Every writer of record
 * progress or latest flags follows it, so a batch of events, a revoke, the zombie check and a retry never interleave
 * on the same records, and locking a few task rows is far cheaper than locking thousands of record rows.
 */
@Component
public class RecordLocks {

	private final InstanceRecordDao records;

	private final TaskDao tasks;

	RecordLocks(InstanceRecordDao records, TaskDao tasks) {
		this.records = records;
		this.tasks = tasks;
	}

	/** Locks the records' tasks and returns the records as committed now; unknown ids are absent. */
	@Transactional(propagation = Propagation.MANDATORY)
	public Map<Long, InstanceRecord> lock(Collection<Long> recordIds) {
		this.tasks.lockAll(this.records.findTaskIds(recordIds));
		return this.records.findByIds(recordIds);
	}

	/** Locks the tasks of the instances' latest records and returns those records as committed now. */
	@Transactional(propagation = Propagation.MANDATORY)
	public List<InstanceRecord> lockLatest(long subscriptionId, Collection<String> instanceIds) {
		List<InstanceRecord> latest = this.records.findLatest(subscriptionId, instanceIds);
		this.tasks.lockAll(latest.stream().map(InstanceRecord::taskId).toList());
		return this.records.findLatest(subscriptionId, instanceIds);
	}

}
