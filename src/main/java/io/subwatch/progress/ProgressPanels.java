package io.subwatch.progress;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import io.subwatch.subscription.Status;
import io.subwatch.subscription.StatusCounts;
import io.subwatch.subscription.StepPlan;
import io.subwatch.subscription.StepPlanDao;
import io.subwatch.subscription.Task;

import org.springframework.stereotype.Component;

/**
 * Builds the progress panels of the task a subscription page shows, called by the page's template once the page has
 * checked the reader may see the task: six bounded reads, whatever the task's size.
 */
@Component("progressPanels")
public class ProgressPanels {

	/** How many of the most recently finished hosts the sub-step durations are taken from. */
	static final int SAMPLE_RECORDS = 1_000;

	private final ProgressDao dao;

	private final StepPlanDao plans;

	private final ProgressSettings settings;

	private final Clock clock;

	ProgressPanels(ProgressDao dao, StepPlanDao plans, ProgressSettings settings, Clock clock) {
		this.dao = dao;
		this.plans = plans;
		this.settings = settings;
		this.clock = clock;
	}

	/** The panels of {@code task} with its {@code counts}; null when the page shows no single task. */
	public ProgressView forTask(Task task, StatusCounts counts) {
		if (task == null) {
			return null;
		}
		Instant now = this.clock.instant();
		int done = counts.count(Status.SUCCESS) + counts.count(Status.FAILED) + counts.count(Status.TERMINATED);
		int total = counts.total();
		int percent = (total == 0) ? 0 : (int) (done * 100L / total);
		ProgressDao.FinishedSample sample = this.dao.findFinishedSample(task.id(), SAMPLE_RECORDS);
		Map<Long, SubStepTimes> times = times(sample.subSteps());
		int running = counts.count(Status.RUNNING);
		List<ProgressDao.RunningSubStep> read = (running > 0) ? this.dao.findRunning(task.id(), Stragglers.MAX_READ)
				: List.of();
		Stragglers stragglers = stragglers(read, running, times, now);
		long remaining = counts.count(Status.PENDING) + running;
		Eta eta = Eta.of((remaining > 0) ? this.dao.countFinishedSince(task.id(), now.minus(Eta.WINDOW)) : 0,
				remaining, this.clock);
		return new ProgressView(task.id(), total, done, percent, eta, chart(task, counts.active(), now),
				List.copyOf(times.values()), sample.records(), stragglers);
	}

	/** Each sampled sub-step's durations and stuck threshold, keyed by step × 1000 + sub-step index, in plan order. */
	private Map<Long, SubStepTimes> times(List<ProgressDao.FinishedSubStep> sample) {
		Map<Long, List<ProgressDao.FinishedSubStep>> byKey = new TreeMap<>();
		for (ProgressDao.FinishedSubStep s : sample) {
			byKey.computeIfAbsent(key(s.stepIndex(), s.subIndex()), (k) -> new ArrayList<>()).add(s);
		}
		Map<Long, SubStepTimes> times = new TreeMap<>();
		byKey.forEach((key, runs) -> {
			long[] millis = runs.stream().mapToLong(ProgressDao.FinishedSubStep::millis).toArray();
			DurationStats stats = DurationStats.of(millis);
			ProgressDao.FinishedSubStep first = runs.get(0);
			boolean measured = stats.samples() >= Stragglers.MIN_SAMPLE;
			String[] names = names(first.planId(), first.stepIndex(), first.subIndex());
			times.put(key, new SubStepTimes(first.stepIndex(), first.subIndex(), names[0], names[1], stats,
					measured ? stats.p95() : this.settings.stragglerAfter(), measured));
		});
		return times;
	}

	private Stragglers stragglers(List<ProgressDao.RunningSubStep> read, int running, Map<Long, SubStepTimes> times,
			Instant now) {
		List<Straggler> stuck = new ArrayList<>();
		for (ProgressDao.RunningSubStep r : read) {
			if (r.start() == null) {
				continue;
			}
			SubStepTimes known = times.get(key(r.stepIndex(), r.subIndex()));
			Duration limit = (known != null) ? known.stuckAfter() : this.settings.stragglerAfter();
			Duration lasted = Duration.between(r.start(), now);
			if (lasted.compareTo(limit) > 0) {
				String[] names = names(r.planId(), r.stepIndex(), r.subIndex());
				stuck.add(new Straggler(r.recordId(), r.instanceId(), r.ip(), r.hostName(), names[0], names[1], r.start(), lasted,
						true));
			}
		}
		stuck.sort(Comparator.comparing(Straggler::running).reversed().thenComparing(Straggler::instanceId));
		return new Stragglers(stuck.size(), read.size(), Math.max(running, read.size()),
				List.copyOf(stuck));
	}

	private ThroughputChart chart(Task task, boolean active, Instant now) {
		Instant last = this.dao.findLastFinish(task.id());
		if (last == null) {
			return null;
		}
		Instant origin = task.createdAt();
		Instant end = active ? now : last;
		if (!end.isAfter(origin)) {
			end = origin.plusSeconds(60);
		}
		Duration width = ThroughputChart.bucketWidth(Duration.between(origin, end));
		return ThroughputChart.of(origin, end, width, this.dao.findFinishedPerBucket(task.id(), origin,
				width.toSeconds(), ThroughputChart.bucketCount(origin, end, width)));
	}

	/** The step's and sub-step's names in the plan, or their positions when the plan has no such sub-step. */
	private String[] names(long planId, int stepIndex, int subIndex) {
		StepPlan plan = this.plans.findById(planId);
		if (stepIndex < plan.steps().size() && subIndex < plan.steps().get(stepIndex).subSteps().size()) {
			StepPlan.Step step = plan.steps().get(stepIndex);
			return new String[] { step.nodeName(), step.subSteps().get(subIndex).nodeName() };
		}
		return new String[] { "#" + (stepIndex + 1), "#" + (subIndex + 1) };
	}

	private static long key(int stepIndex, int subIndex) {
		return stepIndex * 1000L + subIndex;
	}

}
