package io.subwatch.system;

import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import org.springframework.dao.CannotAcquireLockException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A transaction the database gave up on is run again, a few times, then reported. */
class LockRetryTest {

	final LockRetry retry = new LockRetry();

	@Test
	void aLockFailureIsRetriedUntilItSucceeds() {
		AtomicInteger attempts = new AtomicInteger();
		String result = this.retry.run(() -> {
			if (attempts.incrementAndGet() < 3) {
				throw new CannotAcquireLockException("deadlock victim");
			}
			return "done";
		});
		assertThat(result).isEqualTo("done");
		assertThat(attempts).hasValue(3);
	}

	@Test
	void aLockFailureThatPersistsReachesTheCallerAfterThreeRetries() {
		AtomicInteger attempts = new AtomicInteger();
		assertThatThrownBy(() -> this.retry.run(() -> {
			attempts.incrementAndGet();
			throw new CannotAcquireLockException("still locked");
		})).isInstanceOf(CannotAcquireLockException.class);
		assertThat(attempts).hasValue(4);
	}

	@Test
	void otherFailuresAreNotRetried() {
		AtomicInteger attempts = new AtomicInteger();
		assertThatThrownBy(() -> this.retry.run(() -> {
			attempts.incrementAndGet();
			throw ApiException.invalid("bad input");
		})).isInstanceOf(ApiException.class);
		assertThat(attempts).hasValue(1);
	}

}
