package io.subwatch.security;

import java.time.Instant;
import java.util.Collection;
import java.util.List;

import io.subwatch.subscription.DbTime;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Counts of failed sign-ins per throttle key ({@code user:<name>}, {@code addr:<ip>}). */
@Repository
class LoginFailureDao {

	/** The failures of one key and when the last one happened. */
	record Failures(String key, int count, Instant last) {
	}

	private final JdbcClient jdbc;

	LoginFailureDao(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** The failures of these keys that happened after {@code since}. */
	List<Failures> findAllSince(Collection<String> keys, Instant since) {
		return this.jdbc.sql("""
				SELECT throttle_key, failures, last_failure_at FROM login_failure
				WHERE throttle_key IN (:keys) AND last_failure_at >= :since ORDER BY throttle_key
				""")
			.param("keys", keys)
			.param("since", DbTime.toDb(since))
			.query((rs, n) -> new Failures(rs.getString(1), rs.getInt(2), DbTime.read(rs, 3)))
			.list();
	}

	/** One more failure; a count whose last failure is older than {@code forgetBefore} starts again at one. */
	void increment(String key, Instant now, Instant forgetBefore) {
		if (update(key, now, forgetBefore) > 0) {
			return;
		}
		try {
			this.jdbc.sql("""
					INSERT INTO login_failure (throttle_key, failures, last_failure_at) VALUES (:key, 1, :now)
					""").param("key", key).param("now", DbTime.toDb(now)).update();
		}
		catch (DuplicateKeyException ex) {
			// a concurrent failure of the same key inserted it first
			update(key, now, forgetBefore);
		}
	}

	void delete(String key) {
		this.jdbc.sql("DELETE FROM login_failure WHERE throttle_key = :key").param("key", key).update();
	}

	/** Drops forgotten failures, so guessed user names do not pile up. */
	int purge(Instant forgetBefore) {
		return this.jdbc.sql("DELETE FROM login_failure WHERE last_failure_at < :before")
			.param("before", DbTime.toDb(forgetBefore))
			.update();
	}

	private int update(String key, Instant now, Instant forgetBefore) {
		return this.jdbc.sql("""
				UPDATE login_failure
				SET failures = CASE WHEN last_failure_at < :forgetBefore THEN 1 ELSE failures + 1 END,
				    last_failure_at = :now
				WHERE throttle_key = :key
				""")
			.param("forgetBefore", DbTime.toDb(forgetBefore))
			.param("now", DbTime.toDb(now))
			.param("key", key)
			.update();
	}

}
