package io.subwatch.resilience;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

import io.subwatch.ingest.IngestService.CreatedTask;
import io.subwatch.support.Api;
import io.subwatch.support.Fixtures;
import io.subwatch.support.IntegrationTest;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.sessions.JqwikSession;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Bad input at every JSON API route (the task_result family with its neighbours, and the reporting API): hostile and
 * malformed bodies and query strings never get a 5xx or an "unexpected error" envelope, the routes that write refuse
 * them, and the stored data is the same afterwards. The subscription the requests aim at has finished every host, so
 * no well-formed part of a request (an empty {@code instance_id_list} meaning "all") has anything to retry or revoke.
 */
@IntegrationTest
class BadInputApiTest {

	private static final int PROBES = 400;

	private static final String SEED = "132026";

	/** A route, the fields its real requests carry, and whether it changes data when it accepts a request. */
	record Route(String method, String path, List<String> fields, boolean writes) {
	}

	static final List<String> TASK_RESULT = List.of("subscription_id", "task_id_list", "page", "pagesize", "start",
			"statuses", "instance_id_list", "exclude_instance_ids", "return_all", "need_detail",
			"need_aggregate_all_tasks", "need_out_of_scope_snapshots");

	static final List<Route> ROUTES = List.of(
			new Route("POST", "/backend/api/subscription/task_result/", TASK_RESULT, false),
			new Route("GET", "/backend/api/subscription/task_result/", TASK_RESULT, false),
			new Route("POST", "/api/c/compapi/v2/nodeman/subscription_task_result/", TASK_RESULT, false),
			new Route("POST", "/backend/api/subscription/task_result_detail/",
					List.of("subscription_id", "instance_id", "task_id", "task_id_list"), false),
			new Route("GET", "/api/c/compapi/v2/nodeman/subscription_task_result_detail/",
					List.of("subscription_id", "instance_id", "task_id"), false),
			new Route("POST", "/backend/api/subscription/retry/",
					List.of("subscription_id", "instance_id_list", "task_id_list"), true),
			new Route("POST", "/backend/api/subscription/revoke/",
					List.of("subscription_id", "instance_id_list", "reason"), true),
			new Route("POST", "/backend/api/subscription/retry_node/", List.of("subscription_id", "instance_id"), true),
			new Route("POST", "/backend/api/subscription/check_task_ready/",
					List.of("subscription_id", "task_id_list"), false),
			new Route("POST", "/backend/api/subscription/info/", List.of("subscription_id_list", "show_deleted"), false),
			new Route("POST", "/backend/api/subscription/statistic/", List.of("subscription_id_list"), false),
			new Route("POST", "/backend/api/subscription/instance_status/",
					List.of("subscription_id_list", "show_task_detail"), false),
			new Route("POST", "/api/v1/subscriptions", List.of("name", "bk_biz_id", "object_type", "node_type",
					"category", "plugin_name", "steps", "enable", "bk_biz_scope", "scope_nodes"), true),
			new Route("POST", "/api/v1/subscriptions/{subscription}/tasks",
					List.of("is_auto_trigger", "ready", "partial", "instances"), true),
			new Route("POST", "/api/v1/tasks/{task}/instances", List.of("instances"), true),
			new Route("POST", "/api/v1/tasks/{task}/ready", List.of("error"), true),
			new Route("GET", "/api/v1/tasks", List.of("pending", "subscription_id", "limit"), false),
			new Route("POST", "/api/v1/events", List.of("events"), true));

	/** Fields a route rejects a request without: a request that lacks them could be valid, so they are always sent. */
	static final Map<String, String> POISONED = Map.of("/api/v1/subscriptions", "steps",
			"/api/v1/subscriptions/{subscription}/tasks", "instances", "/api/v1/tasks/{task}/instances", "instances",
			"/api/v1/events", "events");

	static final List<String> EVENT_FIELDS = List.of("record_id", "step_id", "sub_step", "status", "time", "log");

	@Autowired
	MockMvc mvc;

	@Autowired
	JsonMapper json;

	@Autowired
	Fixtures fixtures;

	@Autowired
	JdbcClient jdbc;

