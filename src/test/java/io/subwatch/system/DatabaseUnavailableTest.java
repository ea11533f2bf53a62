package io.subwatch.system;

import java.sql.SQLException;

import org.junit.jupiter.api.Test;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.transaction.TransactionSystemException;

import static org.assertj.core.api.Assertions.assertThat;

/** Which failures mean "the database is unreachable for now" (503, send again) rather than a bug (500). */
class DatabaseUnavailableTest {

	@Test
	void noConnectionFromThePoolIsUnavailable() {
		assertThat(DatabaseUnavailable.in(new CannotGetJdbcConnectionException("Failed to obtain JDBC Connection")))
			.isTrue();
	}

	@Test
	void aRollbackThatFailedOnAClosedConnectionIsUnavailable() {
		// what JdbcTransactionManager throws when the commit failed and then the rollback too (Galera node killed)
		TransactionSystemException rollback = new TransactionSystemException("JDBC rollback failed",
				new SQLException("Connection is closed", "08003"));
		assertThat(DatabaseUnavailable.in(new IllegalStateException("template rendering", rollback))).isTrue();
	}

	@Test
	void theCommitFailureKeptBesideAFailedRollbackCounts() {
		TransactionSystemException rollback = new TransactionSystemException("JDBC rollback failed");
		rollback.initApplicationException(new SQLException("Deadlock found when trying to get lock", "40001", 1213));
		assertThat(DatabaseUnavailable.in(rollback)).isTrue();
	}

	@Test
	void bugsAndBadDataAreNot() {
		assertThat(DatabaseUnavailable.in(new IllegalStateException("a bug"))).isFalse();
		assertThat(DatabaseUnavailable.in(new DataIntegrityViolationException("duplicate key"))).isFalse();
		assertThat(DatabaseUnavailable.in(new SQLException("syntax error", "42000", 1064))).isFalse();
	}

}
