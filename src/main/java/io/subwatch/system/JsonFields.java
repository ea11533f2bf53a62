package io.subwatch.system;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import tools.jackson.databind.JsonNode;

/**
 * Typed reads of request JSON whose failures name the field ({@code instances[3].instance_info.host.bk_host_id}), so
 * every bad input gets an error a caller can act on. Values are read as Django REST framework reads them, since
 * BlueKing clients are written against it: integers also as {@code 1.0} or {@code "12"}, booleans also as 1/0 and the
 * strings true/false/yes/no/on/off/t/f/1/0 in any case.
 */
public final class JsonFields {

	/** An integer as text, with DRF's leniency: surrounding blanks and a trailing {@code .0…} ("12", " 12 ", "12.0"). */
	private static final Pattern INTEGER_TEXT = Pattern.compile("\\s*([+-]?\\d{1,19})(?:\\.0*)?\\s*");

	private static final Set<String> TRUE_TEXTS = Set.of("true", "yes", "on", "t", "1");

	private static final Set<String> FALSE_TEXTS = Set.of("false", "no", "off", "f", "0");

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
		try {
			if (value.isNumber()) {
				// DRF's IntegerField takes 1.0 but not 1.5
				return value.decimalValue().longValueExact();
			}
			if (value.isString()) {
				Matcher integer = INTEGER_TEXT.matcher(value.asString());
				if (integer.matches()) {
					return Long.parseLong(integer.group(1));
				}
			}
		}
		catch (ArithmeticException | NumberFormatException ex) {
			// reported below: a fraction, or too large
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
			if (TRUE_TEXTS.contains(text)) {
				return true;
			}
			if (FALSE_TEXTS.contains(text)) {
				return false;
			}
		}
		if (value.isNumber() && (value.doubleValue() == 0 || value.doubleValue() == 1)) {
			return value.doubleValue() == 1;
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