	@Test
	void hostileRequestsAtEveryApiRouteAreRefusedCleanlyAndChangeNothing() throws Exception {
		long bizId = this.fixtures.newBizId();
		long subscription = this.fixtures.subscription(bizId);
		CreatedTask task = this.fixtures.task(subscription, this.fixtures.hosts(bizId, 3));
		List<Map<String, Object>> events = new ArrayList<>();
		task.records().forEach((r) -> events.addAll(Fixtures.finish(r.recordId(), -1, Instant.parse("2026-11-28T02:00:00Z"))));
		this.fixtures.send(events);
		String before = StoredData.fingerprint(this.jdbc);

		Arbitrary<String> ids = Arbitraries.of(String.valueOf(subscription), String.valueOf(task.taskId()),
				String.valueOf(task.records().get(0).recordId()), HostileInput.quote(task.records().get(0).instanceId()),
				"[" + task.taskId() + "]", "[" + subscription + "]");
		Arbitrary<String> values = Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(4, HostileInput.value()),
				net.jqwik.api.Tuple.of(1, ids));
		Arbitrary<String> event = HostileInput.object(EVENT_FIELDS, values);
		JqwikSession.start(SEED);
		try {
			probe(subscription, task, values, event);
		}
		finally {
			JqwikSession.finish();
		}
		assertThat(StoredData.fingerprint(this.jdbc)).as("stored data after %d hostile requests", PROBES)
			.isEqualTo(before);
	}

	private void probe(long subscription, CreatedTask task, Arbitrary<String> values, Arbitrary<String> event)
			throws Exception {
		Random random = JqwikSession.getRandom().orElseThrow();
		for (int probe = 0; probe < PROBES; probe++) {
			Route route = ROUTES.get(probe % ROUTES.size());
			String path = route.path()
				.replace("{subscription}", HostileInput.draw(pathIds(subscription), random))
				.replace("{task}", HostileInput.draw(pathIds(task.taskId()), random));
			MockHttpServletRequestBuilder request;
			String shown;
			if (route.method().equals("GET")) {
				String query = query(route, values, random);
				request = MockMvcRequestBuilders.get(path + "?" + query);
				shown = "GET " + path + "?" + query;
			}
			else {
				byte[] body = body(route, values, event, random);
				request = MockMvcRequestBuilders.post(path)
					.contentType(HostileInput.draw(Arbitraries.of("application/json", "application/json",
							"application/json;charset=UTF-8", "text/plain", "application/x-www-form-urlencoded"),
							random))
					.content(body);
				shown = "POST " + path + " " + new String(body, StandardCharsets.UTF_8);
			}
			MockHttpServletResponse answer = this.mvc
				.perform(request.header("X-Bkapi-Authorization", authorization()))
				.andReturn()
				.getResponse();
			check(route, answer, shown.substring(0, Math.min(400, shown.length())));
		}
	}

	private void check(Route route, MockHttpServletResponse answer, String shown) throws Exception {
		String text = answer.getContentAsString(StandardCharsets.UTF_8);
		assertThat(answer.getStatus()).as("status of %s: %s", shown, text).isLessThan(500);
		JsonNode envelope = this.json.readTree(text);
		assertThat(envelope.path("result").isBoolean()).as("an envelope for %s: %s", shown, text).isTrue();
		assertThat(envelope.path("code").asInt()).as("code for %s: %s", shown, text).isNotEqualTo(3800500);
		if (route.writes() && envelope.path("result").asBoolean()) {
			// only an event batch may be accepted, and then without applying anything
			assertThat(route.path()).as("%s was accepted: %s", shown, text).isEqualTo("/api/v1/events");
			assertThat(envelope.path("data").path("applied").asInt()).as("%s applied: %s", shown, text).isZero();
		}
	}

	private static Arbitrary<String> pathIds(long real) {
		return Arbitraries.of(String.valueOf(real), String.valueOf(real), "abc", "-1", "0", "99999999999999999999",
				"1.5", "%27%20OR%201=1", "%00", "99999999");
	}

	private static String query(Route route, Arbitrary<String> values, Random random) {
		List<String> pairs = new ArrayList<>();
		int count = 1 + random.nextInt(4);
		for (int i = 0; i < count; i++) {
			String field = route.fields().get(random.nextInt(route.fields().size()));
			String value = HostileInput.draw(values, random);
			value = value.substring(0, Math.min(2000, value.length()));
			pairs.add(field + "=" + URLEncoder.encode(value, StandardCharsets.UTF_8));
		}
		if (random.nextInt(8) == 0) {
			pairs.add("subscription_id=%C3%28%FF"); // invalid UTF-8, percent-encoded
		}
		return String.join("&", pairs);
	}

	private static byte[] body(Route route, Arbitrary<String> values, Arbitrary<String> event, Random random) {
		if (random.nextInt(4) == 0) {
			return HostileInput.draw(HostileInput.malformed(), random);
		}
		String object = HostileInput.draw(HostileInput.object(route.fields(), values), random);
		String poisoned = POISONED.get(route.path());
		if (poisoned != null) {
			Arbitrary<String> items = poisoned.equals("events") ? Arbitraries.oneOf(event, values) : values;
			String list = "[" + String.join(",", HostileInput.draw(items.list().ofMinSize(1).ofMaxSize(3), random)) + "]";
			object = "{" + HostileInput.quote(poisoned) + ": " + list + ", " + object.substring(1);
		}
		return object.getBytes(StandardCharsets.UTF_8);
	}

	private String authorization() {
		return this.json.writeValueAsString(Map.of("bk_app_code", Api.APP_CODE, "bk_app_secret", Api.APP_SECRET,
				"bk_username", "fuzzer"));
	}

}
