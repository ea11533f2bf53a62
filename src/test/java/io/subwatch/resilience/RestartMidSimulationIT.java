package io.subwatch.resilience;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

import io.subwatch.ingest.AppJvm;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * SIGKILL in the middle of a simulation: the built-in simulator runs a task (some hosts done, some running, some
 * pending) and an external executor has hosts running, when the app JVM is killed. After the restart on the same
 * database everything the API showed before the kill is still there (no status went back, no log line is missing),
 * the simulator resumes its task to the end, and the external executor's silent hosts are failed by the zombie rule.
 */
class RestartMidSimulationIT {

	private static final int SIMULATED_HOSTS = 120;

	private static final int EXTERNAL_HOSTS = 20;

	private static final List<String> SIMULATION = List.of("--subwatch.jobs.enabled=true",
			"--subwatch.demo.enabled=false", "--subwatch.simulator.enabled=true", "--subwatch.simulator.tick=250ms",
			"--subwatch.simulator.launch-interval=1h", "--subwatch.simulator.max-running-tasks=1",
			"--subwatch.simulator.min-hosts=" + SIMULATED_HOSTS, "--subwatch.simulator.max-hosts=" + SIMULATED_HOSTS,
			"--subwatch.simulator.max-in-flight=40", "--subwatch.simulator.agent.min-duration=200ms",
			"--subwatch.simulator.agent.max-duration=800ms", "--subwatch.simulator.plugin.min-duration=200ms",
			"--subwatch.simulator.plugin.max-duration=800ms");

	private final JsonMapper json = JsonMapper.builder().build();

	@Test
	void afterAKillMidSimulationNothingShownIsLostAndRunningWorkEnds() throws Exception {
		Path workDir = Path.of("target/restart-test/" + System.nanoTime());
		long external;
		long simulated;
		Map<Long, Row> before;
		try (AppJvm app = AppJvm.start(workDir, "before-kill.log", Map.of(), SIMULATION)) {
			external = startExternalTask(app);
			simulated = awaitSimulatedTask(app, external);
			JsonNode progress = awaitProgress(app, simulated);
			before = rows(progress);
			assertThat(app.kill()).as("exit code of SIGKILL").isEqualTo(137);
		}
		List<String> restart = new ArrayList<>(SIMULATION);
		restart.addAll(List.of("--subwatch.zombie-timeout=5s", "--subwatch.zombie-check-interval=1s"));
		try (AppJvm app = AppJvm.start(workDir, "after-kill.log", Map.of(), restart)) {
			Map<Long, Row> after = rows(result(app, simulated));
			assertThat(after.keySet()).containsAll(before.keySet());
			before.forEach((record, shown) -> after.get(record).assertNotBehind(shown));

			JsonNode simulatedEnd = awaitFinished(app, simulated);
			assertThat(simulatedEnd.get("total").asInt()).isEqualTo(SIMULATED_HOSTS);
			JsonNode externalEnd = awaitFinished(app, external);
			assertThat(externalEnd.get("status_counter").get("FAILED").asInt()).as("failed by the zombie rule")
				.isEqualTo(EXTERNAL_HOSTS);
			String logs = externalEnd.toString();
			for (int i = 0; i < EXTERNAL_HOSTS; i++) {
				assertThat(logs).contains("[external " + i + " started]");
			}
		}
	}

	/** An external executor's task whose hosts all report sub-step 0 RUNNING and then fall silent. */
	private long startExternalTask(AppJvm app) throws Exception {
		long subscription = data(app.post("/api/v1/subscriptions", """
				{"name": "external executor", "bk_biz_id": 9, "steps": [{"id": "agent", "type": "AGENT"}]}"""))
			.get("subscription_id")
			.asLong();
		StringBuilder instances = new StringBuilder();
		for (int i = 0; i < EXTERNAL_HOSTS; i++) {
			instances.append((i > 0) ? "," : "").append("""
					{"instance_id": "host|instance|host|%d", "instance_info": {"host": {"bk_host_id": %d,
					 "bk_host_innerip": "10.13.0.%d", "bk_cloud_id": 0, "bk_biz_id": 9}},
					 "steps": [{"id": "agent", "action": "INSTALL_AGENT", "sub_steps": ["one", "two"]}]}"""
				.formatted(700_000 + i, 700_000 + i, i));
		}
		JsonNode created = data(app.post("/api/v1/subscriptions/" + subscription + "/tasks",
				"{\"ready\": true, \"instances\": [" + instances + "]}"));
		StringBuilder events = new StringBuilder();
		for (int i = 0; i < EXTERNAL_HOSTS; i++) {
			events.append((i > 0) ? "," : "").append("""
					{"record_id": %d, "step_id": "agent", "sub_step": 0, "status": "RUNNING", "time": "%s",
					 "log": "[external %d started]"}""".formatted(created.get("records").get(i).get("record_id").asLong(),
					Instant.now(), i));
		}
		assertThat(data(app.post("/api/v1/events", "{\"events\": [" + events + "]}")).get("applied").asInt())
			.isEqualTo(EXTERNAL_HOSTS);
		return subscription;
	}

