package io.subwatch.security;

import java.io.IOException;

import io.subwatch.system.ApiResponse;
import io.subwatch.system.ErrorCode;
import jakarta.servlet.http.HttpServletResponse;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;

/**
 * Authentication failures of the API in the BlueKing envelope: 401 (code 3800401) without valid credentials, 403
 * (code 3800403) for an application that may not write.
 */
class ApiErrors {

	static final String CREDENTIALS_HINT = "send bk_app_code and bk_app_secret in the JSON body, the query string "
			+ "or the X-Bkapi-Authorization header";

	private final JsonMapper json;

	ApiErrors(JsonMapper json) {
		this.json = json;
	}

	void write(HttpServletResponse response, HttpStatus status, ErrorCode code, String message) throws IOException {
		response.setStatus(status.value());
		response.setContentType(MediaType.APPLICATION_JSON_VALUE);
		response.setCharacterEncoding("UTF-8");
		response.getOutputStream().write(this.json.writeValueAsBytes(ApiResponse.error(code, message)));
	}

	AuthenticationEntryPoint entryPoint() {
		return (request, response, ex) -> write(response, HttpStatus.UNAUTHORIZED, ErrorCode.UNAUTHENTICATED,
				"authentication required: " + CREDENTIALS_HINT);
	}

	AccessDeniedHandler accessDenied() {
		return (request, response, ex) -> write(response, HttpStatus.FORBIDDEN,
				ErrorCode.FORBIDDEN, "this application is not granted to write (report, retry or revoke)");
	}

}
