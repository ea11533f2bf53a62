package io.subwatch.security;

import java.time.Duration;

import org.springframework.security.core.AuthenticationException;

/** A sign-in attempt refused because too many failed before it; the form says how long to wait. */
class LoginThrottledException extends AuthenticationException {

	private final Duration wait;

	LoginThrottledException(Duration wait) {
		super("too many failed sign-ins, wait " + wait.toSeconds() + " s");
		this.wait = wait;
	}

	/** Whole seconds to wait, at least one. */
	long waitSeconds() {
		return seconds(this.wait);
	}

	/** A wait in whole seconds, rounded up, at least one (the form's message and the API's Retry-After). */
	static long seconds(Duration wait) {
		return Math.max(1, (wait.toMillis() + 999) / 1000);
	}

}
