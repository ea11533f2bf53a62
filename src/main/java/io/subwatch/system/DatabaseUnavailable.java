package io.subwatch.system;

import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientConnectionException;

import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.RecoverableDataAccessException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.transaction.CannotCreateTransactionException;

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
					|| cause instanceof SQLNonTransientConnectionException) {
				return true;
			}
		}
		return false;
	}

}
