package io.subwatch.system;

import java.time.Duration;
import java.util.function.Supplier;

import org.springframework.core.retry.RetryPolicy;
import org.springframework.core.retry.RetryTemplate;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.stereotype.Component;

/**
 * Runs a write transaction again when the database gave up on it: a deadlock victim, a lock wait timeout, or a commit
 * that a MariaDB Galera cluster refused because a transaction on another node changed the same rows first (error 1213,
 * SQLState 40001, which Spring reports as a {@link PessimisticLockingFailureException}). The transaction was rolled back
 * whole, so running it again is safe for any write. What still fails after a few tries reaches the caller as "busy,
 * retry". The transaction must begin inside the supplier, never around this call.
 * <p>
 * {@link #runIdempotent} also retries when the connection was lost (the database node died, the proxy moved to
 * another): then the commit may or may not have happened, so only work that may be applied twice, as event batches,
 * goes through it.
 */
@Component
public class LockRetry {

	private final RetryTemplate retry = new RetryTemplate(RetryPolicy.builder()
		.includes(PessimisticLockingFailureException.class, QueryTimeoutException.class)
		.maxRetries(3)
		.delay(Duration.ofMillis(50))
		.multiplier(2)
		.jitter(Duration.ofMillis(25))
		.build());

	/** Long enough (about 3 s in all) to outlast a load balancer moving to another database node. */
	private final RetryTemplate idempotentRetry = new RetryTemplate(RetryPolicy.builder()
		.predicate(LockRetry::lockedOrLost)
		.maxRetries(5)
		.delay(Duration.ofMillis(100))
		.multiplier(2)
		.jitter(Duration.ofMillis(50))
		.build());

	private static boolean lockedOrLost(Throwable failure) {
		return failure instanceof PessimisticLockingFailureException || failure instanceof QueryTimeoutException
				|| DatabaseOutage.is(failure);
	}

	public <T> T run(Supplier<T> transaction) {
		return this.retry.invoke(transaction);
	}

	/** Like {@link #run}, also after a lost connection: for transactions that may be applied twice. */
	public <T> T runIdempotent(Supplier<T> transaction) {
		return this.idempotentRetry.invoke(transaction);
	}

}
