package io.subwatch.subscription;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * Splits record ids into the conditions that fetch them fastest: a run of consecutive ids becomes
 * {@code BETWEEN :lo AND :hi} (one index range, no list to check), the rest become short {@code IN} lists. H2 checks
 * an IN list of bound parameters value by value for every row it reads, so a 1,000-value list over 12,000 sub-step
 * rows costs twelve million comparisons; ranges and short lists do not.
 */
public final class IdBatches {

	/** Longest IN list: short enough that checking it per row stays cheap. */
	static final int IN_LIST = 200;

	/** One condition on {@code column} with its parameters. */
	public record Batch(String condition, Map<String, Object> params) {
	}

	private IdBatches() {
	}

	public static List<Batch> of(String column, Collection<Long> ids) {
		long[] sorted = ids.stream().mapToLong(Long::longValue).sorted().distinct().toArray();
		List<Batch> batches = new ArrayList<>();
		List<Long> loose = new ArrayList<>();
		int i = 0;
		while (i < sorted.length) {
			int j = i;
			while (j + 1 < sorted.length && sorted[j + 1] == sorted[j] + 1) {
				j++;
			}
			if (j - i + 1 >= 8) {
				batches.add(new Batch(column + " BETWEEN :lo AND :hi", Map.of("lo", sorted[i], "hi", sorted[j])));
			}
			else {
				for (int k = i; k <= j; k++) {
					loose.add(sorted[k]);
				}
			}
			i = j + 1;
		}
		for (int from = 0; from < loose.size(); from += IN_LIST) {
			batches.add(new Batch(column + " IN (:ids)",
					Map.of("ids", loose.subList(from, Math.min(loose.size(), from + IN_LIST)))));
		}
		return batches;
	}

}
