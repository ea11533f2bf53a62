package io.subwatch.system;

import java.util.Locale;

import tools.jackson.databind.JsonNode;

/**
 * Typed reads of request JSON whose failures name the field ({@code instances[3].instance_info.host.bk_host_id}), so
 * every bad input gets an error a caller can act on. Numbers may also come as numeric strings, booleans as
 * "true"/"false", as BlueKing clients send them.
 */
public final class JsonFields {

	private JsonFields() {
	}

	public static JsonNode field(JsonNode parent, String name) {
		JsonNode value = (parent != null) ? parent.get(name) : null;
		return (value == null || value.isNull() || value.isMissingNode()) ? null : value;
	}

	public static long requireLong(JsonNode parent, String name, String path) {
		Long value = optionalLong(parent, name, path);
		if (value == null) {
			throw ApiException.invalid(path + " is required");
		}
		return value;
	}

	public static Long optionalLong(JsonNode parent, String name, String path) {
		JsonNode value = field(parent, name);
		return (value != null) ? asLong(value, path) : null;
	}

	public static long asLong(JsonNode value, String path) {
		if (value.isIntegralNumber() && value.canConvertToLong()) {
			return value.longValue();
		}
		if (value.isString()) {
			try {
				return Long.parseLong(value.asString().trim());
			}
			catch (NumberFormatException ex) {
				// reported below
			}
		}
		throw ApiException.invalid(path + " must be an integer, got " + abbreviate(value.toString()));
	}

	public static String requireText(JsonNode parent, String name, String path, int maxLength) {
		String value = optionalText(parent, name, path, maxLength);
		if (value == null || value.isBlank()) {
			throw ApiException.invalid(path + " is required");
		}
		return value;
	}

	public static String optionalText(JsonNode parent, String name, String path, int maxLength) {
		JsonNode value = field(parent, name);
		if (value == null) {
			return null;
		}
		if (!value.isString() && !value.isNumber()) {
			throw ApiException.invalid(path + " must be a string, got " + abbreviate(value.toString()));
		}
		String text = value.asString();
		if (text.length() > maxLength) {
			throw ApiException.invalid(path + " is longer than " + maxLength + " characters");
		}
		return text;
	}

	public static boolean optionalBoolean(JsonNode parent, String name, String path, boolean defaultValue) {
		JsonNode value = field(parent, name);
		if (value == null) {
			return defaultValue;
		}
		if (value.isBoolean()) {
			return value.booleanValue();
		}
		if (value.isString()) {
			String text = value.asString().trim().toLowerCase(Locale.ROOT);
			if (text.equals("true") || text.equals("1")) {
				return true;
			}
			if (text.equals("false") || text.equals("0")) {
				return false;
			}
		}
		if (value.isIntegralNumber() && value.canConvertToLong() && (value.longValue() == 0 || value.longValue() == 1)) {
			return value.longValue() == 1;
		}
		throw ApiException.invalid(path + " must be true or false, got " + abbreviate(value.toString()));
	}

	public static JsonNode requireArray(JsonNode parent, String name, String path) {
		JsonNode value = field(parent, name);
		if (value == null) {
			throw ApiException.invalid(path + " is required");
		}
		if (!value.isArray()) {
			throw ApiException.invalid(path + " must be an array");
		}
		return value;
	}

	public static JsonNode optionalObject(JsonNode parent, String name, String path) {
		JsonNode value = field(parent, name);
		if (value != null && !value.isObject()) {
			throw ApiException.invalid(path + " must be an object");
		}
		return value;
	}

	public static String abbreviate(String text) {
		return (text.length() <= 60) ? text : text.substring(0, 57) + "...";
	}

}
