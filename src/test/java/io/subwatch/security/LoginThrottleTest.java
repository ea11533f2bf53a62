package io.subwatch.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The throttling policy on a clock the test moves: free failures per name from one address and per address, doubling
 * waits, the cap, forgetting; never per name alone.
 */
class LoginThrottleTest {

	private final MutableClock clock = new MutableClock(Instant.parse("2026-11-28T02:00:00Z"));

	private final InMemoryFailures failures = new InMemoryFailures();

	private final LoginThrottle throttle = new LoginThrottle(this.failures,
			new SecuritySettings(null, null, null, null, null, null, 7, 90,
					new SecuritySettings.Login(5, 20, Duration.ofSeconds(1), Duration.ofMinutes(15), Duration.ofHours(1))),
			this.clock);

	@Test
	void fiveFailuresOfOneNameFromOneAddressAreFreeThenEachAttemptWaitsTwiceAsLong() {
		for (int i = 0; i < 4; i++) {
			fail("alice", "10.0.0.1");
			assertThat(waitBefore("alice", "10.0.0.1")).isEmpty();
		}
		fail("alice", "10.0.0.1");
		assertThat(waitBefore("alice", "10.0.0.1")).contains(Duration.ofSeconds(1));
		this.clock.advance(Duration.ofSeconds(1));
		assertThat(waitBefore("alice", "10.0.0.1")).isEmpty();
		fail("alice", "10.0.0.1");
		assertThat(waitBefore("alice", "10.0.0.1")).contains(Duration.ofSeconds(2));
		fail("alice", "10.0.0.1");
		assertThat(waitBefore("Alice", "10.0.0.1")).as("whatever the case").contains(Duration.ofSeconds(4));
		assertThat(waitBefore("alice", "10.9.9.9")).as("the same name from another address").isEmpty();
		assertThat(waitBefore("bob", "10.0.0.1")).as("another name from the same address").isEmpty();
	}

	@Test
	void guessesFromManyAddressesNeverSlowTheNameDownButAreStillCounted() {
		for (int i = 0; i < 100; i++) {
			fail("erin", "10.1.0." + i);
		}
		assertThat(waitBefore("erin", "10.2.0.1")).isEmpty();
		assertThat(this.failures.rows.get("user:erin").count()).as("the record of guesses at erin").isEqualTo(100);
	}

	@Test
	void waitsAreCappedAndForgottenAfterAnHourWithoutFailure() {
		for (int i = 0; i < 40; i++) {
			fail("carol", "10.0.0.3");
		}
		assertThat(waitBefore("carol", "10.0.0.3")).contains(Duration.ofMinutes(15));
		this.clock.advance(Duration.ofMinutes(61));
		assertThat(waitBefore("carol", "10.0.0.3")).isEmpty();
		fail("carol", "10.0.0.3");
		assertThat(waitBefore("carol", "10.0.0.3")).as("counting starts again").isEmpty();
	}

	@Test
	void oneAddressTryingManyUsersIsSlowedAfterTwentyFailures() {
		for (int i = 0; i < 20; i++) {
			fail("user" + i, "10.0.0.5");
		}
		assertThat(waitBefore("someone-else", "10.0.0.5")).contains(Duration.ofSeconds(1));
		assertThat(waitBefore("someone-else", "10.0.0.6")).isEmpty();
	}

	@Test
	void successForgetsTheNamesFailuresFromThatAddressButNotTheAddresses() {
		for (int i = 0; i < 25; i++) {
			fail("dave", "10.0.0.7");
		}
		this.clock.advance(Duration.ofMinutes(15));
		LoginThrottle.Attempt right = this.throttle.check("dave", "10.0.0.7");
		assertThat(right.pairFailedBefore()).isTrue();
		this.throttle.succeeded(right);
		assertThat(this.failures.rows).doesNotContainKey("pair:10.0.0.7|dave").containsKey("addr:10.0.0.7");
		for (int i = 0; i < 25; i++) {
			fail("dave", "10.0.0.7");
		}
		assertThat(waitBefore("frank", "10.0.0.7")).as("the address stays slowed").isNotEmpty();
	}

	@Test
	void aLongNameAndAddressStillFitTheKeyColumn() {
		fail("n".repeat(500), "a".repeat(500));
		assertThat(this.failures.rows.keySet()).allMatch((key) -> key.length() <= 200);
	}

	@Test
	void delayDoublesFromTheFirstPaidFailure() {
		assertThat(this.throttle.delay(4, 5)).isZero();
		assertThat(this.throttle.delay(5, 5)).isEqualTo(Duration.ofSeconds(1));
		assertThat(this.throttle.delay(8, 5)).isEqualTo(Duration.ofSeconds(8));
		assertThat(this.throttle.delay(1000, 5)).isEqualTo(Duration.ofMinutes(15));
	}

	private void fail(String name, String address) {
		this.throttle.failed(this.throttle.check(name, address));
	}

	private Optional<Duration> waitBefore(String name, String address) {
		return this.throttle.check(name, address).waitBefore();
	}

	static final class MutableClock extends Clock {

		private Instant now;

		MutableClock(Instant now) {
			this.now = now;
		}

		void advance(Duration duration) {
			this.now = this.now.plus(duration);
		}

		@Override
		public Instant instant() {
			return this.now;
		}

		@Override
		public java.time.ZoneId getZone() {
			return ZoneOffset.UTC;
		}

		@Override
		public Clock withZone(java.time.ZoneId zone) {
			return this;
		}

	}

	/** The DAO's contract over a map (the SQL itself runs in the integration tests). */
	static final class InMemoryFailures extends LoginFailureDao {

		final Map<String, Failures> rows = new HashMap<>();

		InMemoryFailures() {
			super(null);
		}

		@Override
		List<Failures> findAllSince(Collection<String> keys, Instant since) {
			return keys.stream()
				.map(this.rows::get)
				.filter((f) -> f != null && !f.last().isBefore(since))
				.toList();
		}

		@Override
		void increment(String key, Instant now, Instant forgetBefore) {
			Failures old = this.rows.get(key);
			int count = (old == null || old.last().isBefore(forgetBefore)) ? 1 : old.count() + 1;
			this.rows.put(key, new Failures(key, count, now));
		}

		@Override
		void delete(String key) {
			this.rows.remove(key);
		}

		@Override
		int purge(Instant forgetBefore) {
			return 0;
		}

	}

}
