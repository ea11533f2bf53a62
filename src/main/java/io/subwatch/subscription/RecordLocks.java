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

	/**
	 * Locks the tasks of records whose owners were read before ({@link InstanceRecordDao#findOwners}: a record never
	 * changes task) and returns the records with their sub-step states and places as committed now, in one read.
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public Map<Long, InstanceRecordDao.WithSubSteps> lockWithSubSteps(Map<Long, InstanceRecordDao.Owner> owners) {
		this.tasks.lockAll(owners.values().stream().map(InstanceRecordDao.Owner::taskId).toList());
		return this.records.findWithSubSteps(owners.keySet());
	}

	/** As {@link #lockWithSubSteps(Map)}, for records whose tasks are read here; unknown ids are absent. */
	@Transactional(propagation = Propagation.MANDATORY)
	public Map<Long, InstanceRecordDao.WithSubSteps> lockWithSubSteps(Collection<Long> recordIds) {
		this.tasks.lockAll(this.records.findTaskIds(recordIds));
		return this.records.findWithSubSteps(recordIds);
	}

	/** Locks the tasks of the instances' latest records and returns those records as committed now. */
	@Transactional(propagation = Propagation.MANDATORY)
	public List<InstanceRecord> lockLatest(long subscriptionId, Collection<String> instanceIds) {
		List<InstanceRecord> latest = this.records.findLatest(subscriptionId, instanceIds);
		this.tasks.lockAll(latest.stream().map(InstanceRecord::taskId).toList());
		return this.records.findLatest(subscriptionId, instanceIds);
	}

}
