package io.subwatch.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The throttling policy on a clock the test moves: free failures, doubling waits, the cap, forgetting. */
class LoginThrottleTest {

	private final MutableClock clock = new MutableClock(Instant.parse("2026-11-28T02:00:00Z"));

	private final InMemoryFailures failures = new InMemoryFailures();

	private final LoginThrottle throttle = new LoginThrottle(this.failures,
			new SecuritySettings(null, null, null, null, null, null, 7, 90,
					new SecuritySettings.Login(5, 20, Duration.ofSeconds(1), Duration.ofMinutes(15), Duration.ofHours(1))),
			this.clock);

	@Test
	void fiveFailuresAreFreeThenEachAttemptWaitsTwiceAsLong() {
		for (int i = 0; i < 4; i++) {
			this.throttle.failed("alice", "10.0.0.1");
			assertThat(this.throttle.waitBefore("alice", "10.0.0.1")).isEmpty();
		}
		this.throttle.failed("alice", "10.0.0.1");
		assertThat(this.throttle.waitBefore("alice", "10.0.0.1")).contains(Duration.ofSeconds(1));
		this.clock.advance(Duration.ofSeconds(1));
		assertThat(this.throttle.waitBefore("alice", "10.0.0.1")).isEmpty();
		this.throttle.failed("alice", "10.0.0.1");
		assertThat(this.throttle.waitBefore("alice", "10.0.0.1")).contains(Duration.ofSeconds(2));
		this.throttle.failed("alice", "10.0.0.1");
		assertThat(this.throttle.waitBefore("Alice", "10.9.9.9")).as("per user, whatever the address or case")
			.contains(Duration.ofSeconds(4));
		assertThat(this.throttle.waitBefore("bob", "10.0.0.2")).isEmpty();
	}

	@Test
	void waitsAreCappedAndForgottenAfterAnHourWithoutFailure() {
		for (int i = 0; i < 40; i++) {
			this.throttle.failed("carol", "10.0.0.3");
		}
		assertThat(this.throttle.waitBefore("carol", "10.0.0.4")).contains(Duration.ofMinutes(15));
		this.clock.advance(Duration.ofMinutes(61));
		assertThat(this.throttle.waitBefore("carol", "10.0.0.4")).isEmpty();
		this.throttle.failed("carol", "10.0.0.4");
		assertThat(this.throttle.waitBefore("carol", "10.0.0.4")).as("counting starts again").isEmpty();
	}

	@Test
	void oneAddressTryingManyUsersIsSlowedAfterTwentyFailures() {
		for (int i = 0; i < 20; i++) {
			this.throttle.failed("user" + i, "10.0.0.5");
		}
		assertThat(this.throttle.waitBefore("someone-else", "10.0.0.5")).contains(Duration.ofSeconds(1));
		assertThat(this.throttle.waitBefore("someone-else", "10.0.0.6")).isEmpty();
	}

	@Test
	void successForgetsTheUsersFailuresButNotTheAddresses() {
		for (int i = 0; i < 25; i++) {
			this.throttle.failed("dave", "10.0.0.7");
		}
		this.throttle.succeeded("dave");
		assertThat(this.throttle.waitBefore("dave", "10.0.0.8")).isEmpty();
		assertThat(this.throttle.waitBefore("dave", "10.0.0.7")).isNotEmpty();
	}

	@Test
	void delayDoublesFromTheFirstPaidFailure() {
		assertThat(this.throttle.delay(4, 5)).isZero();
		assertThat(this.throttle.delay(5, 5)).isEqualTo(Duration.ofSeconds(1));
		assertThat(this.throttle.delay(8, 5)).isEqualTo(Duration.ofSeconds(8));
		assertThat(this.throttle.delay(1000, 5)).isEqualTo(Duration.ofMinutes(15));
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

		private final Map<String, Failures> rows = new HashMap<>();

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
