package io.subwatch.mirror;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class BackoffTest {

	@Test
	void doublesPerFailureInARowUpToFiveMinutes() {
		Duration poll = Duration.ofSeconds(10);
		assertThat(Backoff.delay(poll, 0)).isEqualTo(poll);
		assertThat(Backoff.delay(poll, 1)).isEqualTo(poll);
		assertThat(Backoff.delay(poll, 2)).hasSeconds(20);
		assertThat(Backoff.delay(poll, 4)).hasSeconds(80);
		assertThat(Backoff.delay(poll, 6)).isEqualTo(Backoff.MAX);
		assertThat(Backoff.delay(poll, 1000)).isEqualTo(Backoff.MAX);
	}

	@Test
	void aPollIntervalLongerThanTheCapIsKept() {
		assertThat(Backoff.delay(Duration.ofMinutes(10), 3)).isEqualTo(Duration.ofMinutes(10));
	}

	@Test
	void aStoredNextSyncAheadIsKeptOneInThePastIsNot() {
		Instant now = Instant.parse("2026-12-02T04:00:00Z");
		Instant otherwise = now.plusSeconds(10);
		assertThat(MirrorBackoffs.resumeAt(Optional.empty(), now, otherwise)).isEqualTo(otherwise);
		assertThat(MirrorBackoffs.resumeAt(Optional.of(new MirrorBackoffs.Pending(4, now.plusSeconds(80))), now,
				otherwise)).isEqualTo(now.plusSeconds(80));
		assertThat(MirrorBackoffs.resumeAt(Optional.of(new MirrorBackoffs.Pending(4, now)), now, otherwise))
			.isEqualTo(otherwise);
		assertThat(MirrorBackoffs.resumeAt(Optional.of(new MirrorBackoffs.Pending(0, now.minusSeconds(1))), now, null))
			.isNull();
	}

}
