package io.subwatch.security;

import java.util.List;
import java.util.Map;
import java.util.Set;

import io.subwatch.audit.AuditDao;
import io.subwatch.audit.AuditEntry;
import io.subwatch.result.OperatorActions;
import io.subwatch.support.Api;
import io.subwatch.support.Fixtures;
import io.subwatch.support.IntegrationTest;
import io.subwatch.support.ResultScenario;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * API callers: anonymous, wrong credentials, wrong business, read-only where writing is needed, and the right
 * business, for the task_result family and the reporting API.
 */
@IntegrationTest
class ApiAccessTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	JsonMapper json;

	@Autowired
	Fixtures fixtures;

	@Autowired
	OperatorActions actions;

	@Autowired
	SecurityFixtures security;

	@Autowired
	AuditDao audit;

	Api api;

	ResultScenario scenario;

	/** A subscription of another business, invisible to applications granted only the scenario's. */
	long otherSubscription;

	@BeforeEach
	void setUp() {
		this.api = new Api(this.mvc, this.json);
		this.scenario = new ResultScenario(this.fixtures, this.actions);
		long otherBiz = this.fixtures.newBizId();
		this.otherSubscription = this.fixtures.subscription(otherBiz);
		this.fixtures.task(this.otherSubscription, this.fixtures.hosts(otherBiz, 1));
	}

	@Test
	void everyApiFamilyAnswers401WithTheEnvelopeWithoutCredentials() throws Exception {
		Api anonymous = this.api.anonymous();
		Map<String, Object> params = Map.of("subscription_id", this.scenario.subscriptionId);
		for (String path : List.of("/backend/api/subscription/task_result/", "/system/backend/api/subscription/task_result",
				"/v2/nodeman/backend/api/subscription/task_result/", "/api/bk-nodeman/prod/system/backend/api/subscription/task_result/",
				"/api/c/compapi/v2/nodeman/subscription_task_result/", "/backend/api/subscription/task_result_detail/",
				"/backend/api/subscription/retry/", "/backend/api/subscription/revoke/", "/api/v1/subscriptions",
				"/api/v1/events", "/api/v1/tasks/1/ready")) {
			JsonNode answer = anonymous.post(path, params);
			assertThat(anonymous.lastStatus).as(path).isEqualTo(401);
			assertUnauthenticated(answer);
		}
		assertUnauthenticated(anonymous.get("/api/v1/tasks?pending=true"));
		assertThat(anonymous.lastStatus).isEqualTo(401);
	}

	@Test
	void wrongSecretUnknownAppDisabledAppAndBrokenHeaderAre401() throws Exception {
		String code = this.security.application(true, false, Set.of(), Set.of());
		for (Api caller : List.of(this.api.as(code, "wrong secret", null), this.api.as("no-such-app", "x", null),
				this.api.as(code, null, null))) {
			assertUnauthenticated(caller.taskResult(Map.of("subscription_id", this.scenario.subscriptionId)));
			assertThat(caller.lastStatus).isEqualTo(401);
		}
		MvcResult broken = this.mvc.perform(get("/backend/api/subscription/task_result/?subscription_id=1")
			.header("X-Bkapi-Authorization", "bk_app_code=x")).andReturn();
		assertThat(broken.getResponse().getStatus()).isEqualTo(401);
		assertThat(broken.getResponse().getContentAsString()).contains("X-Bkapi-Authorization must be a JSON object");
	}

	@Test
	void credentialsWorkInHeaderQueryAndBodyAndTheBodyIsStillReadByTheController() throws Exception {
		String code = this.security.application(false, false, Set.of(this.scenario.bizId), Set.of());
		String pw = SecurityFixtures.PASSWORD;
		long id = this.scenario.subscriptionId;
		assertThat(this.api.as(code, pw, null).taskResult(Map.of("subscription_id", id)).get("result").asBoolean())
			.isTrue();
		MvcResult query = this.mvc.perform(get("/backend/api/subscription/task_result/")
			.param("subscription_id", String.valueOf(id))
			.param("bk_app_code", code)
			.param("bk_app_secret", pw)).andReturn();
		assertThat(this.json.readTree(query.getResponse().getContentAsString()).get("result").asBoolean()).isTrue();
		String body = this.json.writeValueAsString(Map.of("bk_app_code", code, "bk_app_secret", pw, "bk_username",
				"alice", "subscription_id", id, "pagesize", 2, "page", 1));
		MvcResult inBody = this.mvc.perform(post("/backend/api/subscription/task_result/")
			.contentType(MediaType.APPLICATION_JSON)
			.content(body)).andReturn();
		JsonNode answer = this.json.readTree(inBody.getResponse().getContentAsString());
		assertThat(answer.get("result").asBoolean()).isTrue();
		assertThat(answer.get("data").get("list")).hasSize(2);
		assertThat(inBody.getResponse().getHeader("Set-Cookie")).as("stateless").isNull();
		assertThat(inBody.getRequest().getSession(false)).as("no session").isNull();
	}

	@Test
	void theReportingApiReadsItsBodyAfterTheCredentialsWereTakenFromIt() throws Exception {
		String body = this.json.writeValueAsString(Map.of("bk_app_code", Api.APP_CODE, "bk_app_secret",
				Api.APP_SECRET, "bk_username", "executor-7", "name", "from body", "bk_biz_id", this.scenario.bizId,
				"steps", List.of(Map.of("id", "agent", "type", "AGENT"))));
		MvcResult result = this.mvc.perform(post("/api/v1/subscriptions").contentType(MediaType.APPLICATION_JSON)
			.content(body)).andReturn();
		JsonNode answer = this.json.readTree(result.getResponse().getContentAsString());
		assertThat(answer.get("result").asBoolean()).as(answer.toString()).isTrue();
		long id = answer.get("data").get("subscription_id").asLong();
		assertThat(this.json.readTree(this.mvc.perform(get("/backend/api/subscription/task_result/")
			.param("subscription_id", String.valueOf(id))
			.header("X-Bkapi-Authorization", "{\"bk_app_code\": \"" + Api.APP_CODE + "\", \"bk_app_secret\": \""
					+ Api.APP_SECRET + "\"}"))
			.andReturn()
			.getResponse()
			.getContentAsString()).get("code").asInt()).as("created, with no task yet").isEqualTo(3800003);
	}

	@Test
	void aSubscriptionOutsideTheGrantsAnswersLikeOneThatDoesNotExist() {
		String code = this.security.application(false, false, Set.of(this.scenario.bizId), Set.of());
		Api reader = this.api.as(code, SecurityFixtures.PASSWORD, null);
		JsonNode hidden = reader.taskResult(Map.of("subscription_id", this.otherSubscription));
		JsonNode missing = reader.taskResult(Map.of("subscription_id", Long.MAX_VALUE - 1));
		assertThat(hidden.get("code").asInt()).isEqualTo(3800003).isEqualTo(missing.get("code").asInt());
		assertThat(hidden.get("message").asString())
			.isEqualTo("subscription " + this.otherSubscription + " does not exist（3800003）");
		assertThat(reader.lastStatus).isEqualTo(200);
		JsonNode detail = reader.post("/backend/api/subscription/task_result_detail/", Map.of("subscription_id",
				this.otherSubscription, "instance_id", "host|instance|host|1"));
		assertThat(detail.get("message").asString()).contains("does not exist");
	}

	@Test
	void aReadOnlyApplicationCannotReportRetryOrRevoke() {
		String code = this.security.application(true, false, Set.of(), Set.of());
		Api reader = this.api.as(code, SecurityFixtures.PASSWORD, null);
		assertThat(reader.taskResult(Map.of("subscription_id", this.scenario.subscriptionId)).get("result").asBoolean())
			.isTrue();
		for (String path : List.of("/backend/api/subscription/revoke/", "/api/bk-nodeman/prod/system/backend/api/subscription/retry",
				"/api/v1/events", "/api/v1/subscriptions")) {
			JsonNode refused = reader.post(path, Map.of("subscription_id", this.scenario.subscriptionId));
			assertThat(reader.lastStatus).as(path).isEqualTo(403);
			assertThat(refused.get("code").asInt()).isEqualTo(3800403);
			assertThat(refused.get("result").asBoolean()).isFalse();
		}
		assertThat(reader.get("/api/v1/tasks?pending=true").get("result").asBoolean()).isTrue();
	}

	@Test
	void aWriterActsOnlyOnItsBusinessesAndBkUsernameIsTheAuditedActor() {
		String code = this.security.application(false, false, Set.of(), Set.of(this.scenario.bizId));
		Api writer = this.api.as(code, SecurityFixtures.PASSWORD, "alice");
		JsonNode revoked = writer.post("/backend/api/subscription/revoke/",
				Map.of("subscription_id", this.scenario.subscriptionId));
		assertThat(revoked.get("result").asBoolean()).as(revoked.toString()).isTrue();
		List<AuditEntry> entries = this.audit.findRecentBySubscription(this.scenario.subscriptionId, 5);
		assertThat(entries.get(0).action()).isEqualTo("TERMINATE");
		assertThat(entries.get(0).actor()).isEqualTo("alice");

		JsonNode other = writer.post("/backend/api/subscription/revoke/", Map.of("subscription_id", this.otherSubscription));
		assertThat(other.get("message").asString()).isEqualTo("subscription " + this.otherSubscription
				+ " does not exist（3800016）");
		JsonNode foreignBiz = writer.post("/api/v1/subscriptions", Map.of("name", "x", "bk_biz_id",
				this.scenario.bizId + 1_000_000, "steps", List.of(Map.of("id", "agent", "type", "AGENT"))));
		assertThat(foreignBiz.get("code").asInt()).isEqualTo(3800403);
		JsonNode own = writer.post("/api/v1/subscriptions", Map.of("name", "x", "bk_biz_id", this.scenario.bizId,
				"steps", List.of(Map.of("id", "agent", "type", "AGENT"))));
		assertThat(own.get("result").asBoolean()).as(own.toString()).isTrue();
	}

	@Test
	void aDisabledApplicationStopsWorkingAtOnce() {
		String code = this.security.application(true, true, Set.of(), Set.of());
		Api caller = this.api.as(code, SecurityFixtures.PASSWORD, null);
		assertThat(caller.taskResult(Map.of("subscription_id", this.scenario.subscriptionId)).get("result").asBoolean())
			.isTrue();
		this.security.disableApplication(code);
		assertUnauthenticated(caller.taskResult(Map.of("subscription_id", this.scenario.subscriptionId)));
	}

	@Test
	void aBrowserSessionDoesNotOpenTheApi() throws Exception {
		UserAccount admin = this.security.user(Role.ADMIN, BizScope.ALL);
		var session = SecurityFixtures.signIn(this.mvc, admin.username(), SecurityFixtures.PASSWORD,
				SecurityFixtures.address());
		MvcResult result = this.mvc.perform(get("/backend/api/subscription/task_result/")
			.param("subscription_id", String.valueOf(this.scenario.subscriptionId))
			.session(session)).andReturn();
		assertThat(result.getResponse().getStatus()).isEqualTo(401);
	}

	private static void assertUnauthenticated(JsonNode answer) {
		assertThat(answer.get("result").asBoolean()).isFalse();
		assertThat(answer.get("code").asInt()).isEqualTo(3800401);
		assertThat(answer.get("message").asString()).endsWith("（3800401）");
		assertThat(answer.get("data").isNull()).isTrue();
	}

}
