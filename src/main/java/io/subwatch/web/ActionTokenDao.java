package io.subwatch.web;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import io.subwatch.subscription.DbTime;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Which confirmation tokens were submitted, in the database: each statement commits on its own, so a claim is seen
 * at once by every request on every node (the session, where {@link ActionTokens} keeps what a submit led to, is
 * written only when its request ends).
 */
@Repository
class ActionTokenDao {

	/** How long a claim is kept: a confirmation page older than that is not resubmitted in practice. */
	static final Duration KEPT = Duration.ofDays(1);

	/** Longer tokens are not ours (ours are UUIDs): they are never recorded. */
	static final int MAX_LENGTH = 64;

	private final JdbcClient jdbc;

	private final Clock clock;

	ActionTokenDao(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/** Claims the token: true for its first submit, false when it was claimed before (here or on another node). */
	boolean claim(String token) {
		if (token.length() > MAX_LENGTH) {
			return true;
		}
		Instant now = this.clock.instant();
		this.jdbc.sql("DELETE FROM action_token WHERE claimed_at < :before")
			.param("before", DbTime.toDb(now.minus(KEPT)))
			.update();
		try {
			this.jdbc.sql("INSERT INTO action_token (token, claimed_at) VALUES (:token, :now)")
				.param("token", token)
				.param("now", DbTime.toDb(now))
				.update();
			return true;
		}
		catch (DuplicateKeyException ex) {
			return false;
		}
	}

}
