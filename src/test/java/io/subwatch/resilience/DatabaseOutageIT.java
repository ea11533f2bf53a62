package io.subwatch.resilience;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.subwatch.ingest.AppJvm;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The database goes away under the packaged app and comes back: a private MariaDB is stopped while an executor
 * reports events and a signed-in user reads pages. Meanwhile the API answers HTTP 503 with code 3800502, pages the
 * friendly 503 page, actuator health is DOWN; once the server is started again the app recovers without a restart,
 * the executor's retried batches are all applied (nothing acknowledged is lost), and the pool's connections and the
 * JVM's threads are back to where they were.
 */
class DatabaseOutageIT {

	private static final int HOSTS = 200;

	private static final int SUB_STEPS = 4;

	private static final int BATCH = 50;

	/** The executor pauses after this many acknowledged batches until the database is down. */
	private static final int BEFORE_OUTAGE = 4;

	/** How long the simulated executor waits before sending a refused batch again (its back-off). */
	private static final long RETRY_BACKOFF_MS = 250;

	private final JsonMapper json = JsonMapper.builder().build();

	@Test
	void theAppAnswers503WhileTheDatabaseIsDownAndRecoversWithoutLosingAnything() throws Exception {
		Assumptions.assumeTrue(PrivateMariaDb.installed(), "MariaDB (mariadbd, mariadb-install-db) is not installed");
		try (PrivateMariaDb db = PrivateMariaDb.create();
				AppJvm app = AppJvm.start(Path.of("target/outage-test/" + System.nanoTime()), "app.log",
						Map.of("SPRING_PROFILES_ACTIVE", "mysql", "SUBWATCH_DB_URL", db.jdbcUrl(), "SUBWATCH_DB_USER",
								"subwatch", "SUBWATCH_DB_PASSWORD", "subwatch"),
						List.of("--subwatch.jobs.enabled=false", "--subwatch.demo.enabled=false",
								"--subwatch.simulator.enabled=false",
								"--spring.datasource.hikari.connection-timeout=2000"))) {
			long subscription = data(app.post("/api/v1/subscriptions", """
					{"name": "outage test", "bk_biz_id": 8, "steps": [{"id": "agent", "type": "AGENT"}]}"""))
				.get("subscription_id")
				.asLong();
			JsonNode created = data(app.post("/api/v1/subscriptions/" + subscription + "/tasks", task()));
			List<Long> records = new ArrayList<>();
			created.get("records").forEach((record) -> records.add(record.get("record_id").asLong()));
			app.signIn();
			assertThat(app.get("/subscriptions/" + subscription).statusCode()).isEqualTo(200);
			int threadsBefore = (int) metric(app, "jvm_threads_live_threads");

			List<String> acknowledged = new ArrayList<>();
			CountDownLatch paused = new CountDownLatch(1);
			CountDownLatch down = new CountDownLatch(1);
			AtomicInteger refused = new AtomicInteger();
			ExecutorService executor = Executors.newSingleThreadExecutor();
			try {
				Future<?> reporting = executor.submit(() -> {
					report(app, records, acknowledged, refused, paused, down);
					return null;
				});
				assertThat(paused.await(60, TimeUnit.SECONDS)).isTrue();
				db.stop();
				down.countDown();

				HttpResponse<String> events = app.post("/api/v1/events", "{\"events\": []}");
				assertUnavailable(events);
				assertUnavailable(app.post("/backend/api/subscription/task_result/",
						"{\"subscription_id\": " + subscription + "}"));
				HttpResponse<String> page = app.get("/subscriptions/" + subscription);
				assertThat(page.statusCode()).as(page.body()).isEqualTo(503);
				assertThat(page.body()).contains("id=\"error-503\"").doesNotContain("Exception");
				HttpResponse<String> health = app.management("/actuator/health");
				assertThat(health.statusCode()).isEqualTo(503);
				assertThat(health.body()).contains("\"DOWN\"");

				db.start();
				awaitHealthy(app);
				reporting.get(120, TimeUnit.SECONDS);
			}
			finally {
				executor.shutdownNow();
			}
			assertThat(refused.get()).as("batches refused while the database was down").isPositive();
			assertThat(acknowledged).hasSize(HOSTS * SUB_STEPS);

			assertThat(app.get("/subscriptions/" + subscription).statusCode()).isEqualTo(200);
			JsonNode rows = data(app.post("/backend/api/subscription/task_result/", """
					{"subscription_id": %d, "return_all": true, "need_detail": true}""".formatted(subscription)));
			String logs = rows.toString();
			assertThat(acknowledged.stream().filter((token) -> !logs.contains(token)).toList())
				.as("acknowledged events missing after the outage")
				.isEmpty();
			assertThat(rows.get("status_counter").get("SUCCESS").asInt()).isEqualTo(HOSTS);

			assertThat(awaitMetric(app, "hikaricp_connections_active", 0)).as("connections in use when idle").isZero();
			assertThat(metric(app, "hikaricp_connections_pending")).isZero();
			assertThat((int) metric(app, "jvm_threads_live_threads")).as("live threads")
				.isLessThanOrEqualTo(threadsBefore + 20);
		}
	}

