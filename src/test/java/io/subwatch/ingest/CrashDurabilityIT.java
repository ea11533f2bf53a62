package io.subwatch.ingest;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What /api/v1/events acknowledges survives a crash: two writers send 250-event batches to the packaged app in its
 * own JVM, the app is killed with SIGKILL right after an acknowledgement, and after a restart on the same database
 * every acknowledged event is there (issue 11, point 1: H2's default delayed commit writes lost the last batches).
 */
class CrashDurabilityIT {

	private static final int WRITERS = 2;

	private static final int RECORDS_PER_WRITER = 500;

	private static final int BATCH = 250;

	private static final int SUB_STEPS = 10;

	/** Kill after this many acknowledged batches (of the 40 the writers could send): mid-stream, both writing. */
	private static final int KILL_AFTER = 14;

	private final JsonMapper json = JsonMapper.builder().build();

	@Test
	void acknowledgedEventsSurviveAKillOnTheEmbeddedDefault() throws Exception {
		// No datasource settings: the app's own default, ./data/subwatch in the working directory.
		crashAndCheck(Path.of("target/crash-test/h2-" + System.nanoTime()), Map.of());
	}

	@Test
	@EnabledIfEnvironmentVariable(named = "SUBWATCH_TEST_MYSQL_URL", matches = ".+")
	void acknowledgedEventsSurviveAKillOnMySql() throws Exception {
		crashAndCheck(Path.of("target/crash-test/mysql-" + System.nanoTime()), Map.of("SPRING_PROFILES_ACTIVE", "mysql",
				"SUBWATCH_DB_URL", System.getenv("SUBWATCH_TEST_MYSQL_URL"), "SUBWATCH_DB_USER",
				System.getenv("SUBWATCH_TEST_MYSQL_USER"), "SUBWATCH_DB_PASSWORD",
				System.getenv("SUBWATCH_TEST_MYSQL_PASSWORD")));
	}

	private void crashAndCheck(Path workDir, Map<String, String> environment) throws Exception {
		Queue<String> acknowledged = new ConcurrentLinkedQueue<>();
		long subscription;
		long task;
		try (AppJvm app = AppJvm.start(workDir, "before-kill.log", environment)) {
			subscription = data(app.post("/api/v1/subscriptions", """
					{"name": "crash test", "bk_biz_id": 7, "steps": [{"id": "agent", "type": "AGENT"}]}"""))
				.get("subscription_id")
				.asLong();
			JsonNode created = data(app.post("/api/v1/subscriptions/" + subscription + "/tasks", task()));
			task = created.get("task_id").asLong();
			List<Long> records = new ArrayList<>();
			created.get("records").forEach((record) -> records.add(record.get("record_id").asLong()));
			assertThat(app.executable()).endsWith("java");
			AtomicInteger acks = new AtomicInteger();
			AtomicBoolean killed = new AtomicBoolean();
			ExecutorService writers = Executors.newFixedThreadPool(WRITERS);
			try {
				List<Future<?>> running = new ArrayList<>();
				for (int w = 0; w < WRITERS; w++) {
					List<Long> own = records.subList(w * RECORDS_PER_WRITER, (w + 1) * RECORDS_PER_WRITER);
					int writer = w;
					running.add(writers.submit(() -> {
						write(app, writer, own, acknowledged, acks, killed);
						return null;
					}));
				}
				for (Future<?> writer : running) {
					writer.get();
				}
			}
			finally {
				writers.shutdownNow();
			}
			assertThat(killed).as("the app was killed mid-stream").isTrue();
		}
		assertThat(acknowledged).hasSizeGreaterThanOrEqualTo(KILL_AFTER * BATCH);
		try (AppJvm restarted = AppJvm.start(workDir, "after-kill.log", environment)) {
			String logs = String.valueOf(data(restarted.post("/backend/api/subscription/task_result/", """
					{"subscription_id": %d, "task_id_list": [%d], "return_all": true, "need_detail": true}"""
				.formatted(subscription, task))));
			List<String> lost = acknowledged.stream().filter((token) -> !logs.contains(token)).toList();
			assertThat(lost).as("acknowledged events missing after the restart").isEmpty();
		}
	}

	/**
	 * Sends the writer's batches (sub-step by sub-step, half its records per batch, so every event moves a record
	 * forward and is applied); the writer whose acknowledgement is the {@link #KILL_AFTER}th kills the app at once.
	 */
	private void write(AppJvm app, int writer, List<Long> records, Queue<String> acknowledged, AtomicInteger acks,
			AtomicBoolean killed) throws Exception {
		for (int subStep = 0; subStep < SUB_STEPS; subStep++) {
			for (int from = 0; from < records.size(); from += BATCH) {
				if (killed.get()) {
					return;
				}
				List<String> tokens = new ArrayList<>(BATCH);
				StringBuilder events = new StringBuilder();
				for (int i = from; i < from + BATCH; i++) {
					String token = "[ack w%d s%d r%d]".formatted(writer, subStep, records.get(i));
					tokens.add(token);
					events.append((i > from) ? "," : "").append("""
							{"record_id": %d, "step_id": "agent", "sub_step": %d, "status": "SUCCESS", "time": "%s",
							 "log": "%s"}""".formatted(records.get(i), subStep,
							Instant.parse("2026-11-28T02:00:00Z").plusSeconds(subStep), token));
				}
				HttpResponse<String> answer;
				try {
					answer = app.post("/api/v1/events", "{\"events\": [" + events + "]}");
				}
				catch (IOException ex) {
					assertThat(killed).as("the app failed while not killed: " + ex).isTrue();
					return; // in flight when the other writer killed the app: not acknowledged
				}
				assertThat(data(answer).get("applied").asInt()).isEqualTo(BATCH);
				acknowledged.addAll(tokens);
				if (acks.incrementAndGet() == KILL_AFTER) {
					killed.set(true);
					assertThat(app.kill()).as("exit code of SIGKILL").isEqualTo(137);
					return;
				}
			}
		}
	}

	private JsonNode data(HttpResponse<String> answer) {
		assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
		JsonNode body = this.json.readTree(answer.body());
		assertThat(body.get("result").asBoolean()).as(answer.body()).isTrue();
		return body.get("data");
	}

	private static String task() {
		StringBuilder instances = new StringBuilder();
		List<String> subSteps = new ArrayList<>();
		for (int s = 0; s < SUB_STEPS; s++) {
			subSteps.add("\"sub-step " + s + "\"");
		}
		for (int i = 0; i < WRITERS * RECORDS_PER_WRITER; i++) {
			instances.append((i > 0) ? "," : "").append("""
					{"instance_id": "host|instance|host|%d", "instance_info": {"host": {"bk_host_id": %d,
					 "bk_host_innerip": "10.11.%d.%d", "bk_cloud_id": 0, "bk_biz_id": 7}},
					 "steps": [{"id": "agent", "action": "INSTALL_AGENT", "sub_steps": [%s]}]}"""
				.formatted(900_000 + i, 900_000 + i, i / 250, i % 250, String.join(",", subSteps)));
		}
		return "{\"ready\": true, \"instances\": [" + instances + "]}";
	}

}
