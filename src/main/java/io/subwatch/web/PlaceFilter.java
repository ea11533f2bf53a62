package io.subwatch.web;

import java.util.Map;

import io.subwatch.subscription.ErrorText;

/**
 * The breakdown panels' filter of the result table: hosts standing at one sub-step ({@code at=1.2}: step index,
 * sub-step index), optionally failed there with one normalised error ({@code error=<key>}).
 *
 * @param errorKey the failure cluster's key, or null for a whole matrix cell
 */
record PlaceFilter(int stepIndex, int subIndex, String errorKey) {

	static final int MAX_INDEX = 65_535;

	/** The filter of {@code at} and {@code error}; null when {@code at} is absent. */
	static PlaceFilter parse(String at, String error) {
		boolean noError = error == null || error.isBlank();
		if (at == null || at.isBlank()) {
			if (!noError) {
				throw new BadPageRequestException("error.badParameter", "error");
			}
			return null;
		}
		String[] parts = at.strip().split("\\.", -1);
		if (parts.length != 2) {
			throw new BadPageRequestException("error.badParameter", "at");
		}
		int step = index(parts[0]);
		int sub = index(parts[1]);
		String key = noError ? null : error.strip();
		if (key != null && !ErrorText.isKey(key)) {
			throw new BadPageRequestException("error.badParameter", "error");
		}
		return new PlaceFilter(step, sub, key);
	}

	private static int index(String part) {
		if (part.isEmpty() || part.length() > 5 || !part.chars().allMatch(Character::isDigit)) {
			throw new BadPageRequestException("error.badParameter", "at");
		}
		int value = Integer.parseInt(part);
		if (value > MAX_INDEX) {
			throw new BadPageRequestException("error.badParameter", "at");
		}
		return value;
	}

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

	/** Where the condition makes a query read: one status and this filter read the place index in its own order. */
	static String orderBy(ResultScope scope, PlaceFilter place, int statusCount) {
		if (place == null) {
			return scope.orderBy(statusCount == 1);
		}
		if (statusCount != 1) {
			return "r.id";
		}
		return (scope.aggregated() ? "r.subscription_id, r.is_latest, " : "r.task_id, ")
				+ "r.status, r.at_step, r.at_sub, r.error_key, r.id";
	}

	static String from(ResultScope scope, PlaceFilter place, int statusCount) {
		return (place != null) ? "instance_record r" : scope.from(statusCount);
	}

	static String where(PlaceFilter place, Map<String, Object> params) {
		return (place != null) ? place.where(params) : "";
	}

}
