package io.subwatch.security;

import io.subwatch.system.ApiPaths;
import io.subwatch.system.ApiResponse;
import io.subwatch.system.ErrorCode;
import jakarta.servlet.http.HttpServletResponse;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;

/**
 * The answer to a request refused before Spring MVC sees it (by Tomcat's URI checks or Spring Security's firewall):
 * the same security headers as every other answer, the API envelope under API paths, else a small page without
 * scripts or styles. Nothing of the request is echoed.
 */
final class RefusedRequests {

	private final String contentSecurityPolicy;

	private final JsonMapper json;

	RefusedRequests(String contentSecurityPolicy, JsonMapper json) {
		this.contentSecurityPolicy = contentSecurityPolicy;
		this.json = json;
	}

	/** The headers {@link SecurityConfig} writes on every answer, for answers written outside its filter chains. */
	void writeHeaders(HttpServletResponse response, boolean secure) {
		response.setHeader("Content-Security-Policy", this.contentSecurityPolicy);
		response.setHeader("X-Frame-Options", "DENY");
		response.setHeader("X-Content-Type-Options", "nosniff");
		response.setHeader("Referrer-Policy", "same-origin");
		response.setHeader("Cache-Control", "no-store");
		if (secure) {
			response.setHeader("Strict-Transport-Security", "max-age=31536000 ; includeSubDomains");
		}
	}

	/** A body for the status, by the path the client asked for (raw, as it may not even decode). */
	Body body(String rawPath, int status) {
		if (rawPath != null && ApiPaths.matches(rawPath)) {
			ErrorCode code = (status >= 500) ? ErrorCode.UNEXPECTED : ErrorCode.VALIDATION;
			return new Body(MediaType.APPLICATION_JSON_VALUE, this.json.writeValueAsString(ApiResponse.error(code,
					"HTTP " + status + ": the request was refused before it reached the API; its path or headers are "
							+ "not valid (an encoded '/', a '\\' or a NUL in the path, for example)")));
		}
		String title = "Error " + status;
		HttpStatus known = HttpStatus.resolve(status);
		String reason = (known != null) ? known.getReasonPhrase() : "";
		return new Body(MediaType.TEXT_HTML_VALUE, "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
				+ "<title>" + title + "</title></head><body><main><h1>" + title + " " + reason + "</h1>"
				+ "<p>This address is not valid. Check the link, or start again from <a href=\"/\">the list of "
				+ "subscriptions</a>.</p></main></body></html>\n");
	}

	/** A response body and its content type (UTF-8). */
	record Body(String contentType, String text) {
	}

}
