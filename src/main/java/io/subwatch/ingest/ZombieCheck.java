package io.subwatch.ingest;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.subwatch.subscription.InstanceRecord;
import io.subwatch.subscription.InstanceRecordDao;
import io.subwatch.subscription.LogLine;
import io.subwatch.subscription.RecordStopper;
import io.subwatch.subscription.Status;
import io.subwatch.subscription.SubStepDao;
import io.subwatch.subscription.TaskDao;
import io.subwatch.system.SubwatchProperties;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Fails records that hear nothing for {@code subwatch.zombie-timeout}, for every executor (NodeMan does the same), so
 * nothing stays "running" forever: a running host whose last event is older than the timeout, and every unfinished
 * host of a task that has been silent that long.
 */
@Component
public class ZombieCheck {

	private static final Logger log = LoggerFactory.getLogger(ZombieCheck.class);

	private final TaskDao tasks;

	private final InstanceRecordDao records;

	private final SubStepDao subSteps;

	private final RecordStopper stopper;

	private final TransactionTemplate transaction;

	private final SubwatchProperties properties;

	private final Clock clock;

	ZombieCheck(TaskDao tasks, InstanceRecordDao records, SubStepDao subSteps, RecordStopper stopper,
			TransactionTemplate transaction, SubwatchProperties properties, Clock clock) {
		this.tasks = tasks;
		this.records = records;
		this.subSteps = subSteps;
		this.stopper = stopper;
		this.transaction = transaction;
		this.properties = properties;
		this.clock = clock;
	}

	/** Runs the check once; returns how many records it failed. */
	public int run() {
		Instant now = this.clock.instant();
		Instant cutoff = now.minus(this.properties.zombieTimeout());
		String line = LogLine.of(now, this.properties.timeZone(), "ERROR",
				"no event for " + this.properties.zombieTimeout().toMinutes() + " min: failed by the zombie check");
		int failed = 0;
		for (Long taskId : this.tasks.findRunning(1000)) {
			List<Long> stuck = stuckRecords(taskId, cutoff);
			for (List<Long> chunk : InstanceRecordDao.chunks(stuck)) {
				failed += this.transaction.execute((s) -> this.stopper.stop(chunk, Status.FAILED, (r) -> line, now));
			}
		}
		for (Long taskId : this.tasks.findSilentActive(cutoff, 1000)) {
			for (Status status : List.of(Status.RUNNING, Status.PENDING)) {
				List<InstanceRecord> left;
				long after = 0;
				while (!(left = this.records.findAllByTaskAndStatus(taskId, status, after, 1000)).isEmpty()) {
					List<Long> ids = left.stream().map(InstanceRecord::id).toList();
					failed += this.transaction.execute((s) -> this.stopper.stop(ids, Status.FAILED, (r) -> line, now));
					after = ids.get(ids.size() - 1);
				}
			}
		}
		if (failed > 0) {
			log.warn("Zombie check failed {} records that had no event since {}", failed, cutoff);
		}
		return failed;
	}

	/**
	 * Running records of a task whose last event arrived before the cutoff, by the server's clock (an executor's clock
	 * that lags does not make its hosts look stuck).
	 */
	private List<Long> stuckRecords(long taskId, Instant cutoff) {
		List<Long> stuck = new ArrayList<>();
		long after = 0;
		List<InstanceRecord> running;
		while (!(running = this.records.findAllByTaskAndStatus(taskId, Status.RUNNING, after, 1000)).isEmpty()) {
			Map<Long, Instant> activity = this.subSteps
				.findLastActivity(running.stream().map(InstanceRecord::id).toList());
			for (InstanceRecord record : running) {
				Instant last = latest(record.updateTime(), activity.get(record.id()));
				if (last.isBefore(cutoff)) {
					stuck.add(record.id());
				}
			}
			after = running.get(running.size() - 1).id();
		}
		return stuck;
	}

	private static Instant latest(Instant a, Instant b) {
		return (b != null && b.isAfter(a)) ? b : a;
	}

}
