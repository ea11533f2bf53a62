package io.subwatch.mirror;

import java.time.Clock;
import java.time.Duration;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.stereotype.Component;

/**
 * {@code subwatch.mirror.lag} (Prometheus: {@code subwatch_mirror_lag_seconds}), one gauge per configured source,
 * tagged {@code source}: seconds since its last good sync, read from the stored state at each scrape, so every app
 * node reports the same value; NaN before the first good sync. Alert on it growing past a few poll intervals.
 */
@Component
class MirrorLagMetrics {

	private final MirrorDao dao;

	private final Clock clock;

	MirrorLagMetrics(MirrorSync sync, MirrorDao dao, Clock clock, MeterRegistry meters) {
		this.dao = dao;
		this.clock = clock;
		for (MirrorProperties.Source source : sync.sources()) {
			Gauge.builder("subwatch.mirror.lag", () -> lagSeconds(source.name()))
				.tag("source", source.name())
				.baseUnit("seconds")
				.description("Seconds since the mirror source's last good sync (NaN before the first)")
				.register(meters);
		}
	}

	double lagSeconds(String source) {
		try {
			return this.dao.findState(source)
				.map(MirrorState::lastSuccess)
				.map((at) -> Math.max(0, Duration.between(at, this.clock.instant()).toMillis() / 1000.0))
				.orElse(Double.NaN);
		}
		catch (RuntimeException ex) {
			// a scrape while the database is away: unknown, not an error page
			return Double.NaN;
		}
	}

}
