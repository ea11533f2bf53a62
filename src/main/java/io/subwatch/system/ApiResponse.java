package io.subwatch.system;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * The BlueKing envelope: {@code {"result", "code", "message", "data"}}. Errors carry the code in the message too,
 * as NodeMan writes it: {@code "task not ready（3800015）"}.
 */
@JsonPropertyOrder({ "result", "code", "message", "data" })
public record ApiResponse(boolean result, int code, String message, Object data) {

	public static ApiResponse ok(Object data) {
		return new ApiResponse(true, 0, "success", data);
	}

	public static ApiResponse error(ErrorCode code, String message) {
		return new ApiResponse(false, code.code(), message + "（" + code.code() + "）", null);
	}

}