	/** The simulator's subscription, once it has launched its task. */
	private long awaitSimulatedTask(AppJvm app, long external) throws Exception {
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
		while (System.nanoTime() < deadline) {
			for (JsonNode task : data(app.get("/api/v1/tasks?pending=true", "X-Bkapi-Authorization", auth()))) {
				if (task.get("subscription_id").asLong() != external) {
					return task.get("subscription_id").asLong();
				}
			}
			LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(200));
		}
		throw new AssertionError("the simulator launched no task within 60 s");
	}

	/** The simulated task mid-way: some hosts finished, some still running or pending. */
	private JsonNode awaitProgress(AppJvm app, long subscription) throws Exception {
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
		while (System.nanoTime() < deadline) {
			JsonNode data = result(app, subscription);
			JsonNode counter = data.get("status_counter");
			int done = counter.path("SUCCESS").asInt() + counter.path("FAILED").asInt();
			if (done >= 10) {
				assertThat(counter.path("PENDING").asInt() + counter.path("RUNNING").asInt()).as("work left")
					.isPositive();
				return data;
			}
			LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(200));
		}
		throw new AssertionError("the simulator finished no host within 60 s");
	}

	private JsonNode awaitFinished(AppJvm app, long subscription) throws Exception {
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
		JsonNode data = result(app, subscription);
		while (System.nanoTime() < deadline) {
			JsonNode counter = data.get("status_counter");
			if (counter.path("PENDING").asInt() + counter.path("RUNNING").asInt() == 0) {
				return data;
			}
			LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(250));
			data = result(app, subscription);
		}
		throw new AssertionError("work still pending or running 90 s after the restart: " + data.get("status_counter"));
	}

	private JsonNode result(AppJvm app, long subscription) throws Exception {
		return data(app.post("/backend/api/subscription/task_result/", """
				{"subscription_id": %d, "return_all": true, "need_detail": true}""".formatted(subscription)));
	}

	private static String auth() {
		return "{\"bk_app_code\": \"crash-test\", \"bk_app_secret\": \"crash-test-secret-0123456789\"}";
	}

	private JsonNode data(HttpResponse<String> answer) {
		assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
		JsonNode body = this.json.readTree(answer.body());
		assertThat(body.get("result").asBoolean()).as(answer.body()).isTrue();
		return body.get("data");
	}

	private static Map<Long, Row> rows(JsonNode data) {
		Map<Long, Row> rows = new HashMap<>();
		for (JsonNode row : data.get("list")) {
			List<String> statuses = new ArrayList<>();
			List<String> logs = new ArrayList<>();
			for (JsonNode step : row.get("steps")) {
				for (JsonNode sub : step.get("target_hosts").get(0).get("sub_steps")) {
					statuses.add(sub.get("status").asString());
					logs.add(sub.get("log").asString());
				}
			}
			rows.put(row.get("record_id").asLong(), new Row(row.get("status").asString(), statuses, logs));
		}
		return rows;
	}

	/** What task_result showed of a record: its status, and each sub-step's status and log. */
	record Row(String status, List<String> subStatuses, List<String> logs) {

		private static int rank(String status) {
			return switch (status) {
				case "PENDING" -> 0;
				case "RUNNING" -> 1;
				default -> 2;
			};
		}

		/** Nothing went back: a finished record or sub-step is unchanged, the rest moved forward, logs only grew. */
		void assertNotBehind(Row shown) {
			if (rank(shown.status) == 2) {
				assertThat(this.status).isEqualTo(shown.status);
			}
			assertThat(rank(this.status)).isGreaterThanOrEqualTo(rank(shown.status));
			for (int i = 0; i < shown.subStatuses.size(); i++) {
				String was = shown.subStatuses.get(i);
				String now = this.subStatuses.get(i);
				if (rank(was) == 2) {
					assertThat(now).as("sub-step %d", i).isEqualTo(was);
				}
				assertThat(rank(now)).as("sub-step %d", i).isGreaterThanOrEqualTo(rank(was));
				assertThat(this.logs.get(i)).as("log of sub-step %d", i).contains(shown.logs.get(i));
			}
		}

	}

}
