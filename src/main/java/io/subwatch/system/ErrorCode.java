package io.subwatch.system;

/** The error codes of the task_result family, as NodeMan numbers them (spec section 7). */
public enum ErrorCode {

	VALIDATION(3800001), TASK_NOT_EXIST(3800003), RECORD_NOT_EXIST(3800007), TASK_CREATION_FAILED(3800014),
	TASK_NOT_READY(3800015), NOTHING_TO_REVOKE(3800016), UNAUTHENTICATED(3800401), FORBIDDEN(3800403),
	METHOD_NOT_ALLOWED(3800405), BUSY(3800503), UNEXPECTED(3800500),
	/** The database cannot be reached (HTTP 503): retry later, nothing is known to have changed. */
	DATABASE_UNAVAILABLE(3800502),
	/** A NodeMan endpoint that manages subscriptions: subwatch only reports results (like HTTP 501). */
	NOT_SUPPORTED(3800501);

	private final int code;

	ErrorCode(int code) {
		this.code = code;
	}

	public int code() {
		return this.code;
	}

}
