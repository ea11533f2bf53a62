package io.subwatch.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import io.subwatch.SubwatchApplication;
import io.subwatch.mirror.MirrorState;
import io.subwatch.mirror.MirrorSync;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Mirroring a 100,000-host task from a subwatch source (docs/mirror.md): the source is the packaged app in its own
 * JVM on an H2 file holding {@link LargeDataset}'s big task (60% SUCCESS, 20% RUNNING, 10% FAILED, 10% PENDING,
 * logs) and its retry; the mirror runs in this JVM on an H2 file of its own and syncs it at the source's default
 * pace. Measured: the first sync (wall time, requests, the source JVM's CPU time), then polls while 1% of the hosts
 * change between two polls (running hosts fail at their running sub-step, reported through the source's events
 * API): requests and sync time per poll, and the source's CPU time per poll. Not part of the default build:
 * {@code ./mvnw -o -q package -DskipTests && ./mvnw -o -Pbench failsafe:integration-test -Dit.test=MirrorBenchmarkIT};
 * {@code -Dbench.mirror.hosts=}, {@code -Dbench.mirror.polls=} and {@code -Dbench.mirror.rps=} change the size, the
 * number of polls and {@code max-requests-per-second}. Writes target/mirror-benchmark.md. Ports 18150-18153.
 */
@Tag("bench")
class MirrorBenchmarkIT {

	private static final int HOSTS = Integer.getInteger("bench.mirror.hosts", 100_000);

	private static final int POLLS = Integer.getInteger("bench.mirror.polls", 5);

	private static final double RPS = Double.parseDouble(System.getProperty("bench.mirror.rps", "5"));

	private static final Duration POLL_INTERVAL = Duration.ofSeconds(10);

	@Test
	void run() throws Exception {
		Path work = Path.of("target/bench-mirror");
		BenchDatabase sourceDb = BenchDatabase.h2(work.resolve("source"));
		BenchDatabase mirrorDb = BenchDatabase.h2(work.resolve("mirror"));
		sourceDb.reset();
		mirrorDb.reset();
		LargeDataset.Generated data;
		try (ConfigurableApplicationContext generator = context(sourceDb, 18150, 18151)) {
			data = new LargeDataset(generator).generate(new LargeDataset.Size("mirror", HOSTS, 0, 0, 0));
		}
		StringBuilder report = new StringBuilder();
		try (AppProcess source = AppProcess.start(Launch.plain(BenchmarkSmokeIT.jar()), sourceDb, "1g", work, 18152,
				18153)) {
			try (ConfigurableApplicationContext mirror = context(mirrorDb, 18150, 18151,
					"--subwatch.mirror.sources[0].name=bench",
					"--subwatch.mirror.sources[0].base-url=http://127.0.0.1:" + source.port,
					"--subwatch.mirror.sources[0].app-code=" + AppProcess.APP_CODE,
					"--subwatch.mirror.sources[0].app-secret=" + AppProcess.APP_SECRET,
					"--subwatch.mirror.sources[0].subscription-ids=" + data.subscriptionId(),
					"--subwatch.mirror.sources[0].max-requests-per-second=" + RPS)) {
				MirrorSync sync = mirror.getBean(MirrorSync.class);
				Duration cpu = source.cpuTime();
				long started = System.nanoTime();
				MirrorState first = sync.sync("bench");
				Duration firstWall = Duration.ofNanos(System.nanoTime() - started);
				Duration firstCpu = source.cpuTime().minus(cpu);
				assertThat(first.lastError()).as("first sync").isNull();
				report.append(String.format(Locale.ROOT, "- first sync of %,d hosts (task of %,d + retry of %,d):"
						+ " %.1f s, %,d requests, source CPU %.1f s%n", HOSTS, HOSTS, data.retryHosts(),
						firstWall.toMillis() / 1000.0, first.requests(), firstCpu.toMillis() / 1000.0));

				JdbcClient jdbc = mirror.getBean(JdbcClient.class);
				long firstRecord = jdbc.sql("""
						SELECT MIN(source_id) FROM mirror_record WHERE source = 'bench' AND source_task_id = :task
						""").param("task", data.taskId()).query(Long.class).single();
				List<Long> requests = new ArrayList<>();
				List<Duration> walls = new ArrayList<>();
				List<Duration> cpus = new ArrayList<>();
				int changed = HOSTS / 100;
				int next = 0;
				long before = first.requests();
				for (int poll = 0; poll < POLLS; poll++) {
					next = failRunningHosts(source, firstRecord, next, changed, poll);
					cpu = source.cpuTime();
					started = System.nanoTime();
					MirrorState state = sync.sync("bench");
					walls.add(Duration.ofNanos(System.nanoTime() - started));
					cpus.add(source.cpuTime().minus(cpu));
					assertThat(state.lastError()).as("poll " + poll).isNull();
					requests.add(state.requests() - before);
					before = state.requests();
				}
				double perPoll = requests.stream().mapToLong(Long::longValue).average().orElse(0);
				double wall = walls.stream().mapToLong(Duration::toMillis).average().orElse(0) / 1000.0;
				double cpuPerPoll = cpus.stream().mapToLong(Duration::toMillis).average().orElse(0) / 1000.0;
				double cycle = Math.max(POLL_INTERVAL.toSeconds(), wall);
				report.append(String.format(Locale.ROOT, "- steady state, %,d hosts (1%%) changed before each of %d"
						+ " polls: %.0f requests and %.1f s per sync (%s), so %.0f requests per minute at"
						+ " poll-interval %d s (one sync every %.1f s); source CPU %.2f s per poll%n", changed, POLLS,
						perPoll, wall, requests, perPoll * 60 / cycle, POLL_INTERVAL.toSeconds(), cycle, cpuPerPoll));
			}
		}
		report.insert(0, String.format(Locale.ROOT, "Mirror benchmark, H2 files, max-requests-per-second %s, %d cores,"
				+ " dataset generated in %.1f s:%n", RPS, Runtime.getRuntime().availableProcessors(),
				data.took().toMillis() / 1000.0));
		Files.writeString(Path.of("target/mirror-benchmark.md"), report);
		System.out.print(report);
	}

	/**
	 * Fails {@code count} running hosts of the big task at their running sub-step, from the {@code from}-th host on;
	 * returns where the next poll starts. LargeDataset runs host {@code i} (when {@code i % 10} is 6 or 7) at
	 * position {@code 1 + i % 11} of its 12 sub-steps, and its records were created in host order.
	 */
	private static int failRunningHosts(AppProcess source, long firstRecord, int from, int count, int poll)
			throws Exception {
		List<String> events = new ArrayList<>(count);
		String time = LargeDataset.T0.plus(Duration.ofDays(2)).plusSeconds(poll).toString();
		int i = from;
		for (; events.size() < count && i < HOSTS; i++) {
			if (LargeDataset.bigTaskStatus(i) != io.subwatch.subscription.Status.RUNNING) {
				continue;
			}
			int position = 1 + i % 11;
			String step = (position < 8) ? "agent" : "bkmonitorbeat";
			int sub = (position < 8) ? position : position - 8;
			events.add("{\"record_id\":%d,\"step_id\":\"%s\",\"sub_step\":%d,\"status\":\"FAILED\",\"time\":\"%s\",\"log\":\"[bench] failed in poll %d\"}"
				.formatted(firstRecord + i, step, sub, time, poll));
		}
		for (int k = 0; k < events.size(); k += 1_000) {
			String answer = new String(source.post("/api/v1/events",
					"{\"events\": [" + String.join(",", events.subList(k, Math.min(events.size(), k + 1_000))) + "]}"));
			assertThat(answer).as("events").contains("\"errors\":[]", "\"ignored\":0");
		}
		return i;
	}

	private static ConfigurableApplicationContext context(BenchDatabase db, int port, int managementPort,
			String... extra) {
		List<String> args = new ArrayList<>(List.of("--server.port=" + port, "--management.server.port=" + managementPort,
				"--spring.datasource.url=" + db.url(), "--spring.datasource.username=" + db.user(),
				"--spring.datasource.password=", "--subwatch.jobs.enabled=false", "--subwatch.demo.enabled=false",
				"--subwatch.simulator.enabled=false", "--subwatch.security.admin-password=" + AppProcess.ADMIN_PASSWORD,
				"--subwatch.security.initial-admin-password-file=target/bench-mirror/initial-admin-password-" + port,
				"--logging.level.root=WARN"));
		args.addAll(List.of(extra));
		return new SpringApplicationBuilder(SubwatchApplication.class).run(args.toArray(String[]::new));
	}

}
