package io.subwatch.ingest;

import java.util.List;

import io.subwatch.system.ApiException;

/** The value rules the ingest records share, with the API's wording (the JSON binder words shapes the same way). */
final class RequestValues {

	private RequestValues() {
	}

	static void text(String value, String path, int maxLength, boolean required) {
		if (value == null || value.isBlank()) {
			if (required) {
				throw ApiException.invalid(path + " is required");
			}
			return;
		}
		if (value.length() > maxLength) {
			throw ApiException.invalid(path + " is longer than " + maxLength + " characters");
		}
	}

	static void oneOf(String value, String path, List<String> allowed) {
		if (value == null || !allowed.contains(value)) {
			throw ApiException.invalid(path + " must be one of " + String.join(", ", allowed) + ", got " + value);
		}
	}

}
