package io.subwatch.security;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.subwatch.support.Api;
import io.subwatch.support.Fixtures;
import io.subwatch.support.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Task and subscription ids of other businesses answer exactly like ids that do not exist (same HTTP status, code and
 * message shape) on every {@code /api/v1/tasks/{id}/...} and {@code /api/v1/subscriptions/{id}/...} endpoint and in
 * the task listing, and change nothing.
 */
@IntegrationTest
class ApiTaskScopeTest {

	static final long MISSING = 9_000_000_000_000_000L;

	@Autowired
	MockMvc mvc;

	@Autowired
	JsonMapper json;

	@Autowired
	Fixtures fixtures;

	@Autowired
	SecurityFixtures security;

	@Autowired
	JdbcClient jdbc;

	Api writer;

	long ownBiz;

	long otherBiz;

	long otherSubscription;

	long otherOpenTask;

	long otherReadyTask;

	@BeforeEach
	void setUp() {
		Api api = new Api(this.mvc, this.json);
		this.ownBiz = this.fixtures.newBizId();
		this.otherBiz = this.fixtures.newBizId();
		this.otherSubscription = this.fixtures.subscription(this.otherBiz);
		this.otherReadyTask = this.fixtures.task(this.otherSubscription, this.fixtures.hosts(this.otherBiz, 1)).taskId();
		this.otherOpenTask = api.post("/api/v1/subscriptions/" + this.otherSubscription + "/tasks",
				Map.of("ready", false, "instances", List.of(this.fixtures.host(this.otherBiz)))).get("data")
			.get("task_id")
			.asLong();
		String code = this.security.application(false, false, Set.of(), Set.of(this.ownBiz));
		this.writer = api.as(code, SecurityFixtures.PASSWORD, null);
	}

	/** The answer with the id at fault replaced, and the HTTP status: what a caller can compare. */
	private String shape(JsonNode answer, long id) {
		return this.writer.lastStatus + " " + answer.get("result").asBoolean() + " " + answer.get("code").asInt() + " "
				+ answer.get("message").asString().replaceAll("(?<![0-9])" + id + "(?![0-9])", "{id}");
	}

	private String post(String path, long id, Object body) {
		return shape(this.writer.post(path.replace("{id}", String.valueOf(id)), body), id);
	}

	@Test
	void anotherBusinesssTaskLooksMissingOnReadyAndInstances() {
		for (long task : List.of(this.otherOpenTask, this.otherReadyTask)) {
			assertThat(post("/api/v1/tasks/{id}/ready", task, Map.of()))
				.isEqualTo(post("/api/v1/tasks/{id}/ready", MISSING, Map.of()))
				.isEqualTo("200 false 3800003 task {id} does not exist（3800003）");
			assertThat(post("/api/v1/tasks/{id}/ready", task, Map.of("error", "x")))
				.isEqualTo(post("/api/v1/tasks/{id}/ready", MISSING, Map.of("error", "x")));
			Map<String, Object> batch = Map.of("instances", List.of(this.fixtures.host(this.otherBiz)));
			assertThat(post("/api/v1/tasks/{id}/instances", task, batch))
				.isEqualTo(post("/api/v1/tasks/{id}/instances", MISSING, batch))
				.isEqualTo("200 false 3800003 task {id} does not exist（3800003）");
		}
		assertThat(this.jdbc.sql("SELECT is_ready FROM subscription_task WHERE id = :id")
			.param("id", this.otherOpenTask)
			.query(Boolean.class)
			.single()).as("unchanged").isFalse();
		assertThat(this.jdbc.sql("SELECT COUNT(*) FROM instance_record WHERE task_id = :id")
			.param("id", this.otherOpenTask)
			.query(Integer.class)
			.single()).isEqualTo(1);
	}

	@Test
	void anotherBusinesssSubscriptionLooksMissingForTasksAndTheListing() {
		Map<String, Object> task = Map.of("ready", true, "instances", List.of(this.fixtures.host(this.otherBiz)));
		assertThat(post("/api/v1/subscriptions/{id}/tasks", this.otherSubscription, task))
			.isEqualTo(post("/api/v1/subscriptions/{id}/tasks", MISSING, task))
			.isEqualTo("200 false 3800001 subscription {id} does not exist（3800001）");
		assertThat(shape(this.writer.get("/api/v1/tasks?pending=true&subscription_id=" + this.otherSubscription),
				this.otherSubscription))
			.isEqualTo(shape(this.writer.get("/api/v1/tasks?pending=true&subscription_id=" + MISSING), MISSING));
		JsonNode listed = this.writer.get("/api/v1/tasks?pending=true&limit=1000");
		List<Long> subscriptions = new ArrayList<>();
		listed.get("data").forEach((t) -> subscriptions.add(t.get("subscription_id").asLong()));
		assertThat(subscriptions).doesNotContain(this.otherSubscription);
	}

	@Test
	void aTaskTheCallerMayReadButNotWriteIsRefusedAsForbidden() {
		String code = this.security.application(false, false, Set.of(this.otherBiz), Set.of(this.ownBiz));
		Api reader = new Api(this.mvc, this.json).as(code, SecurityFixtures.PASSWORD, null);
		JsonNode refused = reader.post("/api/v1/tasks/" + this.otherOpenTask + "/ready", Map.of());
		assertThat(reader.lastStatus).isEqualTo(403);
		assertThat(refused.get("code").asInt()).isEqualTo(3800403);
	}

}
