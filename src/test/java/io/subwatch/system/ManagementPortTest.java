package io.subwatch.system;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.subwatch.ingest.IngestService.CreatedTask;
import io.subwatch.security.BizScope;
import io.subwatch.support.Api;
import io.subwatch.support.Fixtures;
import io.subwatch.support.TestUsers;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/**
 * Actuator answers on the management port only (a random one here, 8081 by default): health, info and prometheus,
 * without login, and nothing else; on the main port its paths are not found. The prometheus page carries the request
 * timings per route, the connection pool and subwatch's own counters.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureMockMvc
@ActiveProfiles("test")
@Tag("db")
class ManagementPortTest {

	@LocalServerPort
	int port;

	@LocalManagementPort
	int managementPort;

	@Autowired
	Fixtures fixtures;

	@Autowired
	MockMvc mvc;

	@Autowired
	JsonMapper json;

	private final HttpClient http = HttpClient.newHttpClient();

	@Test
	void healthInfoAndPrometheusAnswerWithoutLogin() throws Exception {
		assertThat(this.managementPort).isNotEqualTo(this.port).isNotEqualTo(8081);
		JsonNode health = this.json.readTree(body(this.managementPort, "/actuator/health", 200));
		assertThat(health.path("status").asString()).isEqualTo("UP");
		assertThat(health.path("components").propertyNames()).contains("db", "diskSpace", "livenessState",
				"readinessState");
		JsonNode readiness = this.json.readTree(body(this.managementPort, "/actuator/health/readiness", 200));
		assertThat(readiness.path("components").propertyNames()).containsExactlyInAnyOrder("db", "readinessState");
		body(this.managementPort, "/actuator/health/liveness", 200);

		JsonNode info = this.json.readTree(body(this.managementPort, "/actuator/info", 200));
		assertThat(info.path("build").path("version").asString()).isNotBlank();
		assertThat(info.path("build").path("artifact").asString()).isEqualTo("subwatch");
		assertThat(info.path("git").path("commit").path("id").asString()).matches("[0-9a-f]{7,40}");

		assertThat(body(this.managementPort, "/actuator/prometheus", 200)).contains("# TYPE");
	}

	@Test
	void nothingElseAnswersOnTheManagementPort() throws Exception {
		for (String path : List.of("/actuator", "/actuator/env", "/actuator/heapdump", "/actuator/threaddump",
				"/actuator/beans", "/actuator/configprops", "/actuator/loggers", "/actuator/metrics",
				"/actuator/mappings", "/actuator/shutdown", "/", "/login", "/subscriptions/1")) {
			HttpResponse<String> response = send(this.managementPort, path, "*/*");
			assertThat(response.statusCode()).as(path).isIn(403, 404);
			assertThat(response.body()).as(path).doesNotContain("spring.datasource").doesNotContain("password");
		}
	}

	@Test
	void theMainPortHasNoActuator() throws Exception {
		for (String path : List.of("/actuator/health", "/actuator/info", "/actuator/prometheus", "/actuator/env",
				"/actuator")) {
			HttpResponse<String> page = send(this.port, path, "text/html");
			assertThat(page.statusCode()).as(path).isEqualTo(404);
			assertThat(page.body()).as(path).contains("id=\"error-404\"").doesNotContain("\"UP\"");
			assertThat(send(this.port, path, "application/json").statusCode()).as(path).isEqualTo(404);
		}
	}

	@Test
	void prometheusCountsEventsRowsAndPollsNextToRequestTimingsAndThePool() throws Exception {
		long bizId = this.fixtures.newBizId();
		long subscriptionId = this.fixtures.subscription(bizId);
		CreatedTask task = this.fixtures.task(subscriptionId, this.fixtures.hosts(bizId, 3));
		Instant start = Instant.parse("2026-11-28T02:00:00Z");
		String before = body(this.managementPort, "/actuator/prometheus", 200);

		long record = task.records().get(0).recordId();
		// one applied, one repeated (ignored), one for a record that does not exist (rejected)
		this.fixtures.send(List.of(Fixtures.event(record, 0, "RUNNING", start), Fixtures.event(record, 0, "RUNNING", start),
				Fixtures.event(Long.MAX_VALUE, 0, "RUNNING", start)));
		JsonNode answer = new Api(this.mvc, this.json).taskResult(Map.of("subscription_id", subscriptionId,
				"task_id_list", List.of(task.taskId()), "return_all", true));
		assertThat(answer.path("result").asBoolean()).isTrue();
		RequestPostProcessor viewer = TestUsers.viewer(BizScope.of(Set.of(bizId)));
		String poll = Jsoup.parse(this.mvc.perform(get("/").with(viewer)).andReturn().getResponse()
			.getContentAsString()).getElementById("list-live").attr("hx-get");
		assertThat(this.mvc.perform(get(URI.create(poll)).with(viewer)).andReturn().getResponse().getStatus())
			.isEqualTo(204);
		assertThat(this.mvc.perform(get("/subscriptions/live").with(viewer)).andReturn().getResponse().getStatus())
			.isEqualTo(200);

		String after = body(this.managementPort, "/actuator/prometheus", 200);
		assertThat(delta(before, after, "subwatch_events_ingested_total", "outcome=\"applied\"")).isEqualTo(1);
		assertThat(delta(before, after, "subwatch_events_ingested_total", "outcome=\"ignored\"")).isEqualTo(1);
		assertThat(delta(before, after, "subwatch_events_ingested_total", "outcome=\"rejected\"")).isEqualTo(1);
		assertThat(delta(before, after, "subwatch_task_result_rows_total", "")).isEqualTo(3);
		assertThat(delta(before, after, "subwatch_live_polls_total", "outcome=\"unchanged\"")).isEqualTo(1);
		assertThat(delta(before, after, "subwatch_live_polls_total", "outcome=\"changed\"")).isEqualTo(1);
		assertThat(after).contains("http_server_requests_seconds_count{")
			.contains("uri=\"/backend/api/subscription/task_result/\"")
			.contains("hikaricp_connections_active{")
			.contains("application=\"subwatch\"");
	}

	/** How much a sample grew (0 where it was absent before). */
	private static double delta(String before, String after, String name, String label) {
		return value(after, name, label) - value(before, name, label);
	}

	private static double value(String scrape, String name, String label) {
		Matcher line = Pattern.compile("(?m)^" + name + "\\{([^}]*)} (\\S+)$").matcher(scrape);
		while (line.find()) {
			if (line.group(1).contains(label)) {
				return Double.parseDouble(line.group(2));
			}
		}
		return 0;
	}

	private String body(int port, String path, int status) throws Exception {
		HttpResponse<String> response = send(port, path, "*/*");
		assertThat(response.statusCode()).as(path).isEqualTo(status);
		return response.body();
	}

	private HttpResponse<String> send(int port, String path, String accept) throws Exception {
		return this.http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
			.header("Accept", accept)
			.build(), HttpResponse.BodyHandlers.ofString());
	}

}
