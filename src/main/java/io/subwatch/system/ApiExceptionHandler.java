package io.subwatch.system;

import java.util.Objects;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import jakarta.servlet.http.HttpServletResponse;
import tools.jackson.core.JacksonException;

import org.springframework.core.annotation.Order;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.web.firewall.RequestRejectedException;
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
		Throwable cause = ex.getMostSpecificCause();
		String why = (cause instanceof JacksonException json) ? json.getOriginalMessage() : "it is missing or unreadable";
		return respond(ErrorCode.VALIDATION, "the request body must be a JSON object: " + JsonFields.abbreviate(why));
	}

	@ExceptionHandler(MethodArgumentTypeMismatchException.class)
	ResponseEntity<ApiResponse> mismatch(MethodArgumentTypeMismatchException ex) {
		return respond(ErrorCode.VALIDATION, apiName(ex.getName()) + " must be " + describe(ex.getRequiredType())
				+ ", got " + JsonFields.abbreviate(String.valueOf(ex.getValue())));
	}

	/** The API's name of a handler parameter: {@code subscriptionId} is {@code subscription_id (in the path)}. */
	private static String apiName(String parameter) {
		return switch (parameter) {
			case "subscriptionId" -> "subscription_id (in the path)";
			case "taskId" -> "task_id (in the path)";
			default -> parameter;
		};
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
		return respond(ErrorCode.METHOD_NOT_ALLOWED, "method " + ex.getMethod() + " is not allowed here"
				+ ((ex.getSupportedMethods() != null) ? "; use " + String.join(" or ", ex.getSupportedMethods()) : ""));
	}

	/**
	 * Parameter names or values that Spring Security's firewall refuses (control characters, invalid UTF-8), found
	 * when a handler first reads the parameters of a form-encoded body: a bad request, as when the firewall refuses
	 * the request at the door (nothing of it is echoed).
	 */
	@ExceptionHandler(RequestRejectedException.class)
	ResponseEntity<ApiResponse> rejected(RequestRejectedException ex) {
		return ResponseEntity.status(HttpStatus.BAD_REQUEST)
			.body(ApiResponse.error(ErrorCode.VALIDATION, "the request's parameters are not valid: a name or value has "
					+ "control characters or is not UTF-8; send a JSON body"));
	}

	/** Lock waits that outlasted their retries: nothing was changed, the caller should send the request again. */
	@ExceptionHandler({ PessimisticLockingFailureException.class, QueryTimeoutException.class })
	ResponseEntity<ApiResponse> busy(RuntimeException ex) {
		log.warn("API request gave up waiting for a lock: {}", ex.getMessage());
		return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
			.header("Retry-After", "1")
			.body(ApiResponse.error(ErrorCode.BUSY,
					"busy: another request is changing the same records; nothing was changed, retry in a moment"));
	}

	@ExceptionHandler(Exception.class)
	ResponseEntity<ApiResponse> unexpected(Exception ex, HttpServletResponse response) {
		if (DatabaseOutage.is(ex) && !response.isCommitted()) {
			log.warn("API request failed, the database cannot be reached: {}", ex.getMessage());
			return unavailable();
		}
		String requestId = Objects.requireNonNullElseGet(RequestIdFilter.current(), () -> UUID.randomUUID().toString());
		log.error("Unexpected API error, request id {}", requestId, ex);
		if (response.isCommitted()) {
			// A streamed answer broke off midway: the client sees truncated JSON, not a second envelope glued on.
			return null;
		}
		return respond(ErrorCode.UNEXPECTED, "unexpected error, request id " + requestId);
	}

	/** The database is down (or failing over): HTTP 503 with a code clients can retry on. */
	static ResponseEntity<ApiResponse> unavailable() {
		return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
			.header("Retry-After", "5")
			.body(ApiResponse.error(ErrorCode.DATABASE_UNAVAILABLE, DatabaseOutage.message()));
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

}
