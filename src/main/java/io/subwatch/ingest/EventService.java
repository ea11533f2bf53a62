package io.subwatch.ingest;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.micrometer.core.instrument.MeterRegistry;
import io.subwatch.security.Access;
import io.subwatch.subscription.CounterDao;
import io.subwatch.subscription.CounterDeltas;
import io.subwatch.subscription.InstanceRecord;
import io.subwatch.subscription.InstanceRecordDao;
import io.subwatch.subscription.LogEntry;
import io.subwatch.subscription.RecordLocks;
import io.subwatch.subscription.RecordPlaces;
import io.subwatch.subscription.RecordProgress;
import io.subwatch.subscription.Status;
import io.subwatch.subscription.StepPlan;
import io.subwatch.subscription.StepPlanDao;
import io.subwatch.subscription.SubStepDao;
import io.subwatch.subscription.SubscriptionDao;
import io.subwatch.subscription.TaskDao;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Applies a batch of events in one transaction: records are locked in id order, transitions only go forward, repeated
 * or backward events change no status, invalid ones are reported, and counters change with the statuses. Log text
 * goes where {@link LogMerge} places it; an event counts as applied when it changed a status or the log.
 */
@Service
public class EventService {

	private final InstanceRecordDao records;

	private final SubStepDao subSteps;

	private final StepPlanDao plans;

	private final CounterDao counters;

	private final SubscriptionDao subscriptions;

	private final RecordLocks locks;

	private final TaskDao tasks;

	private final Clock clock;

	private final IngestMetrics metrics;

	private final RecordPlaces places;

	EventService(InstanceRecordDao records, SubStepDao subSteps, StepPlanDao plans, CounterDao counters,
			SubscriptionDao subscriptions, RecordLocks locks, TaskDao tasks, Clock clock, MeterRegistry meters,
			RecordPlaces places) {
		this.places = places;
		this.metrics = new IngestMetrics(meters);
		this.locks = locks;
		this.tasks = tasks;
		this.records = records;
		this.subSteps = subSteps;
		this.plans = plans;
		this.counters = counters;
		this.subscriptions = subscriptions;
		this.clock = clock;
	}

	/** The outcome of a batch: {@code {"applied", "ignored", "errors"}}. */
	public record Outcome(int applied, int ignored, List<EventError> errors) {
	}

	@Transactional
	public Outcome apply(EventBatch parsed, Access access) {
		Instant now = this.clock.instant();
		List<EventError> errors = new ArrayList<>(parsed.errors());
		// Only records the caller may write are locked: nobody can make other businesses' writers wait.
		Map<Long, Boolean> writable = new HashMap<>();
		Map<Long, InstanceRecordDao.Owner> allowed = new HashMap<>();
		this.records.findOwners(parsed.events().stream().map(Event::recordId).toList()).forEach((id, owner) -> {
			if (writable.computeIfAbsent(owner.subscriptionId(), (subscriptionId) -> canWrite(subscriptionId, access))) {
				allowed.put(id, owner);
			}
		});
		// the records with their sub-steps and places, in one read under their tasks' locks
		Map<Long, InstanceRecordDao.WithSubSteps> locked = this.locks.lockWithSubSteps(allowed);
		List<ResolvedEvent> valid = new ArrayList<>();
		for (Event event : parsed.events()) {
			String at = "events[" + event.index() + "]";
			InstanceRecordDao.WithSubSteps found = locked.get(event.recordId());
			InstanceRecord record = (found != null) ? found.record() : null;
			if (record == null) {
				errors.add(new EventError(event.index(), at + ".record_id " + event.recordId() + " does not exist"));
				continue;
			}
			StepPlan plan = this.plans.findById(record.planId());
			int stepIndex = plan.indexOfStep(event.stepId());
			if (stepIndex < 0) {
				errors.add(new EventError(event.index(), at + ".step_id '" + event.stepId() + "' is not a step of record "
						+ event.recordId()));
				continue;
			}
			int count = plan.steps().get(stepIndex).subSteps().size();
			if (event.subStep() >= count) {
				errors.add(new EventError(event.index(), at + ".sub_step " + event.subStep() + " is out of range: step '"
						+ event.stepId() + "' has " + count + " sub-steps (0 to " + (count - 1) + ")"));
				continue;
			}
			valid.add(new ResolvedEvent(event, stepIndex));
		}
		valid.sort(ResolvedEvent.APPLY_ORDER);
		errors.sort(Comparator.comparingInt(EventError::index));
		int applied = write(valid, locked, now);
		Outcome outcome = new Outcome(applied, valid.size() - applied, errors);
		this.metrics.counted(outcome);
		return outcome;
	}

