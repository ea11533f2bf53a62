package io.subwatch.result;

import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.subwatch.ingest.IngestRequests;
import io.subwatch.ingest.IngestService;
import io.subwatch.support.Api;
import io.subwatch.support.Fixtures;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * return_all, instance_status and info over 100,000 records stream: this class runs in its own JVM with a 256 MB heap (surefire execution
 * "streaming"), server and client together, and reads the answer as a stream, row by row.
 */
@Tag("streaming")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
		"spring.datasource.url=jdbc:h2:file:./target/streaming-db/subwatch-${random.uuid};MODE=MySQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;CACHE_SIZE=16384" })
@ActiveProfiles("test")
class ReturnAllStreamingTest {

	static final int HOSTS = 100_000;

	@Autowired
	Fixtures fixtures;

	@Autowired
	IngestService ingest;

	@Autowired
	IngestRequests requests;

	@Autowired
	JsonMapper json;

	@LocalServerPort
	int port;

	@Test
	void returnAllInstanceStatusAndInfoOver100000RecordsStreamEveryRowOnce() throws Exception {
		long bizId = this.fixtures.newBizId();
		long subscriptionId = this.fixtures.subscription(bizId);
		long taskId = this.ingest.createTask(subscriptionId, this.requests.task(this.json.valueToTree(Map.of("ready", false))),
				Fixtures.SYSTEM).taskId();
		Instant t0 = Instant.parse("2026-11-28T02:00:00Z");
		for (int added = 0; added < HOSTS; added += 5000) {
			var batch = this.ingest.addInstances(taskId,
					this.requests.instances(this.json.valueToTree(Map.of("instances", this.fixtures.hosts(bizId, 5000)))), Fixtures.SYSTEM);
			List<Map<String, Object>> events = new ArrayList<>(5000);
			// Every fourth record has started, so rows carry stored sub-steps as well as pending ones.
			for (int i = 0; i < batch.records().size(); i += 4) {
				events.add(Fixtures.event(batch.records().get(i).recordId(), 1, "RUNNING", t0, "[x INFO] started"));
			}
			this.fixtures.send(events);
		}
		this.ingest.markReady(taskId, this.requests.readyError(this.json.valueToTree(Map.of())), Fixtures.SYSTEM);

		HttpResponse<InputStream> response = post("task_result",
				Map.of("subscription_id", subscriptionId, "return_all", true, "need_detail", true));
		int rows = 0;
		long previous = Long.MAX_VALUE;
		int total = -1;
		try (JsonParser parser = this.json.createParser(response.body())) {
			while (parser.nextToken() != null) {
				if (parser.currentToken() == JsonToken.PROPERTY_NAME && parser.streamReadContext().getNestingDepth() == 2
						&& "total".equals(parser.currentName())) {
					parser.nextToken();
					total = parser.getIntValue();
				}
				if (parser.currentToken() == JsonToken.PROPERTY_NAME && "record_id".equals(parser.currentName())) {
					parser.nextToken();
					long id = parser.getLongValue();
					assertThat(id).isLessThan(previous);
					previous = id;
					rows++;
				}
			}
		}
		assertThat(total).isEqualTo(HOSTS);
		assertThat(rows).isEqualTo(HOSTS);

		// instance_status answers every host of the scope at once, as NodeMan does: it must stream too
		assertThat(count(post("instance_status", Map.of("subscription_id_list", List.of(subscriptionId),
				"show_task_detail", true)), "instance_id")).isEqualTo(HOSTS);
		// info lists the scope's 100,000 hosts as nodes
		assertThat(count(post("info", Map.of("subscription_id_list", List.of(subscriptionId))), "bk_host_id"))
			.isEqualTo(HOSTS);
	}

	private HttpResponse<InputStream> post(String name, Map<String, Object> body) throws Exception {
		HttpRequest request = HttpRequest
			.newBuilder(URI.create("http://localhost:" + this.port + "/backend/api/subscription/" + name + "/"))
			.header("Content-Type", "application/json")
			.header("X-Bkapi-Authorization",
					"{\"bk_app_code\": \"" + Api.APP_CODE + "\", \"bk_app_secret\": \"" + Api.APP_SECRET + "\"}")
			.POST(HttpRequest.BodyPublishers.ofString(this.json.writeValueAsString(body)))
			.build();
		HttpResponse<InputStream> response = HttpClient.newHttpClient()
			.send(request, HttpResponse.BodyHandlers.ofInputStream());
		assertThat(response.statusCode()).isEqualTo(200);
		return response;
	}

	/** How many times a property appears in a streamed answer, read token by token. */
	private int count(HttpResponse<InputStream> response, String property) {
		int found = 0;
		try (JsonParser parser = this.json.createParser(response.body())) {
			while (parser.nextToken() != null) {
				if (parser.currentToken() == JsonToken.PROPERTY_NAME && property.equals(parser.currentName())) {
					found++;
				}
			}
		}
		return found;
	}

}
