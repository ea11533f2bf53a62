package io.subwatch.system;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.autoconfigure.web.ErrorProperties;
import org.springframework.boot.webmvc.autoconfigure.error.BasicErrorController;
import org.springframework.boot.webmvc.autoconfigure.error.ErrorViewResolver;
import org.springframework.boot.webmvc.error.ErrorAttributes;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.context.request.ServletWebRequest;
import org.springframework.web.servlet.ModelAndView;

/**
 * Spring Boot's error controller ({@code /error}, where the container forwards a request that ended in an error), with
 * two changes: an error of an API request answers the API envelope whatever the client accepts (not Boot's
 * {@code {"timestamp", "status"}} JSON), and {@code /error} asked for directly is a page that does not exist (404),
 * not an error page with status 999.
 */
class ErrorPages extends BasicErrorController {

	private final JsonMapper json;

	private final ErrorAttributes attributes;

	ErrorPages(ErrorAttributes attributes, ErrorProperties properties, List<ErrorViewResolver> resolvers,
			JsonMapper json) {
		super(attributes, properties, resolvers);
		this.json = json;
		this.attributes = attributes;
	}

	/**
	 * The status the container reports, except that a failure to reach the database (thrown by a filter, say while
	 * reading the session) is a 503: the friendly "try again in a moment" page (error/503), the API's 3800502.
	 */
	@Override
	protected HttpStatus getStatus(HttpServletRequest request) {
		HttpStatus status = super.getStatus(request);
		if (status == HttpStatus.INTERNAL_SERVER_ERROR && databaseOutage(request)) {
			return HttpStatus.SERVICE_UNAVAILABLE;
		}
		return status;
	}

	private boolean databaseOutage(HttpServletRequest request) {
		Throwable error = this.attributes.getError(new ServletWebRequest(request));
		if (error == null && request.getAttribute(RequestDispatcher.ERROR_EXCEPTION) instanceof Throwable thrown) {
			error = thrown;
		}
		return error != null && DatabaseOutage.is(error);
	}

	@Override
	public ModelAndView errorHtml(HttpServletRequest request, HttpServletResponse response) {
		if (askedDirectly(request)) {
			response.setStatus(HttpStatus.NOT_FOUND.value());
			return new ModelAndView("error/404", Map.of("status", 404), HttpStatus.NOT_FOUND);
		}
		if (fromApi(request)) {
			writeEnvelope(request, response);
			return null;
		}
		return super.errorHtml(request, response);
	}

	@Override
	public ResponseEntity<Map<String, Object>> error(HttpServletRequest request) {
		if (askedDirectly(request)) {
			return ResponseEntity.status(HttpStatus.NOT_FOUND)
				.body(Map.of("status", 404, "error", "Not Found", "path", "/error"));
		}
		if (fromApi(request)) {
			// content negotiation answers JSON for errors of API requests (ApiJsonConfig), whatever they accept
			ApiResponse envelope = envelope(request);
			Map<String, Object> body = new LinkedHashMap<>();
			body.put("result", envelope.result());
			body.put("code", envelope.code());
			body.put("message", envelope.message());
			body.put("data", null);
			if (envelope.requestId() != null) {
				body.put("request_id", envelope.requestId());
			}
			return ResponseEntity.status(getStatus(request)).body(body);
		}
		return super.error(request);
	}

	private static boolean askedDirectly(HttpServletRequest request) {
		return request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE) == null;
	}

	private static boolean fromApi(HttpServletRequest request) {
		return ApiPaths.matches((String) request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI));
	}

	private void writeEnvelope(HttpServletRequest request, HttpServletResponse response) {
		try {
			response.setStatus(getStatus(request).value());
			response.setContentType(MediaType.APPLICATION_JSON_VALUE);
			response.setCharacterEncoding("UTF-8");
			this.json.writeValue(response.getOutputStream(), envelope(request));
		}
		catch (IOException ex) {
			// the client is gone
		}
	}

	private ApiResponse envelope(HttpServletRequest request) {
		HttpStatus status = getStatus(request);
		if (status == HttpStatus.SERVICE_UNAVAILABLE && databaseOutage(request)) {
			return ApiResponse.error(ErrorCode.DATABASE_UNAVAILABLE, DatabaseOutage.message());
		}
		ErrorCode code = switch (status) {
			case UNAUTHORIZED -> ErrorCode.UNAUTHENTICATED;
			case FORBIDDEN -> ErrorCode.FORBIDDEN;
			default -> status.is5xxServerError() ? ErrorCode.UNEXPECTED : ErrorCode.VALIDATION;
		};
		String uri = (String) request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
		return ApiResponse.error(code, "HTTP " + status.value() + " " + status.getReasonPhrase() + " for "
				+ JsonFields.abbreviate(String.valueOf(uri)) + "; see docs/api.md for paths, methods and bodies");
	}

}
