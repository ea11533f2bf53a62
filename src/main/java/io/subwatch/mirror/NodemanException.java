package io.subwatch.mirror;

/**
 * A source that could not be read: unreachable, refusing the credentials, or answering something that is not the
 * NodeMan envelope. {@code code} is the source's error code when it answered {@code result: false}, else 0.
 */
class NodemanException extends RuntimeException {

	private final int code;

	NodemanException(int code, String message) {
		super(message);
		this.code = code;
	}

	NodemanException(String message, Throwable cause) {
		super(message, cause);
		this.code = 0;
	}

	int code() {
		return this.code;
	}

}
