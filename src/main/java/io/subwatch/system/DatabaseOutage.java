package io.subwatch.system;

import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientConnectionException;

import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.RecoverableDataAccessException;
import org.springframework.dao.TransientDataAccessResourceException;
import org.springframework.transaction.CannotCreateTransactionException;

/**
 * Whether a failure means the database cannot be reached (stopped, restarting, a failover, the pool timing out on a
 * connection): the request can be sent again in a moment, so the API answers HTTP 503 with
 * {@link ErrorCode#DATABASE_UNAVAILABLE} and the pages a "try again" page, not an unexpected error.
 */
public final class DatabaseOutage {

	private DatabaseOutage() {
	}

	public static boolean is(Throwable failure) {
		for (Throwable t = failure; t != null; t = (t.getCause() != t) ? t.getCause() : null) {
			if (t instanceof DataAccessResourceFailureException || t instanceof CannotCreateTransactionException
					|| t instanceof TransientDataAccessResourceException || t instanceof RecoverableDataAccessException
					|| t instanceof SQLTransientConnectionException || t instanceof SQLNonTransientConnectionException
					|| t instanceof SQLRecoverableException) {
				return true;
			}
			if (t instanceof SQLException sql && sql.getSQLState() != null && sql.getSQLState().startsWith("08")) {
				return true; // SQL state class 08: connection exception
			}
		}
		return false;
	}

	/** The API's message: what happened and that sending the request again is safe. */
	static String message() {
		return "the database cannot be reached; retry in a moment (event batches are safe to send again)";
	}

}
