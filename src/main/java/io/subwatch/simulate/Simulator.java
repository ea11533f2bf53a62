package io.subwatch.simulate;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.subwatch.ingest.EventBatch;
import io.subwatch.ingest.EventService;
import io.subwatch.ingest.ReportedEvent;
import io.subwatch.security.Access;
import io.subwatch.subscription.InstanceRecord;
import io.subwatch.subscription.InstanceRecordDao;
import io.subwatch.subscription.RecordProgress;
import io.subwatch.subscription.Status;
import io.subwatch.subscription.StepPlan;
import io.subwatch.subscription.StepPlanDao;
import io.subwatch.subscription.SubStepDao;
import io.subwatch.subscription.SubStepState;
import io.subwatch.system.SubwatchProperties;

import org.springframework.stereotype.Component;

/**
 * One step of the demo executor: running hosts whose sub-step is due move on (or fail), and free capacity starts
 * pending hosts. Everything it knows comes from the database and the clock, so it resumes after a restart, and every
 * transition goes through {@link EventService} like an external executor's.
 */
@Component
public class Simulator {

	static final Access ACCESS = Access.system(SimulatorDao.OWNER);

	private final SimulatorDao dao;

	private final InstanceRecordDao records;

	private final SubStepDao subSteps;

	private final StepPlanDao plans;

	private final EventService events;

	private final Clock clock;

	private final SimulatorProperties properties;

	private final SimulatorScript script;

	private final SimulatorLogs logs;

	Simulator(SimulatorDao dao, InstanceRecordDao records, SubStepDao subSteps, StepPlanDao plans, EventService events,
			Clock clock, SimulatorProperties properties, SubwatchProperties subwatch) {
		this.dao = dao;
		this.records = records;
		this.subSteps = subSteps;
		this.plans = plans;
		this.events = events;
		this.clock = clock;
		this.properties = properties;
		this.script = new SimulatorScript(properties);
		this.logs = new SimulatorLogs(subwatch.timeZone());
	}

	/** Advances every demo task once; returns how many events it reported. */
	public int tick() {
		Instant now = this.clock.instant();
		List<ReportedEvent> batch = new ArrayList<>();
		int inFlight = 0;
		List<Long> tasks = this.dao.findActiveTasks(100);
		for (Long taskId : tasks) {
			List<InstanceRecord> running = this.records.findAllByTaskAndStatus(taskId, Status.RUNNING, 0,
					this.properties.maxInFlight());
			var states = this.subSteps.findByRecordIds(running.stream().map(InstanceRecord::id).toList());
			for (InstanceRecord record : running) {
				if (advance(record, states.getOrDefault(record.id(), Map.of()), now, batch)) {
					inFlight++;
				}
			}
		}
		for (Long taskId : tasks) {
			int capacity = this.properties.maxInFlight() - inFlight;
			if (capacity <= 0) {
				break;
			}
			List<InstanceRecord> pending = this.records.findAllByTaskAndStatus(taskId, Status.PENDING, 0, capacity);
			var states = this.subSteps.findByRecordIds(pending.stream().map(InstanceRecord::id).toList());
			for (InstanceRecord record : pending) {
				start(record, states.getOrDefault(record.id(), Map.of()), now, batch);
				inFlight++;
			}
		}
		for (int from = 0; from < batch.size(); from += 5000) {
			this.events.apply(EventBatch.of(batch.subList(from, Math.min(batch.size(), from + 5000)), now), ACCESS);
		}
		return batch.size();
	}

	/** Moves a running record along every sub-step that is due; true while it still runs afterwards. */
	private boolean advance(InstanceRecord record, Map<Integer, SubStepState> stored, Instant now,
			List<ReportedEvent> batch) {
		StepPlan plan = this.plans.findById(record.planId());
		int[] position = running(plan, stored);
		if (position == null) {
			return false;
		}
		int step = position[0];
		int sub = position[1];
		Instant started = stored.get(RecordProgress.key(step, sub)).startTime();
		int failure = this.script.failurePoint(record.id(), plan);
		while (true) {
			Instant due = started.plus(this.script.duration(record.id(), plan, step, sub));
			if (due.isAfter(now)) {
				return true;
			}
			String name = plan.steps().get(step).subSteps().get(sub).nodeName();
			String stepId = plan.steps().get(step).id();
			if (failure == ((step << 16) | sub)) {
				batch.add(event(record.id(), stepId, sub, Status.FAILED, due,
						this.logs.failed(record, name, started, due)));
				return false;
			}
			batch.add(event(record.id(), stepId, sub, Status.SUCCESS, due,
					this.logs.succeeded(record, name, started, due)));
			if (++sub == plan.steps().get(step).subSteps().size()) {
				sub = 0;
				if (++step == plan.steps().size()) {
					return false;
				}
			}
			started = due;
			batch.add(event(record.id(), plan.steps().get(step).id(), sub, Status.RUNNING, due, this.logs
				.started(record, plan.steps().get(step).subSteps().get(sub).nodeName(), due)));
		}
	}

	/** Starts a pending record at its first sub-step that has not run yet. */
	private void start(InstanceRecord record, Map<Integer, SubStepState> stored, Instant now,
			List<ReportedEvent> batch) {
		StepPlan plan = this.plans.findById(record.planId());
		for (int s = 0; s < plan.steps().size(); s++) {
			for (int i = 0; i < plan.steps().get(s).subSteps().size(); i++) {
				SubStepState state = stored.get(RecordProgress.key(s, i));
				if (state == null || state.status() == Status.PENDING) {
					batch.add(event(record.id(), plan.steps().get(s).id(), i, Status.RUNNING, now,
							this.logs.started(record, plan.steps().get(s).subSteps().get(i).nodeName(), now)));
					return;
				}
			}
		}
	}

	/** The running sub-step as {step, sub}, or null. */
	private static int[] running(StepPlan plan, Map<Integer, SubStepState> stored) {
		for (int s = 0; s < plan.steps().size(); s++) {
			for (int i = 0; i < plan.steps().get(s).subSteps().size(); i++) {
				SubStepState state = stored.get(RecordProgress.key(s, i));
				if (state != null && state.status() == Status.RUNNING && state.startTime() != null) {
					return new int[] { s, i };
				}
			}
		}
		return null;
	}

	private static ReportedEvent event(long recordId, String stepId, int sub, Status status, Instant time, String log) {
		return new ReportedEvent(recordId, stepId, sub, status, time, log);
	}

}
