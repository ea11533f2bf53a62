package io.subwatch.ingest;

import java.util.regex.Pattern;

import io.subwatch.system.ApiException;
import io.subwatch.system.JsonFields;

/**
 * The instance id forms of spec section 6: {@code host|instance|host|<bk_host_id>}, the legacy
 * {@code host|instance|host|<ip>-<bk_cloud_id>-<supplier>} and {@code service|instance|service|<id>}. An id is part of
 * its pages' paths ({@code /subscriptions/{id}/instances/{instanceId}}), so one with a slash, a backslash, whitespace or
 * a control character would make them unreachable; such ids are refused with the character named.
 */
final class InstanceIds {

	private static final String IPV4 = "(?:[0-9]{1,3}\\.){3}[0-9]{1,3}";

	private static final String IPV6 = "[0-9a-f]{0,4}(?::[0-9a-f]{0,4}){2,7}";

	private static final Pattern FORMS = Pattern.compile("host\\|instance\\|host\\|(?:[0-9]+|(?:" + IPV4 + "|" + IPV6
			+ ")-[0-9]+-[0-9a-z_]+)|service\\|instance\\|service\\|[0-9]+");

	static final String EXPECTED = "four lower-case parts {object_type}|{node_type}|{type}|{id}: "
			+ "host|instance|host|<bk_host_id>, host|instance|host|<ip>-<bk_cloud_id>-<supplier> "
			+ "or service|instance|service|<id>";

	private InstanceIds() {
	}

	/** Refuses an id that is not one of the forms, naming the field, the id and what is wrong with it. */
	static void check(String instanceId, String path) {
		String got = shown(instanceId);
		for (int i = 0; i < instanceId.length(); i++) {
			char c = instanceId.charAt(i);
			String what = forbidden(c);
			if (what != null) {
				throw ApiException.invalid(path + " " + got + " contains " + what + " at position " + i
						+ ", which no instance id may contain; it must have " + EXPECTED);
			}
		}
		if (!FORMS.matcher(instanceId).matches()) {
			throw ApiException.invalid(path + " must have " + EXPECTED + ", got " + got);
		}
	}

	/** What is wrong with a character anywhere in an id, or null when it may appear in some form. */
	private static String forbidden(char c) {
		if (c == '/') {
			return "a slash '/'";
		}
		if (c == '\\') {
			return "a backslash '\\'";
		}
		if (Character.isISOControl(c) || Character.getType(c) == Character.FORMAT) {
			return "the control character " + codePoint(c);
		}
		if (Character.isWhitespace(c) || Character.isSpaceChar(c)) {
			return "whitespace " + codePoint(c);
		}
		if (c > 0x7e) {
			return "the non-ASCII character " + codePoint(c);
		}
		return null;
	}

	/** The id as a message shows it: shortened, with invisible characters as {@code \\uXXXX}. */
	private static String shown(String instanceId) {
		StringBuilder text = new StringBuilder();
		JsonFields.abbreviate(instanceId).chars().forEach((c) -> {
			if (c < 0x20 || c > 0x7e) {
				text.append(String.format("\\u%04X", c));
			}
			else {
				text.append((char) c);
			}
		});
		return "'" + text + "'";
	}

	private static String codePoint(char c) {
		return String.format("U+%04X", (int) c);
	}

}
