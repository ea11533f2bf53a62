package io.subwatch.system;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Answers API requests that no endpoint takes (a wrong path, or a method the path does not support) with the API's
 * envelope instead of an error page. Every real endpoint's mapping is more specific than these patterns, so it wins.
 */
@RestController
class UnknownApiController {

	@RequestMapping({ "/api/**", "/backend/**", "/system/backend/**", "/v2/nodeman/**" })
	ResponseEntity<ApiResponse> unknown(HttpServletRequest request) {
		return ResponseEntity.status(HttpStatus.NOT_FOUND)
			.body(ApiResponse.error(ErrorCode.VALIDATION, "no API endpoint answers " + request.getMethod() + " "
					+ JsonFields.abbreviate(request.getRequestURI()) + "; see docs/api.md for paths and methods"));
	}

}
