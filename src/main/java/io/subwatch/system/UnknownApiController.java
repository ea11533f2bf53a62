package io.subwatch.system;

import java.util.Set;
import java.util.TreeSet;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.condition.PathPatternsRequestCondition;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Answers API requests that no endpoint takes with the API's envelope instead of an error page: a path that some
 * endpoint answers with other methods gets 3800405 (spec section 7, HTTP 200 as for every API error, e.g. GET on
 * retry), an unknown path a 404. Every real endpoint's mapping is more specific than these patterns, so it wins.
 */
@RestController
class UnknownApiController {

	private final RequestMappingHandlerMapping mappings;

	UnknownApiController(@Qualifier("requestMappingHandlerMapping") RequestMappingHandlerMapping mappings) {
		this.mappings = mappings;
	}

	@RequestMapping({ "/api/**", "/backend/**", "/system/backend/**", "/v2/nodeman/**" })
	ResponseEntity<ApiResponse> unknown(HttpServletRequest request) {
		Set<String> allowed = allowedMethods(request);
		if (!allowed.isEmpty()) {
			return ResponseEntity.ok()
				.header("Allow", String.join(", ", allowed))
				.body(ApiResponse.error(ErrorCode.METHOD_NOT_ALLOWED, "method " + request.getMethod()
						+ " is not allowed on " + JsonFields.abbreviate(request.getRequestURI()) + "; use "
						+ String.join(" or ", allowed)));
		}
		return ResponseEntity.status(HttpStatus.NOT_FOUND)
			.body(ApiResponse.error(ErrorCode.VALIDATION, "no API endpoint answers " + request.getMethod() + " "
					+ JsonFields.abbreviate(request.getRequestURI()) + "; see docs/api.md for paths and methods"));
	}

	/** The methods of the other endpoints whose paths match this request's (none for an unknown path). */
	private Set<String> allowedMethods(HttpServletRequest request) {
		Set<String> allowed = new TreeSet<>();
		this.mappings.getHandlerMethods().forEach((info, handler) -> {
			if (handler.getBeanType() != UnknownApiController.class && matchesPath(info, request)) {
				info.getMethodsCondition().getMethods().forEach((method) -> allowed.add(method.name()));
			}
		});
		return allowed;
	}

	private static boolean matchesPath(RequestMappingInfo info, HttpServletRequest request) {
		PathPatternsRequestCondition paths = info.getPathPatternsCondition();
		return paths != null && paths.getMatchingCondition(request) != null;
	}

}
