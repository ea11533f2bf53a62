package io.subwatch.progress;

import java.time.Duration;
import java.util.stream.LongStream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DurationStatsTest {

	@Test
	void nearestRankOfOneToHundredIsTheRankItself() {
		long[] values = LongStream.rangeClosed(1, 100).toArray();
		assertThat(DurationStats.percentile(values, 50)).isEqualTo(50);
		assertThat(DurationStats.percentile(values, 95)).isEqualTo(95);
		assertThat(DurationStats.percentile(values, 100)).isEqualTo(100);
		assertThat(DurationStats.percentile(values, 1)).isEqualTo(1);
	}

	@Test
	void smallSamplesRoundTheRankUpToAMeasuredValue() {
		assertThat(DurationStats.percentile(new long[] { 7 }, 95)).isEqualTo(7);
		assertThat(DurationStats.percentile(new long[] { 1, 2 }, 50)).isEqualTo(1);
		assertThat(DurationStats.percentile(new long[] { 1, 2, 3 }, 50)).isEqualTo(2);
		// 20 values: rank ⌈19⌉ = 19, so one value above the p95
		assertThat(DurationStats.percentile(LongStream.rangeClosed(1, 20).toArray(), 95)).isEqualTo(19);
	}

	@Test
	void statsSortTheirInput() {
		DurationStats stats = DurationStats.of(new long[] { 9_000, 1_000, 5_000, 3_000, 60_000 });
		assertThat(stats.samples()).isEqualTo(5);
		assertThat(stats.median()).isEqualTo(Duration.ofSeconds(5));
		assertThat(stats.p95()).isEqualTo(Duration.ofMinutes(1));
		assertThat(stats.max()).isEqualTo(Duration.ofMinutes(1));
	}

	@Test
	void noSamplesNoStats() {
		assertThat(DurationStats.of(new long[0])).isEqualTo(DurationStats.NONE);
		assertThatThrownBy(() -> DurationStats.percentile(new long[0], 50)).isInstanceOf(IllegalArgumentException.class);
		assertThatThrownBy(() -> DurationStats.percentile(new long[] { 1 }, 0))
			.isInstanceOf(IllegalArgumentException.class);
	}

}
