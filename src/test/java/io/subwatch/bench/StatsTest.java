package io.subwatch.bench;

import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class StatsTest {

	@Test
	void aPathStillGettingFasterIsNotSteady() {
		Stats.Settling settling = new Stats.Settling();
		for (double median : new double[] { 16.8, 13.2, 11.1, 9.4, 8.9, 8.6, 5.0, 3.0 }) {
			assertThat(settling.steadyAfter(median)).as("after %s", median).isFalse();
		}
	}

	@Test
	void twoFlatBlocksInARowMakeItSteady() {
		Stats.Settling settling = new Stats.Settling();
		assertThat(settling.steadyAfter(10)).isFalse();
		assertThat(settling.steadyAfter(8)).isFalse();
		assertThat(settling.steadyAfter(7.9)).isFalse();
		assertThat(settling.steadyAfter(8.1)).isTrue();
	}

	@Test
	void aSlowBlockDoesNotEndTheWarmUpWhileTheNextIsFasterStill() {
		Stats.Settling settling = new Stats.Settling();
		settling.steadyAfter(10);
		settling.steadyAfter(8);
		assertThat(settling.steadyAfter(9)).as("slowed by a collection: flat, once").isFalse();
		assertThat(settling.steadyAfter(6)).as("faster than the best by more than 5%").isFalse();
		assertThat(settling.steadyAfter(6.1)).isFalse();
		assertThat(settling.steadyAfter(6.0)).isTrue();
	}

	@Test
	void steadyCountsItsWarmUpCallsWithinTheirBounds() throws Exception {
		AtomicInteger calls = new AtomicInteger();
		Stats stats = Stats.steady(10, calls::incrementAndGet);

		assertThat(stats.runs()).isEqualTo(10);
		assertThat(stats.warmupCalls()).isBetween(Stats.warmup(10) + Stats.STEADY_BLOCKS * 10,
				Stats.MAX_WARMUP_PER_RUN * 10);
		assertThat(calls.get()).isEqualTo(stats.warmupCalls() + 10);
	}

	@Test
	void theRunsColumnSaysHowManyCallsWarmedThePath() throws Exception {
		assertThat(BenchmarkReport.runs(Stats.measure(0, 3, () -> { }))).isEqualTo("3");
		Stats steady = Stats.steady(4, () -> { });
		assertThat(BenchmarkReport.runs(steady)).isEqualTo("4 after " + steady.warmupCalls());
	}

}
