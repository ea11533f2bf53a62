package io.subwatch.system;

import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

/**
 * Every API failure as the BlueKing envelope with HTTP 200 (401/403 for authentication), as NodeMan answers: never a
 * stack trace, and an unexpected error carries a request id that is also in the log.
 */
@RestControllerAdvice(annotations = RestController.class)
@Order(0)
class ApiExceptionHandler {

	private static final Logger log = LoggerFactory.getLogger(ApiExceptionHandler.class);

	@ExceptionHandler(ApiException.class)
	ResponseEntity<ApiResponse> refused(ApiException ex) {
		return respond(ex.errorCode(), ex.getMessage());
	}

	@ExceptionHandler(HttpMessageNotReadableException.class)
	ResponseEntity<ApiResponse> unreadable(HttpMessageNotReadableException ex) {
		return respond(ErrorCode.VALIDATION, "the request body must be a JSON object: " + rootMessage(ex));
	}

	@ExceptionHandler(MethodArgumentTypeMismatchException.class)
	ResponseEntity<ApiResponse> mismatch(MethodArgumentTypeMismatchException ex) {
		return respond(ErrorCode.VALIDATION, ex.getName() + " must be " + describe(ex.getRequiredType()) + ", got "
				+ JsonFields.abbreviate(String.valueOf(ex.getValue())));
	}

	@ExceptionHandler(MissingServletRequestParameterException.class)
	ResponseEntity<ApiResponse> missing(MissingServletRequestParameterException ex) {
		return respond(ErrorCode.VALIDATION, ex.getParameterName() + " is required");
	}

	@ExceptionHandler(HttpMediaTypeNotSupportedException.class)
	ResponseEntity<ApiResponse> mediaType(HttpMediaTypeNotSupportedException ex) {
		return respond(ErrorCode.VALIDATION, "send the body as application/json, got " + ex.getContentType());
	}

	@ExceptionHandler(HttpRequestMethodNotSupportedException.class)
	ResponseEntity<ApiResponse> method(HttpRequestMethodNotSupportedException ex) {
		return ResponseEntity.status(HttpStatus.METHOD_NOT_ALLOWED)
			.body(ApiResponse.error(ErrorCode.VALIDATION, "method " + ex.getMethod() + " is not supported here"));
	}

	@ExceptionHandler(Exception.class)
	ResponseEntity<ApiResponse> unexpected(Exception ex) {
		String requestId = UUID.randomUUID().toString();
		log.error("Unexpected API error, request id {}", requestId, ex);
		return respond(ErrorCode.UNEXPECTED, "unexpected error, request id " + requestId);
	}

	static ResponseEntity<ApiResponse> respond(ErrorCode code, String message) {
		HttpStatus status = switch (code) {
			case UNAUTHENTICATED -> HttpStatus.UNAUTHORIZED;
			case FORBIDDEN -> HttpStatus.FORBIDDEN;
			default -> HttpStatus.OK;
		};
		return ResponseEntity.status(status).body(ApiResponse.error(code, message));
	}

	private static String describe(Class<?> type) {
		if (type == null) {
			return "valid";
		}
		return switch (type.getSimpleName()) {
			case "long", "Long", "int", "Integer" -> "an integer";
			case "boolean", "Boolean" -> "true or false";
			default -> "a " + type.getSimpleName();
		};
	}

	private static String rootMessage(Throwable ex) {
		Throwable root = ex;
		while (root.getCause() != null && root.getCause() != root) {
			root = root.getCause();
		}
		String message = String.valueOf(root.getMessage());
		int newline = message.indexOf('\n');
		return JsonFields.abbreviate((newline > 0) ? message.substring(0, newline) : message);
	}

}
