package io.subwatch.breakdown;

import java.util.List;

/**
 * The breakdown panels of one scope.
 *
 * @param failed failed hosts of the scope (the clusters' shares are of this)
 * @param moreClusters whether clusters beyond those listed exist
 * @param fingerprint changes whenever anything the panels show changes (part of the page's live version)
 */
public record Breakdown(StepMatrix matrix, List<FailureCluster> clusters, int failed, boolean moreClusters,
		String fingerprint) {

	/** The matrix row of a sub-step, or null (a filter link from another view). */
	public StepMatrix.Row row(int stepIndex, int subIndex) {
		return this.matrix.rows()
			.stream()
			.filter((row) -> row.stepIndex() == stepIndex && row.subIndex() == subIndex)
			.findFirst()
			.orElse(null);
	}

	/** The listed cluster of a sub-step and error key, or null. */
	public FailureCluster cluster(int stepIndex, int subIndex, String errorKey) {
		return this.clusters.stream()
			.filter((c) -> c.stepIndex() == stepIndex && c.subIndex() == subIndex && c.errorKey().equals(errorKey))
			.findFirst()
			.orElse(null);
	}

}
