package io.subwatch.progress;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ThroughputChartTest {

	static final Instant T0 = Instant.parse("2026-11-28T02:00:00Z");

	@Test
	void bucketsAreWholeMinutesAndAtMostSixtyOverTheSpan() {
		assertThat(ThroughputChart.bucketWidth(Duration.ofMinutes(10))).isEqualTo(Duration.ofMinutes(1));
		assertThat(ThroughputChart.bucketWidth(Duration.ofMinutes(60))).isEqualTo(Duration.ofMinutes(1));
		assertThat(ThroughputChart.bucketWidth(Duration.ofMinutes(61))).isEqualTo(Duration.ofMinutes(2));
		assertThat(ThroughputChart.bucketWidth(Duration.ofDays(1))).isEqualTo(Duration.ofMinutes(24));
	}

	@Test
	void barsHaveTheRatePerMinuteScaledToThePeak() {
		ThroughputChart chart = ThroughputChart.of(T0, T0.plus(Duration.ofMinutes(6)), Duration.ofMinutes(2),
				List.of(new ProgressDao.Bucket(0, 10), new ProgressDao.Bucket(2, 40)));
		assertThat(chart.bars()).hasSize(4);
		assertThat(chart.peak()).isEqualTo(20.0);
		assertThat(chart.bars().get(0).perMinute()).isEqualTo(5.0);
		assertThat(chart.bars().get(0).h()).isEqualTo("30.0");
		assertThat(chart.bars().get(1).h()).isEqualTo("0.0");
		assertThat(chart.bars().get(2).h()).isEqualTo("120.0");
		assertThat(chart.bars().get(2).y()).isEqualTo("0.0");
		assertThat(chart.bars().get(2).from()).isEqualTo(T0.plus(Duration.ofMinutes(4)));
		assertThat(chart.lastPerMinute()).isZero();
	}

	@Test
	void bucketsOutsideTheSpanAreIgnored() {
		ThroughputChart chart = ThroughputChart.of(T0, T0.plusSeconds(30), Duration.ofMinutes(1),
				List.of(new ProgressDao.Bucket(-1, 3), new ProgressDao.Bucket(0, 2), new ProgressDao.Bucket(5, 9)));
		assertThat(chart.bars()).hasSize(1);
		assertThat(chart.bars().get(0).hosts()).isEqualTo(2);
	}

}
