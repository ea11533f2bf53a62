package io.subwatch.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.springframework.stereotype.Component;

/**
 * Slows down password guessing, per user name and per client address: a number of failures is free, then every
 * further attempt must wait, twice as long after each failure (see {@link SecuritySettings.Login}). An attempt made
 * too early is refused without checking the password and without counting as a failure.
 */
@Component
class LoginThrottle {

	private final LoginFailureDao failures;

	private final SecuritySettings.Login settings;

	private final Clock clock;

	LoginThrottle(LoginFailureDao failures, SecuritySettings settings, Clock clock) {
		this.failures = failures;
		this.settings = settings.login();
		this.clock = clock;
	}

	/** How long this sign-in attempt must still wait; empty when it may go ahead. */
	Optional<Duration> waitBefore(String username, String address) {
		Instant now = this.clock.instant();
		Duration longest = Duration.ZERO;
		for (LoginFailureDao.Failures f : this.failures.findAllSince(keys(username, address),
				now.minus(this.settings.forgetAfter()))) {
			int free = f.key().startsWith("user:") ? this.settings.freeFailuresPerUser()
					: this.settings.freeFailuresPerAddress();
			Duration remaining = Duration.between(now, f.last().plus(delay(f.count(), free)));
			if (remaining.compareTo(longest) > 0) {
				longest = remaining;
			}
		}
		return (longest.isZero() || longest.isNegative()) ? Optional.empty() : Optional.of(longest);
	}

	void failed(String username, String address) {
		Instant now = this.clock.instant();
		Instant forgetBefore = now.minus(this.settings.forgetAfter());
		for (String key : keys(username, address)) {
			this.failures.increment(key, now, forgetBefore);
		}
		this.failures.purge(forgetBefore);
	}

	void succeeded(String username) {
		this.failures.delete(userKey(username));
	}

	/** The wait after {@code count} failures when {@code free} of them cost nothing. */
	Duration delay(int count, int free) {
		if (count < free) {
			return Duration.ZERO;
		}
		int doublings = Math.min(count - free, 30);
		Duration delay = this.settings.firstDelay().multipliedBy(1L << doublings);
		return (delay.compareTo(this.settings.maxDelay()) > 0) ? this.settings.maxDelay() : delay;
	}

	private static List<String> keys(String username, String address) {
		return List.of(userKey(username), "addr:" + abbreviate(String.valueOf(address)));
	}

	private static String userKey(String username) {
		return "user:" + abbreviate(username.strip().toLowerCase(Locale.ROOT));
	}

	private static String abbreviate(String text) {
		return (text.length() <= 150) ? text : text.substring(0, 150);
	}

}
