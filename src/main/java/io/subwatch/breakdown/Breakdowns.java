package io.subwatch.breakdown;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import io.subwatch.records.Place;
import io.subwatch.records.PlacedHost;
import io.subwatch.records.RecordFilter;
import io.subwatch.records.RecordHostDao;
import io.subwatch.records.RecordScope;
import io.subwatch.subscription.ErrorText;
import io.subwatch.subscription.RecordProgress;
import io.subwatch.subscription.Status;
import io.subwatch.subscription.StepPlan;
import io.subwatch.subscription.StepPlanDao;

import org.springframework.stereotype.Component;

/**
 * Loads the breakdown panels with three small reads whatever the number of hosts: the scope's place counters, its
 * largest failure clusters, and two sample hosts of each (one statement). Row names come from the cached plans.
 */
@Component
public class Breakdowns {

	/** Clusters listed; the rest are counted in "more". */
	static final int CLUSTERS = 10;

	static final int SAMPLES = 2;

	private final BreakdownDao dao;

	private final StepPlanDao plans;

	private final RecordHostDao records;

	Breakdowns(BreakdownDao dao, StepPlanDao plans, RecordHostDao records) {
		this.dao = dao;
		this.records = records;
		this.plans = plans;
	}

	/** The panels of a scope; {@code failed} is its failed-hosts counter. */
	public Breakdown load(BreakdownScope scope, int failed) {
		List<BreakdownDao.Cell> cells = this.dao.findCells(scope);
		StepMatrix matrix = matrix(cells);
		List<BreakdownDao.Cluster> found = this.dao.findClusters(scope, CLUSTERS + 1);
		List<BreakdownDao.Cluster> shown = found.subList(0, Math.min(CLUSTERS, found.size()));
		List<PlacedHost> samples = this.records.findFirstOfEach(RecordScope.of(scope.subscriptionId(), scope.taskId()),
				shown.stream()
					.map((c) -> new RecordFilter(List.of(Status.FAILED), null, List.of(),
							new Place(c.stepIndex(), c.subIndex(), c.errorKey())))
					.toList(),
				SAMPLES);
		Map<Integer, StepMatrix.Row> rows = new LinkedHashMap<>();
		matrix.rows().forEach((row) -> rows.put(RecordProgress.key(row.stepIndex(), row.subIndex()), row));
		List<FailureCluster> clusters = new ArrayList<>();
		for (BreakdownDao.Cluster cluster : shown) {
			List<FailureCluster.Sample> picked = samples.stream()
				.filter((s) -> s.place().stepIndex() == cluster.stepIndex() && s.place().subIndex() == cluster.subIndex()
						&& cluster.errorKey().equals(s.place().errorKey()))
				.map((s) -> new FailureCluster.Sample(s.instanceId(), name(s), (s.errorLine() != null) ? s.errorLine() : ""))
				.toList();
			StepMatrix.Row row = rows.get(RecordProgress.key(cluster.stepIndex(), cluster.subIndex()));
			String pattern = picked.isEmpty() ? "" : ErrorText.normalise(picked.get(0).errorLine());
			double share = (failed > 0) ? Math.round(cluster.count() * 1000.0 / failed) / 10.0 : 0;
			clusters.add(new FailureCluster(cluster.stepIndex(), cluster.subIndex(), (row != null) ? row.step() : "",
					(row != null) ? row.subStep() : cluster.stepIndex() + "." + cluster.subIndex(), cluster.errorKey(),
					pattern, cluster.count(), share, picked));
		}
		String fingerprint = Integer.toHexString(List.of(cells, shown, samples.stream()
			.map(PlacedHost::instanceId)
			.toList(), failed).hashCode());
		return new Breakdown(matrix, clusters, failed, found.size() > CLUSTERS, fingerprint);
	}

	/** Hosts of a matrix cell ({@code errorKey} null) or a failure cluster: the table's total for that filter. */
	public int count(BreakdownScope scope, Status status, int stepIndex, int subIndex, String errorKey) {
		if (errorKey != null) {
			return (status == Status.FAILED) ? this.dao.countCluster(scope, stepIndex, subIndex, errorKey) : 0;
		}
		return this.dao.countCell(scope, stepIndex, subIndex, status);
	}

	/** Rows for every sub-step of the plans present, named from them, with the cells' counts. */
	private StepMatrix matrix(List<BreakdownDao.Cell> cells) {
		if (cells.isEmpty()) {
			return StepMatrix.EMPTY;
		}
		Map<Integer, Set<String>> stepNames = new TreeMap<>();
		Map<Integer, Set<String>> subNames = new TreeMap<>();
		int steps = 0;
		for (Long planId : cells.stream().map(BreakdownDao.Cell::planId).distinct().toList()) {
			StepPlan plan = this.plans.findById(planId);
			steps = Math.max(steps, plan.steps().size());
			for (int s = 0; s < plan.steps().size(); s++) {
				StepPlan.Step step = plan.steps().get(s);
				for (int i = 0; i < step.subSteps().size(); i++) {
					int key = RecordProgress.key(s, i);
					stepNames.computeIfAbsent(key, (k) -> new LinkedHashSet<>()).add(step.id());
					subNames.computeIfAbsent(key, (k) -> new LinkedHashSet<>()).add(step.subSteps().get(i).nodeName());
				}
			}
		}
		Map<Integer, StepMatrix.Row> rows = new TreeMap<>();
		stepNames.forEach((key, names) -> rows.put(key, StepMatrix.Row.empty(key >> 16, key & 0xFFFF,
				String.join(" / ", names), String.join(" / ", subNames.get(key)))));
		for (BreakdownDao.Cell cell : cells) {
			// a place outside every plan present cannot happen; were it to, the hosts still show
			StepMatrix.Row row = rows.computeIfAbsent(RecordProgress.key(cell.stepIndex(), cell.subIndex()),
					(key) -> StepMatrix.Row.empty(cell.stepIndex(), cell.subIndex(), "", "#" + cell.subIndex()));
			row.counts().merge(cell.status(), cell.count(), Integer::sum);
		}
		return new StepMatrix(Status.RECORD_STATUSES, List.copyOf(rows.values()), steps > 1);
	}

	private static String name(PlacedHost sample) {
		if (sample.ip() != null && !sample.ip().isEmpty()) {
			return sample.ip();
		}
		if (sample.ipv6() != null && !sample.ipv6().isEmpty()) {
			return sample.ipv6();
		}
		return (sample.hostName() != null) ? sample.hostName() : sample.instanceId();
	}

}
