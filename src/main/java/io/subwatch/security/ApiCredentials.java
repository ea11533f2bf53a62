package io.subwatch.security;

import java.io.IOException;
import java.io.InputStream;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

import jakarta.servlet.http.HttpServletRequest;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The BlueKing common arguments of an API request, from the header {@code X-Bkapi-Authorization} (a JSON object),
 * else the query string (or form), else the top level of a JSON body. Each argument is taken from the first place
 * that has it.
 *
 * @param appCode {@code bk_app_code}
 * @param appSecret {@code bk_app_secret}
 * @param username {@code bk_username}, the person the application acts for (may be null)
 */
record ApiCredentials(String appCode, String appSecret, String username) {

	static final String HEADER = "X-Bkapi-Authorization";

	private static final Set<String> NAMES = Set.of("bk_app_code", "bk_app_secret", "bk_username");

	private static final int MAX_HEADER = 4096;

	/** Credentials that cannot be read: the answer is 401 with this message. */
	static class Unreadable extends Exception {

		Unreadable(String message) {
			super(message);
		}

	}

	/** The body is larger than we search for credentials. */
	static class BodyTooLarge extends Exception {

		BodyTooLarge(String message) {
			super(message);
		}

	}

	/** What was found, and the request to pass on (re-readable when its body was read). */
	record Found(ApiCredentials credentials, HttpServletRequest request) {
	}

	boolean complete() {
		return this.appCode != null && this.appSecret != null;
	}

	static Found find(HttpServletRequest request, JsonMapper json, long bodyLimit)
			throws Unreadable, BodyTooLarge, IOException {
		Map<String, String> found = new HashMap<>();
		fromHeader(request.getHeader(HEADER), json, found);
		for (String name : NAMES) {
			String value = request.getParameter(name);
			if (value != null && !value.isBlank()) {
				found.putIfAbsent(name, value);
			}
		}
		HttpServletRequest forward = request;
		if (!(found.containsKey("bk_app_code") && found.containsKey("bk_app_secret")) && hasJsonBody(request)) {
			byte[] body = readBody(request, bodyLimit);
			fromBody(body, json, found);
			forward = new CachedBodyRequest(request, body);
		}
		return new Found(new ApiCredentials(found.get("bk_app_code"), found.get("bk_app_secret"),
				found.get("bk_username")), forward);
	}

	private static void fromHeader(String header, JsonMapper json, Map<String, String> found) throws Unreadable {
		if (header == null || header.isBlank()) {
			return;
		}
		JsonNode node;
		try {
			node = (header.length() <= MAX_HEADER) ? json.readTree(header) : null;
		}
		catch (JacksonException ex) {
			node = null;
		}
		if (node == null || !node.isObject()) {
			throw new Unreadable(HEADER + " must be a JSON object of at most " + MAX_HEADER + " characters, such as "
					+ "{\"bk_app_code\": \"...\", \"bk_app_secret\": \"...\"}");
		}
		for (String name : NAMES) {
			JsonNode value = node.get(name);
			if (value != null && value.isString() && !value.asString().isBlank()) {
				found.put(name, value.asString());
			}
		}
	}

	private static boolean hasJsonBody(HttpServletRequest request) {
		String method = request.getMethod();
		if (!"POST".equals(method) && !"PUT".equals(method) && !"PATCH".equals(method)) {
			return false;
		}
		String type = request.getContentType();
		return type == null || !(type.startsWith("application/x-www-form-urlencoded")
				|| type.startsWith("multipart/"));
	}

	private static byte[] readBody(HttpServletRequest request, long limit) throws BodyTooLarge, IOException {
		if (request.getContentLengthLong() > limit) {
			throw new BodyTooLarge("the request body is larger than " + limit + " bytes; send bk_app_code and "
					+ "bk_app_secret in the " + HEADER + " header");
		}
		try (InputStream in = request.getInputStream()) {
			byte[] body = in.readNBytes((int) Math.min(limit + 1, Integer.MAX_VALUE - 8));
			if (body.length > limit) {
				throw new BodyTooLarge("the request body is larger than " + limit + " bytes; send bk_app_code and "
						+ "bk_app_secret in the " + HEADER + " header");
			}
			return body;
		}
	}

	/** Top-level string fields of a JSON object body, read as a stream (the body itself is not built as a tree). */
	private static void fromBody(byte[] body, JsonMapper json, Map<String, String> found) {
		if (body.length == 0) {
			return;
		}
		try (JsonParser parser = json.createParser(body)) {
			if (parser.nextToken() != JsonToken.START_OBJECT) {
				return;
			}
			JsonToken token;
			while ((token = parser.nextToken()) == JsonToken.PROPERTY_NAME) {
				String name = parser.currentName();
				JsonToken value = parser.nextToken();
				if (value == JsonToken.VALUE_STRING && NAMES.contains(name)) {
					String text = parser.getString();
					if (!text.isBlank()) {
						found.putIfAbsent(name, text);
					}
				}
				else {
					parser.skipChildren();
				}
			}
		}
		catch (JacksonException ex) {
			// not JSON: no credentials in it; the controller reports the bad body once authenticated
		}
	}

}
