package io.subwatch.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import io.subwatch.system.VisibleText;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;

/**
 * Slows down password guessing per client address and per (client address, name), never per name alone: wrong
 * guesses from one address must not lock the right user (or the right application secret) out everywhere else. A
 * number of failures is free, then every further attempt from that address (or of that name from that address) must
 * wait, twice as long after each failure (see {@link SecuritySettings.Login}). An attempt made too early is refused
 * without checking the credential and without counting as a failure, even when the credential is right: otherwise
 * the throttle would answer "right" at full speed and not slow guessing at all. So a client sharing an address with a
 * guesser (one NAT) waits too, for that name only up to {@code max-delay}; every other address is unaffected.
 * <p>
 * Failures per name alone are still counted ({@code user:<name>}) and every failure is logged: the record of who is
 * being guessed at, not a reason to refuse anyone.
 */
@Component
class LoginThrottle {

	private static final Logger log = LoggerFactory.getLogger(LoginThrottle.class);

	/** One sign-in attempt before its credential is checked: who, from where, and how long it must still wait. */
	record Attempt(String name, String address, Optional<Duration> waitBefore, boolean pairFailedBefore) {
	}

	private final LoginFailureDao failures;

	private final SecuritySettings.Login settings;

	private final Clock clock;

	LoginThrottle(LoginFailureDao failures, SecuritySettings settings, Clock clock) {
		this.failures = failures;
		this.settings = settings.login();
		this.clock = clock;
	}

	/** This attempt, with how long it must still wait (empty when it may go ahead). */
	Attempt check(String name, String address) {
		String pair = pairKey(name, address);
		Instant now = this.clock.instant();
		Duration longest = Duration.ZERO;
		boolean pairFailed = false;
		for (LoginFailureDao.Failures f : this.failures.findAllSince(List.of(pair, addressKey(address)),
				now.minus(this.settings.forgetAfter()))) {
			boolean isPair = f.key().equals(pair);
			pairFailed |= isPair;
			int free = isPair ? this.settings.freeFailuresPerUser() : this.settings.freeFailuresPerAddress();
			Duration remaining = Duration.between(now, f.last().plus(delay(f.count(), free)));
			if (remaining.compareTo(longest) > 0) {
				longest = remaining;
			}
		}
		Optional<Duration> wait = (longest.isZero() || longest.isNegative()) ? Optional.empty() : Optional.of(longest);
		return new Attempt(name, address, wait, pairFailed);
	}

	void failed(Attempt attempt) {
		log.warn("Failed sign-in as \"{}\" from {}", VisibleText.escape(attempt.name()),
				VisibleText.escape(attempt.address()));
		Instant now = this.clock.instant();
		Instant forgetBefore = now.minus(this.settings.forgetAfter());
		for (String key : List.of(pairKey(attempt.name(), attempt.address()), addressKey(attempt.address()),
				nameKey(attempt.name()))) {
			this.failures.increment(key, now, forgetBefore);
		}
		this.failures.purge(forgetBefore);
	}

	/**
	 * The name's failures from this address are forgotten (a statement only when there were some, so a busy API
	 * caller does not pay a write per request); the address's stay, or a guesser could reset them with an account of
	 * their own.
	 */
	void succeeded(Attempt attempt) {
		if (attempt.pairFailedBefore()) {
			this.failures.delete(pairKey(attempt.name(), attempt.address()));
		}
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

	/** Keys fit login_failure.throttle_key (200): address at most 64 characters, name at most 128. */
	private static String pairKey(String name, String address) {
		return "pair:" + abbreviate(String.valueOf(address), 64) + "|" + abbreviate(normalize(name), 128);
	}

	private static String addressKey(String address) {
		return "addr:" + abbreviate(String.valueOf(address), 150);
	}

	private static String nameKey(String name) {
		return "user:" + abbreviate(normalize(name), 150);
	}

	private static String normalize(String name) {
		return name.strip().toLowerCase(Locale.ROOT);
	}

	private static String abbreviate(String text, int max) {
		return (text.length() <= max) ? text : text.substring(0, max);
	}

}
