package io.subwatch.security;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

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
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The neighbours added for bk-monitor and NodeMan (check_task_ready, info, statistic, instance_status, retry_node)
 * keep the credentials and business scopes of task_result: another business's subscription looks missing, and
 * retry_node needs a write grant.
 */
@IntegrationTest
class NeighbourAccessTest {

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

	Api api;

	ResultScenario scenario;

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
	void anotherBusinesssSubscriptionLooksMissing() {
		String code = this.security.application(false, false, Set.of(this.scenario.bizId), Set.of());
		Api reader = this.api.as(code, SecurityFixtures.PASSWORD, null);
		List<Long> both = List.of(this.otherSubscription, this.scenario.subscriptionId);
		for (String name : List.of("info", "statistic", "instance_status")) {
			JsonNode data = reader.post("/backend/api/subscription/" + name + "/", Map.of("subscription_id_list", both))
				.get("data");
			assertThat(data.size()).as(name).isEqualTo(1);
			assertThat(data.get(0).has("id") ? data.get(0).get("id").asLong()
					: data.get(0).get("subscription_id").asLong()).as(name).isEqualTo(this.scenario.subscriptionId);
		}
		JsonNode ready = reader.post("/backend/api/subscription/check_task_ready/",
				Map.of("subscription_id", this.otherSubscription));
		assertThat(ready.get("code").asInt()).isEqualTo(3800003);
		assertThat(reader.post("/backend/api/subscription/check_task_ready/",
				Map.of("subscription_id", this.scenario.subscriptionId)).get("data").asBoolean()).isTrue();
	}

	@Test
	void retryNodeNeedsAWriteGrantOnTheBusiness() {
		this.fixtures.send(Fixtures.finish(this.scenario.retryRecords.get(1), 2, Instant.parse("2026-11-28T03:00:00Z")));
		Map<String, Object> body = Map.of("subscription_id", this.scenario.subscriptionId, "instance_id",
				this.scenario.instances.get(7));
		Api reader = this.api.as(this.security.application(true, false, Set.of(), Set.of()), SecurityFixtures.PASSWORD,
				null);
		for (String path : List.of("/backend/api/subscription/retry_node/",
				"/api/c/compapi/v2/nodeman/subscription_retry_node/")) {
			JsonNode refused = reader.post(path, body);
			assertThat(reader.lastStatus).as(path).isEqualTo(403);
			assertThat(refused.get("code").asInt()).isEqualTo(3800403);
		}
		Api otherWriter = this.api.as(this.security.application(true, false, Set.of(), Set.of(this.scenario.bizId + 1)),
				SecurityFixtures.PASSWORD, null);
		assertThat(otherWriter.post("/backend/api/subscription/retry_node/", body).get("code").asInt())
			.isEqualTo(3800403);
		Api writer = this.api.as(this.security.application(false, false, Set.of(), Set.of(this.scenario.bizId)),
				SecurityFixtures.PASSWORD, "bob");
		JsonNode done = writer.post("/backend/api/subscription/retry_node/", body);
		assertThat(done.get("result").asBoolean()).as(done.toString()).isTrue();
		JsonNode hidden = writer.post("/backend/api/subscription/retry_node/",
				Map.of("subscription_id", this.otherSubscription, "instance_id", "host|instance|host|1"));
		assertThat(hidden.get("message").asString()).contains("does not exist");
	}

}