	/**
	 * The executor: every sub-step of every host as SUCCESS in batches, each sent until it is acknowledged (a 503 or
	 * a broken connection is sent again after a back-off). It pauses after {@link #BEFORE_OUTAGE} acknowledgements
	 * until the database is down, so later batches meet the outage.
	 */
	private void report(AppJvm app, List<Long> records, List<String> acknowledged, AtomicInteger refused,
			CountDownLatch paused, CountDownLatch down) throws Exception {
		int batches = 0;
		for (int subStep = 0; subStep < SUB_STEPS; subStep++) {
			for (int from = 0; from < records.size(); from += BATCH) {
				List<String> tokens = new ArrayList<>();
				StringBuilder events = new StringBuilder();
				for (int i = from; i < from + BATCH; i++) {
					String token = "[outage s%d r%d]".formatted(subStep, records.get(i));
					tokens.add(token);
					events.append((i > from) ? "," : "").append("""
							{"record_id": %d, "step_id": "agent", "sub_step": %d, "status": "SUCCESS", "time": "%s",
							 "log": "%s"}""".formatted(records.get(i), subStep,
							Instant.parse("2026-11-28T02:00:00Z").plusSeconds(subStep), token));
				}
				while (!send(app, "{\"events\": [" + events + "]}")) {
					refused.incrementAndGet();
					LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(RETRY_BACKOFF_MS));
				}
				acknowledged.addAll(tokens);
				if (++batches == BEFORE_OUTAGE) {
					paused.countDown();
					assertThat(down.await(60, TimeUnit.SECONDS)).isTrue();
				}
			}
		}
	}

	private boolean send(AppJvm app, String body) throws InterruptedException {
		try {
			HttpResponse<String> answer = app.post("/api/v1/events", body);
			if (answer.statusCode() == 503) {
				assertUnavailable(answer);
				return false;
			}
			assertThat(data(answer).get("errors")).isEmpty();
			return true;
		}
		catch (IOException ex) {
			return false;
		}
	}

	private void assertUnavailable(HttpResponse<String> answer) {
		assertThat(answer.statusCode()).as(answer.body()).isEqualTo(503);
		JsonNode body = this.json.readTree(answer.body());
		assertThat(body.get("result").asBoolean()).isFalse();
		assertThat(body.get("code").asInt()).as(answer.body()).isEqualTo(3800502);
		assertThat(answer.headers().firstValue("Retry-After")).isPresent();
	}

	private static void awaitHealthy(AppJvm app) throws Exception {
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
		while (System.nanoTime() < deadline) {
			if (app.management("/actuator/health").statusCode() == 200) {
				return;
			}
			LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(100));
		}
		throw new AssertionError("the app did not report healthy within 60 s of the database's restart");
	}

	/** The metric's value once it reaches {@code expected}, or its last value after 10 s. */
	private static double awaitMetric(AppJvm app, String name, double expected) throws Exception {
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
		double value = metric(app, name);
		while (value != expected && System.nanoTime() < deadline) {
			LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(100));
			value = metric(app, name);
		}
		return value;
	}

	/** A gauge from /actuator/prometheus (the sum over its series). */
	static double metric(AppJvm app, String name) throws Exception {
		String text = app.management("/actuator/prometheus").body();
		Matcher line = Pattern.compile("(?m)^" + name + "(\\{[^}]*\\})? ([0-9.eE+-]+)$").matcher(text);
		double sum = 0;
		boolean found = false;
		while (line.find()) {
			sum += Double.parseDouble(line.group(2));
			found = true;
		}
		assertThat(found).as("metric " + name).isTrue();
		return sum;
	}

	private JsonNode data(HttpResponse<String> answer) {
		assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
		JsonNode body = this.json.readTree(answer.body());
		assertThat(body.get("result").asBoolean()).as(answer.body()).isTrue();
		return body.get("data");
	}

	private static String task() {
		StringBuilder instances = new StringBuilder();
		for (int i = 0; i < HOSTS; i++) {
			instances.append((i > 0) ? "," : "").append("""
					{"instance_id": "host|instance|host|%d", "instance_info": {"host": {"bk_host_id": %d,
					 "bk_host_innerip": "10.12.%d.%d", "bk_cloud_id": 0, "bk_biz_id": 8}},
					 "steps": [{"id": "agent", "action": "INSTALL_AGENT",
					 "sub_steps": ["sub-step 0", "sub-step 1", "sub-step 2", "sub-step 3"]}]}"""
				.formatted(800_000 + i, 800_000 + i, i / 250, i % 250));
		}
		return "{\"ready\": true, \"instances\": [" + instances + "]}";
	}

}
