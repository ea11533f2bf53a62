package io.subwatch.system;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * The BlueKing envelope: {@code {"result", "code", "message", "data"}}. Errors carry the code in the message too,
 * as NodeMan writes it: {@code "task not ready（3800015）"}, and the request's id ({@code request_id}, see
 * {@link RequestIdFilter}), which leads to its log lines.
 */
@JsonPropertyOrder({ "result", "code", "message", "data", "request_id" })
public record ApiResponse(boolean result, int code, String message, Object data,
		@JsonInclude(JsonInclude.Include.NON_NULL) String requestId) {

	public static ApiResponse ok(Object data) {
		return new ApiResponse(true, 0, "success", data, null);
	}

	public static ApiResponse error(ErrorCode code, String message) {
		return new ApiResponse(false, code.code(), message + "（" + code.code() + "）", null, RequestIdFilter.current());
	}

}
