package io.subwatch.security;

/** Form input the admin and share-link pages refuse, with the message to show (see {@link Notice}). */
public class RejectedInput extends RuntimeException {

	private final Notice notice;

	public RejectedInput(String code, Object... args) {
		super(code);
		this.notice = Notice.refused(code, args);
	}

	public Notice notice() {
		return this.notice;
	}

	/** A refused value as quoted in the message: at most 40 characters, so a pasted page cannot flood it. */
	public static String abbreviate(String text) {
		return (text.length() <= 40) ? text : text.substring(0, 37) + "...";
	}

}
