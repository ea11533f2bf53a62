package io.subwatch.web;

/** A page request with a parameter that makes no sense (an unknown status, a page size not offered). */
class BadPageRequestException extends RuntimeException {

	private final String messageKey;

	private final Object[] args;

	BadPageRequestException(String messageKey, Object... args) {
		super(messageKey);
		this.messageKey = messageKey;
		this.args = args;
	}

	String messageKey() {
		return this.messageKey;
	}

	Object[] args() {
		return this.args;
	}

}
