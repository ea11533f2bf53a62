package io.subwatch.mirror;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import io.subwatch.support.MutableClock;
import io.subwatch.support.MutableClockConfig;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code subwatch_mirror_lag_seconds{source=…}} on the prometheus endpoint: seconds since the last good sync. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@Import(MutableClockConfig.class)
@Tag("db")
class MirrorLagMetricsTest {

	/** Unique per run: the MySQL database outlives runs, and the state is keyed by the source's name. */
	private static final String SYNCED = "lag-" + UUID.randomUUID().toString().substring(0, 8);

	private static final String NEVER = "never-" + UUID.randomUUID().toString().substring(0, 8);

	@LocalManagementPort
	int managementPort;

	@Autowired
	MirrorDao dao;

	@Autowired
	MutableClock clock;

	@DynamicPropertySource
	static void sources(DynamicPropertyRegistry registry) {
		registry.add("subwatch.mirror.sources[0].name", () -> SYNCED);
		registry.add("subwatch.mirror.sources[0].base-url", () -> "http://nodeman.invalid/");
		registry.add("subwatch.mirror.sources[1].name", () -> NEVER);
		registry.add("subwatch.mirror.sources[1].base-url", () -> "http://other.invalid/");
	}

	@Test
	void secondsSinceTheLastGoodSyncPerSource() throws Exception {
		Instant now = Instant.parse("2026-11-28T02:00:00Z");
		this.clock.set(now);
		this.dao.recordAttempt(SYNCED, now.minusSeconds(42), 3, now.minusSeconds(42), null, 120L);
		assertThat(gauge(SYNCED)).isEqualTo("42.0");
		assertThat(gauge(NEVER)).isEqualTo("NaN");

		// a failed sync does not make it fresher; time does make it older
		this.clock.advance(Duration.ofSeconds(18));
		this.dao.recordAttempt(SYNCED, this.clock.instant(), 1, null, "unreachable", null);
		assertThat(gauge(SYNCED)).isEqualTo("60.0");
	}

	private String gauge(String source) throws Exception {
		HttpResponse<String> response = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create("http://localhost:" + this.managementPort + "/actuator/prometheus"))
				.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).isEqualTo(200);
		return response.body()
			.lines()
			.filter((line) -> line.startsWith("subwatch_mirror_lag_seconds{") && line.contains("source=\"" + source + "\""))
			.map((line) -> line.substring(line.lastIndexOf(' ') + 1))
			.findFirst()
			.orElseThrow(() -> new AssertionError("no lag gauge for " + source + " in\n" + response.body()));
	}

}
