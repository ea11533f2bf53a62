package io.subwatch.web;

import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.subwatch.ingest.IngestRequests;
import io.subwatch.ingest.IngestService;
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
 * The export of 200,000 hosts streams as CSV and as JSON: this class runs in the "streaming" surefire execution
 * with a 256 MB heap, server and client together, and reads both answers as streams. It signs in through the login
 * form like a browser, since the exports are pages' downloads.
 */
@Tag("streaming")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
		"spring.datasource.url=jdbc:h2:file:./target/streaming-db/subwatch-${random.uuid};MODE=MySQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;CACHE_SIZE=16384" })
@ActiveProfiles("test")
class ExportStreamingTest {

	static final int HOSTS = 200_000;

	/** subwatch.security.admin-password of the test profile. */
	static final String ADMIN_PASSWORD = "test-admin-password";

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
	void exportOf200000HostsStreamsAsCsvAndJson() throws Exception {
		long bizId = this.fixtures.newBizId();
		long subscriptionId = this.fixtures.subscription(bizId);
		long taskId = this.ingest.createTask(subscriptionId, this.requests.task(this.json.valueToTree(Map.of("ready", false))),
				Fixtures.SYSTEM).taskId();
		Instant t0 = Instant.parse("2026-11-28T02:00:00Z");
		for (int added = 0; added < HOSTS; added += 5000) {
			var batch = this.ingest.addInstances(taskId,
					this.requests.instances(this.json.valueToTree(Map.of("instances", this.fixtures.hosts(bizId, 5000)))), Fixtures.SYSTEM);
			List<Map<String, Object>> events = new ArrayList<>(5000);
			// Every tenth record failed with a log, so the export reads logs as well as sub-steps.
			for (int i = 0; i < batch.records().size(); i += 10) {
				long recordId = batch.records().get(i).recordId();
				events.add(Fixtures.event(recordId, 0, "RUNNING", t0));
				events.add(Fixtures.event(recordId, 0, "FAILED", t0.plusSeconds(3), "[x ERROR] 安装失败 " + i));
			}
			this.fixtures.send(events);
		}
		this.ingest.markReady(taskId, this.requests.readyError(this.json.valueToTree(Map.of())), Fixtures.SYSTEM);
		HttpClient client = signedIn();

		String base = "http://localhost:" + this.port + "/subscriptions/" + subscriptionId + "/hosts.";
		HttpResponse<InputStream> csv = client.send(HttpRequest.newBuilder(URI.create(base + "csv")).build(),
				HttpResponse.BodyHandlers.ofInputStream());
		assertThat(csv.statusCode()).isEqualTo(200);
		int lines = 0;
		int errors = 0;
		try (BufferedReader reader = new BufferedReader(new InputStreamReader(csv.body(), StandardCharsets.UTF_8))) {
			String line;
			while ((line = reader.readLine()) != null) {
				lines++;
				if (line.endsWith("安装失败 0") || line.contains(",[x ERROR] 安装失败 ")) {
					errors++;
				}
			}
		}
		assertThat(lines).isEqualTo(HOSTS + 1);
		assertThat(errors).isEqualTo(HOSTS / 10);

		HttpResponse<InputStream> json = client.send(HttpRequest.newBuilder(URI.create(base + "json")).build(),
				HttpResponse.BodyHandlers.ofInputStream());
		assertThat(json.statusCode()).isEqualTo(200);
		int rows = 0;
		long count = -1;
		try (JsonParser parser = this.json.createParser(json.body())) {
			while (parser.nextToken() != null) {
				if (parser.currentToken() == JsonToken.PROPERTY_NAME && "instance_id".equals(parser.currentName())) {
					rows++;
				}
				if (parser.currentToken() == JsonToken.PROPERTY_NAME && parser.streamReadContext().getNestingDepth() == 1
						&& "count".equals(parser.currentName())) {
					parser.nextToken();
					count = parser.getLongValue();
				}
			}
		}
		assertThat(rows).isEqualTo(HOSTS);
		assertThat(count).isEqualTo(HOSTS);
	}

	/** A client signed in as the test admin through the login form: its CSRF token, then the POST. */
	private HttpClient signedIn() throws Exception {
		HttpClient client = HttpClient.newBuilder()
			.cookieHandler(new CookieManager())
			.followRedirects(HttpClient.Redirect.NEVER)
			.build();
		URI login = URI.create("http://localhost:" + this.port + "/login");
		String form = client.send(HttpRequest.newBuilder(login).build(), HttpResponse.BodyHandlers.ofString()).body();
		Matcher token = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(form);
		assertThat(token.find()).isTrue();
		String body = "username=admin&password=" + URLEncoder.encode(ADMIN_PASSWORD, StandardCharsets.UTF_8)
				+ "&_csrf=" + URLEncoder.encode(token.group(1), StandardCharsets.UTF_8);
		HttpResponse<String> answer = client.send(HttpRequest.newBuilder(login)
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(body))
			.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(answer.statusCode()).isEqualTo(302);
		assertThat(answer.headers().firstValue("Location").orElse("")).doesNotContain("error");
		return client;
	}

}
