package io.subwatch.security;

/** Form input the admin and share-link pages refuse, with the message to show (see {@link Notice}). */
class RejectedInput extends RuntimeException {

	private final Notice notice;

	RejectedInput(String code, Object... args) {
		super(code);
		this.notice = Notice.refused(code, args);
	}

	Notice notice() {
		return this.notice;
	}

}
