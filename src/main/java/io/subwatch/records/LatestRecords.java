package io.subwatch.records;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.subwatch.subscription.Status;
import io.subwatch.subscription.StatusCounts;

/**
 * The latest record per instance over several tasks, worked out in one pass over their records (sorted ids with their
 * statuses and instances), so the counter, the total and every window come from the same array instead of a
 * correlated NOT EXISTS per record per query.
 */
public final class LatestRecords {

	private final long[] ids;

	private final Status[] statuses;

	private final String[] instances;

	private LatestRecords(long[] ids, Status[] statuses, String[] instances) {
		this.ids = ids;
		this.statuses = statuses;
		this.instances = instances;
	}

	/** One candidate record of the chosen tasks. */
	record Candidate(long id, String instanceId, Status status) {
	}

	/** Keeps, per instance, the candidate with the highest id. */
	static LatestRecords of(Iterable<Candidate> candidates) {
		Map<String, Candidate> latest = new HashMap<>();
		for (Candidate candidate : candidates) {
			latest.merge(candidate.instanceId(), candidate, (a, b) -> (a.id() > b.id()) ? a : b);
		}
		List<Candidate> sorted = new ArrayList<>(latest.values());
		sorted.sort((a, b) -> Long.compare(a.id(), b.id()));
		long[] ids = new long[sorted.size()];
		Status[] statuses = new Status[sorted.size()];
		String[] instances = new String[sorted.size()];
		for (int i = 0; i < sorted.size(); i++) {
			ids[i] = sorted.get(i).id();
			statuses[i] = sorted.get(i).status();
			instances[i] = sorted.get(i).instanceId();
		}
		return new LatestRecords(ids, statuses, instances);
	}

	public StatusCounts counter() {
		Map<String, Integer> counts = new HashMap<>();
		for (Status status : this.statuses) {
			counts.merge(status.name(), 1, Integer::sum);
		}
		return StatusCounts.of(new ArrayList<>(counts.entrySet()));
	}

	/** The ids that pass the filter, ascending. */
	long[] filter(RecordFilter filter) {
		Set<Status> statuses = (filter.statuses() != null) ? new HashSet<>(filter.statuses()) : null;
		Set<String> only = (filter.instanceIds() != null) ? new HashSet<>(filter.instanceIds()) : null;
		Set<String> excluded = new HashSet<>(filter.excludedIds());
		long[] kept = new long[this.ids.length];
		int n = 0;
		for (int i = 0; i < this.ids.length; i++) {
			if ((statuses == null || statuses.contains(this.statuses[i]))
					&& (only == null || only.contains(this.instances[i])) && !excluded.contains(this.instances[i])) {
				kept[n++] = this.ids[i];
			}
		}
		return java.util.Arrays.copyOf(kept, n);
	}

}
