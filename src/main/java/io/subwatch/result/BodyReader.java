package io.subwatch.result;

import java.io.IOException;
import java.io.InputStream;

import io.subwatch.system.ApiException;
import jakarta.servlet.http.HttpServletRequest;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Reads an optional JSON body: none for GET or an empty POST, an error naming the problem when it is not JSON. */
final class BodyReader {

	private BodyReader() {
	}

	static JsonNode read(HttpServletRequest request, JsonMapper json) {
		if (!"POST".equals(request.getMethod())) {
			return null;
		}
		String contentType = request.getContentType();
		if (contentType != null && contentType.startsWith("application/x-www-form-urlencoded")) {
			return null;
		}
		try (InputStream in = request.getInputStream()) {
			byte[] bytes = in.readAllBytes();
			if (bytes.length == 0 || new String(bytes, 0, Math.min(bytes.length, 64)).isBlank()) {
				return null;
			}
			JsonNode node = json.readTree(bytes);
			if (!node.isObject()) {
				throw ApiException.invalid("the request body must be a JSON object");
			}
			return node;
		}
		catch (JacksonException ex) {
			throw ApiException.invalid("the request body is not valid JSON: " + ex.getOriginalMessage());
		}
		catch (IOException ex) {
			throw ApiException.invalid("the request body could not be read");
		}
	}

}
