package io.subwatch.security;

import java.time.Duration;
import java.time.Instant;

import io.subwatch.security.ThrottledSessionRepository.ThrottledSession;
import org.junit.jupiter.api.Test;

import org.springframework.session.MapSession;

import static org.assertj.core.api.Assertions.assertThat;

class ThrottledSessionRepositoryTest {

	private static final Instant SIGNED_IN = Instant.parse("2026-12-03T10:00:00Z");

	@Test
	void theLastAccessTimeMovesOnlyOnceItIsTheIntervalOld() {
		MapSession stored = new MapSession();
		stored.setLastAccessedTime(SIGNED_IN);
		ThrottledSession<MapSession> session = new ThrottledSession<>(stored, Duration.ofMinutes(1));

		session.setLastAccessedTime(SIGNED_IN.plusSeconds(59));
		assertThat(stored.getLastAccessedTime()).isEqualTo(SIGNED_IN);

		session.setLastAccessedTime(SIGNED_IN.plusSeconds(60));
		assertThat(stored.getLastAccessedTime()).isEqualTo(SIGNED_IN.plusSeconds(60));
		assertThat(session.getLastAccessedTime()).isEqualTo(SIGNED_IN.plusSeconds(60));
	}

	@Test
	void everythingElseReachesTheStoredSessionAtOnce() {
		MapSession stored = new MapSession();
		ThrottledSession<MapSession> session = new ThrottledSession<>(stored, Duration.ofMinutes(1));

		session.setAttribute("flash", "saved");
		session.setMaxInactiveInterval(Duration.ofMinutes(5));
		String newId = session.changeSessionId();

		assertThat(stored.<String>getAttribute("flash")).isEqualTo("saved");
		assertThat(stored.getMaxInactiveInterval()).isEqualTo(Duration.ofMinutes(5));
		assertThat(stored.getId()).isEqualTo(newId);
		session.removeAttribute("flash");
		assertThat(stored.getAttributeNames()).isEmpty();
	}

	@Test
	void aShortTimeoutMovesTheTimeAfterATenthOfIt() {
		MapSession stored = new MapSession();
		stored.setLastAccessedTime(SIGNED_IN);
		stored.setMaxInactiveInterval(Duration.ofMinutes(2));
		ThrottledSession<MapSession> session = new ThrottledSession<>(stored, Duration.ofMinutes(1));

		session.setLastAccessedTime(SIGNED_IN.plusSeconds(11));
		assertThat(stored.getLastAccessedTime()).isEqualTo(SIGNED_IN);
		session.setLastAccessedTime(SIGNED_IN.plusSeconds(12));
		assertThat(stored.getLastAccessedTime()).isEqualTo(SIGNED_IN.plusSeconds(12));
	}

	@Test
	void aZeroIntervalWritesEveryAccess() {
		MapSession stored = new MapSession();
		stored.setLastAccessedTime(SIGNED_IN);
		ThrottledSession<MapSession> session = new ThrottledSession<>(stored, Duration.ZERO);

		session.setLastAccessedTime(SIGNED_IN.plusMillis(1));

		assertThat(stored.getLastAccessedTime()).isEqualTo(SIGNED_IN.plusMillis(1));
	}

}
