package io.subwatch.mirror;

import java.time.Duration;

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

}
