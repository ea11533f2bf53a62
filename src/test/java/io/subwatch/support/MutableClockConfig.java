package io.subwatch.support;

import java.time.Instant;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/** Replaces the application clock with a {@link MutableClock}: {@code @Import(MutableClockConfig.class)}. */
@TestConfiguration(proxyBeanMethods = false)
public class MutableClockConfig {

	@Bean
	@Primary
	MutableClock mutableClock() {
		return new MutableClock(Instant.parse("2026-11-28T02:00:00Z"));
	}

}
