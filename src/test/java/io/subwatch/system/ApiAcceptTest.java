package io.subwatch.system;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import io.subwatch.ingest.IngestService.CreatedTask;
import io.subwatch.support.Api;
import io.subwatch.support.Fixtures;
import io.subwatch.support.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The API answers JSON in the envelope whatever {@code Accept} says: answers, streamed answers and errors alike, and
 * a write is answered 200 (not 406 after it was done), so a client never retries a write that happened.
 */
@IntegrationTest
class ApiAcceptTest {

	static final Instant T0 = Instant.parse("2026-11-28T02:00:00Z");

	@Autowired
	Fixtures fixtures;

	@Autowired
	MockMvc mvc;

	@Autowired
	JsonMapper json;

	@Autowired
	JdbcClient jdbc;

	long bizId;

	long subscriptionId;

	CreatedTask task;

	@BeforeEach
	void setUp() {
		this.bizId = this.fixtures.newBizId();
		this.subscriptionId = this.fixtures.subscription(this.bizId);
		this.task = this.fixtures.task(this.subscriptionId, this.fixtures.hosts(this.bizId, 2));
	}

	private JsonNode call(MockHttpServletRequestBuilder request, String accept, int status) throws Exception {
		MockHttpServletResponse response = this.mvc
			.perform(request.header("X-Bkapi-Authorization", credentials()).header("Accept", accept))
			.andReturn()
			.getResponse();
		assertThat(response.getStatus()).as(response.getContentAsString()).isEqualTo(status);
		assertThat(response.getContentType()).startsWith(MediaType.APPLICATION_JSON_VALUE);
		return this.json.readTree(response.getContentAsByteArray());
	}

	private JsonNode post(String path, Object body, String accept) throws Exception {
		return call(MockMvcRequestBuilders.post(path)
			.contentType(MediaType.APPLICATION_JSON)
			.content(this.json.writeValueAsString(body)), accept, 200);
	}

	private String credentials() {
		return this.json.writeValueAsString(Map.of("bk_app_code", Api.APP_CODE, "bk_app_secret", Api.APP_SECRET,
				"bk_username", "tester"));
	}

	@ParameterizedTest
	@ValueSource(strings = { "application/xml", "text/html", "text/plain", "image/png" })
	void taskResultStreamsJsonAndItsErrorsAreTheEnvelope(String accept) throws Exception {
		JsonNode rows = post("/backend/api/subscription/task_result/",
				Map.of("subscription_id", this.subscriptionId, "pagesize", 10), accept);
		assertThat(rows.get("result").asBoolean()).isTrue();
		assertThat(rows.get("data").get("total").asInt()).isEqualTo(2);
		JsonNode missing = post("/backend/api/subscription/task_result/", Map.of("subscription_id", 987_654_321L),
				accept);
		assertThat(missing.get("result").asBoolean()).isFalse();
		assertThat(missing.get("message").asString()).contains("does not exist");
		JsonNode invalid = post("/backend/api/subscription/task_result/", Map.of("pagesize", 10), accept);
		assertThat(invalid.get("code").asInt()).isEqualTo(3800001);
		JsonNode viaGet = call(MockMvcRequestBuilders.get("/backend/api/subscription/task_result/")
			.param("subscription_id", String.valueOf(this.subscriptionId)), accept, 200);
		assertThat(viaGet.get("data").size()).isEqualTo(2);
	}

	@ParameterizedTest
	@ValueSource(strings = { "application/xml", "text/html", "text/plain", "image/png" })
	void retryAnswersTheEnvelope(String accept) throws Exception {
		this.fixtures.send(Fixtures.finish(this.task.records().get(0).recordId(), 0, T0));
		JsonNode retried = post("/backend/api/subscription/retry/", Map.of("subscription_id", this.subscriptionId),
				accept);
		assertThat(retried.get("result").asBoolean()).as(retried.toString()).isTrue();
		assertThat(retried.get("data").get("instance_count").asInt()).isEqualTo(1);
		JsonNode nothing = post("/backend/api/subscription/retry/", Map.of("subscription_id", this.subscriptionId),
				accept);
		assertThat(nothing.get("code").asInt()).isEqualTo(3800007);
		// spec section 7: a wrong HTTP method is the envelope with code 3800405 (HTTP 200, as NodeMan answers errors)
		JsonNode wrongMethod = call(MockMvcRequestBuilders.get("/backend/api/subscription/retry/"), accept, 200);
		assertThat(wrongMethod.get("code").asInt()).isEqualTo(3800405);
	}

