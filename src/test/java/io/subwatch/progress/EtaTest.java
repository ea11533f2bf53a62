package io.subwatch.progress;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class EtaTest {

	static final Instant NOW = Instant.parse("2026-11-28T02:00:00Z");

	static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

	@Test
	void remainingHostsAtTheLastTenMinutesPace() {
		Eta eta = Eta.of(200, 1_000, CLOCK);
		assertThat(eta.perMinute()).isEqualTo(20.0);
		assertThat(eta.left()).isEqualTo(Duration.ofMinutes(50));
		assertThat(eta.at()).isEqualTo(NOW.plus(Duration.ofMinutes(50)));
		assertThat(eta.known()).isTrue();
	}

	@Test
	void partSecondsRoundUp() {
		Eta eta = Eta.of(7, 1, CLOCK);
		assertThat(eta.left()).isEqualTo(Duration.ofSeconds(86));
	}

	@Test
	void unknownWhileNothingFinishedRecently() {
		Eta eta = Eta.of(0, 500, CLOCK);
		assertThat(eta.known()).isFalse();
		assertThat(eta.perMinute()).isZero();
		assertThat(eta.remaining()).isEqualTo(500);
	}

	@Test
	void nothingLeftNoEta() {
		Eta eta = Eta.of(30, 0, CLOCK);
		assertThat(eta.known()).isFalse();
		assertThat(eta.perMinute()).isEqualTo(3.0);
	}

}
