package io.subwatch.result;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

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
 * Every neighbour under every prefix of spec section 1 (the compapi form bk-monitor builds without the API gateway
 * included), with and without the trailing slash, with the methods NodeMan allows; NodeMan's management endpoints and
 * unknown names answer the envelope, never a bare 404.
 */
@IntegrationTest
class SubscriptionRoutesTest {

	/** Every prefix, as a format with the endpoint name. */
	static final List<String> FORMS = List.of("/backend/api/subscription/%s", "/system/backend/api/subscription/%s",
			"/v2/nodeman/backend/api/subscription/%s", "/api/bk-nodeman/prod/system/backend/api/subscription/%s",
			"/api/bk-nodeman/test/system/backend/api/subscription/%s",
			"/api/c/compapi/v2/nodeman/backend/api/subscription/%s", "/api/c/compapi/v2/nodeman/subscription_%s",
			"/v2/nodeman/subscription_%s");

	@Autowired
	Fixtures fixtures;

	@Autowired
	OperatorActions actions;

	@Autowired
	MockMvc mvc;

	@Autowired
	JsonMapper json;

	Api api;

	ResultScenario s;

	@BeforeEach
	void setUp() {
		this.api = new Api(this.mvc, this.json);
		this.s = new ResultScenario(this.fixtures, this.actions);
	}

	static List<String> urls(String name) {
		List<String> urls = new ArrayList<>();
		for (String form : FORMS) {
			urls.add(form.formatted(name));
			urls.add(form.formatted(name) + "/");
		}
		return urls;
	}

	JsonNode ok(JsonNode answer, String url) {
		assertThat(this.api.lastStatus).as(url).isEqualTo(200);
		assertThat(answer.get("result").asBoolean()).as(url + " " + answer).isTrue();
		return answer.get("data");
	}

	void refused(JsonNode answer, int code, String url) {
		assertThat(this.api.lastStatus).as(url).isEqualTo(200);
		assertThat(answer.get("result").asBoolean()).as(url).isFalse();
		assertThat(answer.get("code").asInt()).as(url + " " + answer).isEqualTo(code);
	}

	@Test
	void readEndpointsAnswerGetAndPostUnderEveryPrefix() {
		long id = this.s.subscriptionId;
		String instance = this.s.instances.get(0);
		for (String url : urls("task_result")) {
			assertThat(ok(this.api.post(url, Map.of("subscription_id", id, "pagesize", 1)), url).get("total").asInt())
				.isEqualTo(2);
			assertThat(ok(this.api.get(url + "?subscription_id=" + id), url).size()).isEqualTo(2);
		}
		for (String url : urls("task_result_detail")) {
			assertThat(ok(this.api.post(url, Map.of("subscription_id", id, "instance_id", instance)), url)
				.get("instance_id").asString()).isEqualTo(instance);
			assertThat(ok(this.api.get(url + "?subscription_id=" + id + "&instance_id=" + instance),
					url).get("instance_id").asString()).isEqualTo(instance);
		}
		for (String url : urls("check_task_ready")) {
			assertThat(ok(this.api.post(url, Map.of("subscription_id", id)), url).asBoolean()).isTrue();
			assertThat(ok(this.api.get(url + "?subscription_id=" + id + "&task_id_list=" + this.s.firstTask), url)
				.asBoolean()).isTrue();
		}
		for (String url : urls("instance_status")) {
			assertThat(ok(this.api.post(url, Map.of("subscription_id_list", List.of(id))), url).get(0)
				.get("instances").size()).isEqualTo(12);
			assertThat(ok(this.api.get(url + "?subscription_id_list=" + id), url).get(0).get("subscription_id").asLong())
				.isEqualTo(id);
		}
		for (String url : urls("info")) {
			assertThat(ok(this.api.post(url, Map.of("subscription_id_list", List.of(id))), url).get(0).get("id")
				.asLong()).isEqualTo(id);
			refused(this.api.get(url + "?subscription_id_list=" + id), 3800405, url);
		}
		for (String url : urls("statistic")) {
			assertThat(ok(this.api.post(url, Map.of("subscription_id_list", List.of(id))), url).get(0)
				.get("instances").asInt()).isEqualTo(12);
			refused(this.api.get(url + "?subscription_id_list=" + id), 3800405, url);
		}
	}

	@Test
	void operatorEndpointsArePostOnlyAndRouteUnderEveryPrefix() {
		long id = this.s.subscriptionId;
		String succeeded = this.s.instances.get(0);
		for (String name : List.of("retry", "revoke", "retry_node")) {
			for (String url : urls(name)) {
				JsonNode answer = this.api.get(url + "?subscription_id=" + id);
				refused(answer, 3800405, url);
				assertThat(answer.get("message").asString()).contains(name).contains("POST");
			}
		}
		for (String url : urls("retry")) {
			refused(this.api.post(url, Map.of("subscription_id", id, "instance_id_list", List.of(succeeded))), 3800007,
					url);
		}
		for (String url : urls("revoke")) {
			refused(this.api.post(url, Map.of("subscription_id", id, "instance_id_list", List.of(succeeded))), 3800016,
					url);
		}
		for (String url : urls("retry_node")) {
			refused(this.api.post(url, Map.of("subscription_id", id, "instance_id", succeeded)), 3800007, url);
		}
		// what bk-monitor sends without the API gateway: it acts
		JsonNode revoked = ok(this.api.post("/api/c/compapi/v2/nodeman/backend/api/subscription/revoke/",
				Map.of("subscription_id", id, "instance_id_list", List.of(this.s.instances.get(8)))), "revoke");
		assertThat(revoked.get("terminated").asInt()).isEqualTo(1);
		JsonNode retried = ok(this.api.post("/api/c/compapi/v2/nodeman/backend/api/subscription/retry/",
				Map.of("subscription_id", id, "instance_id_list", List.of(this.s.instances.get(8)))), "retry");
		assertThat(retried.get("instance_count").asInt()).isEqualTo(1);
	}

	@Test
	void managementEndpointsAnswerThatSubwatchOnlyReportsResults() {
		for (String name : List.of("create", "update", "delete", "run", "switch", "fetch_commands",
				"collect_task_result_detail", "cmdb_subscription", "query_host_policy",
				"query_host_subscriptions", "switch_biz")) {
			for (String url : urls(name)) {
				for (JsonNode answer : List.of(this.api.post(url, Map.of("subscription_id", this.s.subscriptionId)),
						this.api.get(url))) {
					refused(answer, 3800501, url);
					assertThat(answer.get("message").asString()).contains("subscription/" + name)
						.contains("only reports results");
					assertThat(answer.get("data").isNull()).isTrue();
				}
			}
		}
	}

	@Test
	void anUnknownNameIsA404InTheEnvelopeNamingIt() {
		for (String url : urls("no_such_thing")) {
			JsonNode answer = this.api.post(url, Map.of("subscription_id", this.s.subscriptionId));
			assertThat(this.api.lastStatus).as(url).isEqualTo(404);
			assertThat(answer.get("result").asBoolean()).isFalse();
			assertThat(answer.get("message").asString()).contains("subscription/no_such_thing").contains("task_result");
		}
	}

}