	@ParameterizedTest
	@ValueSource(strings = { "application/xml", "text/html", "text/plain", "image/png" })
	void eventsAreAppliedOnceAndAnswered(String accept) throws Exception {
		long record = this.task.records().get(0).recordId();
		JsonNode outcome = post("/api/v1/events",
				Map.of("events", List.of(Fixtures.event(record, 0, "RUNNING", T0, "[x INFO] started"))), accept);
		assertThat(outcome.get("data").get("applied").asInt()).isEqualTo(1);
		assertThat(this.jdbc.sql("SELECT COUNT(*) FROM sub_step_log WHERE record_id = :id")
			.param("id", record)
			.query(Integer.class)
			.single()).isEqualTo(1);
		JsonNode invalid = post("/api/v1/events", Map.of("events", "none"), accept);
		assertThat(invalid.get("code").asInt()).isEqualTo(3800001);
	}

	@ParameterizedTest
	@ValueSource(strings = { "application/xml", "text/html", "text/plain", "image/png" })
	void aSubscriptionIsCreatedExactlyOnceAndItsIdAnswered(String accept) throws Exception {
		String name = "accept " + accept + " " + System.nanoTime();
		JsonNode created = post("/api/v1/subscriptions", Map.of("name", name, "bk_biz_id", this.bizId, "steps",
				List.of(Map.of("id", "agent", "type", "AGENT"))), accept);
		assertThat(created.get("result").asBoolean()).as(created.toString()).isTrue();
		long id = created.get("data").get("subscription_id").asLong();
		assertThat(this.jdbc.sql("SELECT id FROM subscription WHERE name = :name")
			.param("name", name)
			.query(Long.class)
			.list()).containsExactly(id);
		JsonNode invalid = post("/api/v1/subscriptions", Map.of("name", name), accept);
		assertThat(invalid.get("code").asInt()).isEqualTo(3800001);
		JsonNode unreadable = call(MockMvcRequestBuilders.post("/api/v1/subscriptions")
			.contentType(MediaType.APPLICATION_JSON)
			.content("{not json"), accept, 200);
		assertThat(unreadable.get("code").asInt()).isEqualTo(3800001);
	}

	@ParameterizedTest
	@ValueSource(strings = { "application/xml", "text/html", "text/plain", "image/png" })
	void tasksAreCreatedAndListedAnswered(String accept) throws Exception {
		JsonNode created = post("/api/v1/subscriptions/" + this.subscriptionId + "/tasks",
				Map.of("ready", false), accept);
		assertThat(created.get("result").asBoolean()).as(created.toString()).isTrue();
		long taskId = created.get("data").get("task_id").asLong();
		JsonNode added = post("/api/v1/tasks/" + taskId + "/instances",
				Map.of("instances", List.of(this.fixtures.host(this.bizId))), accept);
		assertThat(added.get("data").get("records").size()).isEqualTo(1);
		JsonNode ready = post("/api/v1/tasks/" + taskId + "/ready", Map.of(), accept);
		assertThat(ready.get("data").get("task_id").asLong()).isEqualTo(taskId);
		assertThat(this.jdbc.sql("SELECT COUNT(*) FROM subscription_task WHERE subscription_id = :id")
			.param("id", this.subscriptionId)
			.query(Integer.class)
			.single()).isEqualTo(2);
		JsonNode pending = call(MockMvcRequestBuilders.get("/api/v1/tasks")
			.param("pending", "true")
			.param("subscription_id", String.valueOf(this.subscriptionId)), accept, 200);
		assertThat(pending.get("result").asBoolean()).isTrue();
		JsonNode badPath = call(MockMvcRequestBuilders.post("/api/v1/tasks/abc/ready")
			.contentType(MediaType.APPLICATION_JSON)
			.content("{}"), accept, 200);
		assertThat(badPath.get("code").asInt()).isEqualTo(3800001);
		JsonNode unknown = call(MockMvcRequestBuilders.get("/api/v1/nothing-here"), accept, 404);
		assertThat(unknown.get("result").asBoolean()).isFalse();
	}

}
