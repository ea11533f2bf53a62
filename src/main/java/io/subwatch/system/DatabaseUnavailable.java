package io.subwatch.system;

import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientConnectionException;

import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.RecoverableDataAccessException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;

/**
 * Whether a failure means the database could not be reached or gave up for now (a connection lost when a Galera node
 * died, no connection within the pool's timeout, a lock or certification conflict), as opposed to a bug: the request
 * may succeed when sent again, so it answers 503, never 500.
 */
public final class DatabaseUnavailable {

	private DatabaseUnavailable() {
	}

	public static boolean in(Throwable failure) {
		for (Throwable cause = failure; cause != null; cause = (cause.getCause() == cause) ? null : cause.getCause()) {
			if (cause instanceof DataAccessResourceFailureException || cause instanceof TransientDataAccessException
					|| cause instanceof RecoverableDataAccessException
					|| cause instanceof CannotCreateTransactionException
					|| cause instanceof SQLTransientConnectionException || cause instanceof SQLRecoverableException
					|| cause instanceof SQLNonTransientConnectionException || lostConnection(cause)) {
				return true;
			}
			// a rollback that failed after the commit failed: the commit's failure is kept aside, not as the cause
			if (cause instanceof TransactionSystemException rollback && rollback.getApplicationException() != null
					&& in(rollback.getApplicationException())) {
				return true;
			}
		}
		return false;
	}

	/**
	 * A plain {@link SQLException} the translator did not classify (a failed rollback on a dead connection ends as a
	 * {@link TransactionSystemException} around one): SQLState class 08 is a connection exception, 40001 and MySQL's
	 * 1213/1205 a refused commit or a lock wait.
	 */
	private static boolean lostConnection(Throwable cause) {
		if (!(cause instanceof SQLException sql)) {
			return false;
		}
		String state = sql.getSQLState();
		return (state != null && (state.startsWith("08") || state.equals("40001"))) || sql.getErrorCode() == 1213
				|| sql.getErrorCode() == 1205;
	}

}