	private int write(List<ResolvedEvent> events, Map<Long, InstanceRecordDao.WithSubSteps> locked, Instant now) {
		Map<Long, RecordTransitions> byRecord = new HashMap<>();
		Set<Integer> changedEvents = new HashSet<>();
		List<LogMerge.Candidate> logCandidates = new ArrayList<>();
		for (ResolvedEvent resolved : events) {
			Event event = resolved.event();
			RecordTransitions transitions = byRecord.computeIfAbsent(event.recordId(),
					(id) -> new RecordTransitions(locked.get(id).record(),
							this.plans.findById(locked.get(id).record().planId()), locked.get(id).subSteps()));
			if (transitions.apply(resolved.stepIndex(), event)) {
				changedEvents.add(event.index());
			}
			if (event.log() != null) {
				logCandidates.add(new LogMerge.Candidate(event.index(), new SubStepDao.LogAppend(event.recordId(),
						resolved.stepIndex(), event.subStep(), event.log(), event.time(), event.status())));
			}
		}
		CounterDeltas deltas = new CounterDeltas();
		List<RecordPlaces.Moved> moved = new ArrayList<>();
		Set<Long> activeTasks = new HashSet<>();
		byRecord.values().stream().sorted(Comparator.comparingLong((t) -> t.record().id())).forEach((t) -> {
			if (!t.changed()) {
				return;
			}
			InstanceRecord record = t.record();
			activeTasks.add(record.taskId());
			RecordProgress after = t.progress();
			moved.add(new RecordPlaces.Moved(record, after, t.states(), locked.get(record.id()).place()));
			deltas.move(record.id(), record.taskId(), record.subscriptionId(), record.latest(), record.status(),
					after.status());
		});
		LogMerge.Plan logs = LogMerge.plan(logCandidates, storedLogs(logCandidates, locked));
		changedEvents.addAll(logs.changedEvents());
		this.subSteps.appendLogs(logs.inserts());
		this.subSteps.moveLogs(logs.moves());
		this.counters.apply(deltas);
		// the record rows (sub-steps, status, times, place) in one statement per record, and the place counters
		this.places.movedWithProgress(moved, now);
		this.tasks.touch(activeTasks, now);
		return changedEvents.size();
	}

	/**
	 * The stored log entries the candidates may repeat. Of a record still running, only sub-steps that had a stored
	 * row before this batch can have log text (a row is written with the first event or stop that brings any), so a
	 * batch of first events reads nothing; a terminated record takes lines without rows.
	 */
	private Map<Long, Map<Integer, List<LogEntry>>> storedLogs(List<LogMerge.Candidate> candidates,
			Map<Long, InstanceRecordDao.WithSubSteps> locked) {
		List<SubStepDao.LogAppend> repeating = candidates.stream()
			.map(LogMerge.Candidate::log)
			.filter((log) -> locked.get(log.recordId()).record().status() == Status.TERMINATED
					|| locked.get(log.recordId())
						.subSteps()
						.containsKey(RecordProgress.key(log.stepIndex(), log.subIndex())))
			.toList();
		if (repeating.isEmpty()) {
			return Map.of();
		}
		// only the sub-steps the batch reports on (a superset: every pair of their step and sub-step indexes)
		return this.subSteps.findLogEntries(repeating.stream().map(SubStepDao.LogAppend::recordId).distinct().toList(),
				repeating.stream().map(SubStepDao.LogAppend::stepIndex).distinct().toList(),
				repeating.stream().map(SubStepDao.LogAppend::subIndex).distinct().toList());
	}

	private boolean canWrite(long subscriptionId, Access access) {
		return this.subscriptions.findById(subscriptionId).map((s) -> access.canWrite(s.bkBizId(), s.id())).orElse(false);
	}

}
