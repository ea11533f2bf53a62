package io.subwatch.web;

import io.subwatch.records.Place;
import io.subwatch.subscription.ErrorText;

/**
 * Reads the breakdown panels' filter of the result table from the URL: hosts standing at one sub-step
 * ({@code at=1.2}: step index, sub-step index), optionally failed there with one normalised error
 * ({@code error=<key>}).
 */
final class PlaceFilter {

	static final int MAX_INDEX = 65_535;

	private PlaceFilter() {
	}

	/** The filter of {@code at} and {@code error}; null when {@code at} is absent. */
	static Place parse(String at, String error) {
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
		return new Place(step, sub, key);
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

}
