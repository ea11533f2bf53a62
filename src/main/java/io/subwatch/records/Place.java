package io.subwatch.records;

import java.util.Map;

/**
 * The breakdown panels' filter: hosts standing at one sub-step (step index, sub-step index), optionally failed there
 * with one normalised error.
 *
 * @param errorKey the failure cluster's key, or null for a whole matrix cell
 */
public record Place(int stepIndex, int subIndex, String errorKey) {

	/** As the URL writes it: {@code 1.2}. */
	public String at() {
		return this.stepIndex + "." + this.subIndex;
	}

	/** The SQL condition on {@code instance_record r}, adding its parameters. */
	String where(Map<String, Object> params) {
		params.put("atStep", this.stepIndex);
		params.put("atSub", this.subIndex);
		if (this.errorKey == null) {
			return " AND r.at_step = :atStep AND r.at_sub = :atSub";
		}
		params.put("errorKey", this.errorKey);
		return " AND r.at_step = :atStep AND r.at_sub = :atSub AND r.error_key = :errorKey";
	}

}
