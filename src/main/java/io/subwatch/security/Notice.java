package io.subwatch.security;

import java.io.Serializable;

/**
 * A message for the next page, as a message key and its arguments (so it is shown in the reader's language), carried
 * as a flash attribute across the redirect after a form post.
 *
 * @param error whether it reports a refusal rather than a success
 */
public record Notice(String code, Object[] args, boolean error) implements Serializable {

	public static final String ATTRIBUTE = "notice";

	public static Notice done(String code, Object... args) {
		return new Notice(code, args, false);
	}

	static Notice refused(String code, Object... args) {
		return new Notice(code, args, true);
	}

}
