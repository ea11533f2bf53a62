package io.subwatch.system;

import java.time.Duration;
import java.util.function.Supplier;

import org.springframework.core.retry.RetryPolicy;
import org.springframework.core.retry.RetryTemplate;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.stereotype.Component;

/**
 * Runs a write transaction again when the database gave up on a lock (a deadlock victim or a lock wait timeout): the
 * transaction was rolled back whole, so running it again is safe. What still fails after a few tries reaches the
 * caller as "busy, retry".
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

	public <T> T run(Supplier<T> transaction) {
		return this.retry.invoke(transaction);
	}

}
