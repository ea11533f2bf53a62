package io.subwatch.system;

/** A request the API refuses, with its code and a message that names the field or id at fault. */
public class ApiException extends RuntimeException {

	private final ErrorCode errorCode;

	public ApiException(ErrorCode errorCode, String message) {
		super(message);
		this.errorCode = errorCode;
	}

	public static ApiException invalid(String message) {
		return new ApiException(ErrorCode.VALIDATION, message);
	}

	public ErrorCode errorCode() {
		return this.errorCode;
	}

}
