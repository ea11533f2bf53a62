package io.subwatch.system;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.subwatch.SubwatchApplication;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * {@code SUBWATCH_LOG_FORMAT=ecs}: the app logs one JSON object per line (Spring Boot's structured logging), each
 * line of a request with its {@code request_id}. In a JVM of its own, since the logging set-up is global.
 */
class StructuredLogsTest {

	private static final Pattern STARTED = Pattern.compile("Tomcat started on port (\\d+)");

	private final JsonMapper json = JsonMapper.builder().build();

	@Test
	void withTheSettingEveryLineIsJsonAndARequestsLinesCarryItsId() throws Exception {
		List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx256m",
				"-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"),
				SubwatchApplication.class.getName(), "--server.port=0", "--management.server.port=0",
				"--spring.datasource.url=jdbc:h2:mem:structured-logs;MODE=MySQL;DATABASE_TO_LOWER=TRUE;"
						+ "DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1",
				"--subwatch.jobs.enabled=false", "--subwatch.demo.enabled=false", "--subwatch.simulator.enabled=false",
				"--subwatch.security.initial-admin-password-file=target/structured-logs-admin-password");
		ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
		builder.environment().put("SUBWATCH_LOG_FORMAT", "ecs");
		builder.environment().put("SUBWATCH_ADMIN_PASSWORD", "structured-logs-admin");
		Process app = builder.start();
		BlockingQueue<String> lines = new LinkedBlockingQueue<>();
		Thread reader = new Thread(() -> {
			try (BufferedReader out = new BufferedReader(
					new InputStreamReader(app.getInputStream(), StandardCharsets.UTF_8))) {
				for (String line = out.readLine(); line != null; line = out.readLine()) {
					lines.add(line);
				}
			}
			catch (IOException ended) {
				// the app was stopped
			}
		});
		reader.setDaemon(true);
		reader.start();
		try {
			List<String> seen = new ArrayList<>();
			int port = awaitPort(lines, seen);
			HttpResponse<String> refused = HttpClient.newHttpClient()
				.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/subscriptions"))
					.header("X-Request-Id", "json-log-1")
					.header("X-Bkapi-Authorization", "{\"bk_app_code\":\"json-app\",\"bk_app_secret\":\"wrong\"}")
					.build(), HttpResponse.BodyHandlers.ofString());
			assertThat(refused.statusCode()).isEqualTo(401);
			JsonNode failed = awaitLine(lines, seen, "json-app");
			assertThat(failed.path("request_id").asString()).isEqualTo("json-log-1");
			assertThat(failed.path("log").path("level").asString()).isEqualTo("WARN");
			assertThat(failed.path("@timestamp").asString()).isNotBlank();
			for (String line : seen) {
				assertThat(line).as("every line is a JSON object").startsWith("{");
				this.json.readTree(line);
			}
		}
		finally {
			app.destroy();
			if (!app.waitFor(30, TimeUnit.SECONDS)) {
				app.destroyForcibly();
			}
		}
	}

	private static int awaitPort(BlockingQueue<String> lines, List<String> seen) throws InterruptedException {
		while (true) {
			String line = next(lines, seen);
			Matcher started = STARTED.matcher(line);
			if (started.find()) {
				return Integer.parseInt(started.group(1));
			}
		}
	}

	private JsonNode awaitLine(BlockingQueue<String> lines, List<String> seen, String containing)
			throws InterruptedException {
		while (true) {
			String line = next(lines, seen);
			if (line.contains(containing)) {
				return this.json.readTree(line);
			}
		}
	}

	private static String next(BlockingQueue<String> lines, List<String> seen) throws InterruptedException {
		String line = lines.poll(120, TimeUnit.SECONDS);
		if (line == null) {
			fail("the app wrote nothing for 120 s; so far:\n" + String.join("\n", seen));
		}
		seen.add(line);
		return line;
	}

}
