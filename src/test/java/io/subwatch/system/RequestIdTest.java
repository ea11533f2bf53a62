package io.subwatch.system;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import org.jsoup.Jsoup;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every request has an id: the caller's sane {@code X-Request-Id}, else a new one. It comes back in the response
 * header, in every API error envelope ({@code request_id}) and on every error page, and it is in the request's log
 * lines. Through the real server, so that the container's error dispatch is covered too.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@Tag("db")
@ExtendWith(OutputCaptureExtension.class)
class RequestIdTest {

	@LocalServerPort
	int port;

	@Autowired
	JsonMapper json;

	private final HttpClient http = HttpClient.newHttpClient();

	@Test
	void aCallersIdComesBackInTheEnvelopeTheHeaderAndTheLog(CapturedOutput output) throws Exception {
		HttpResponse<String> refused = send(HttpRequest.newBuilder(uri("/backend/api/subscription/task_result/"))
			.header("X-Request-Id", "lb-7f3a.42")
			.header("X-Bkapi-Authorization", "{\"bk_app_code\":\"no-such-app\",\"bk_app_secret\":\"wrong\"}")
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString("{\"subscription_id\":1}")));
		assertThat(refused.headers().firstValue("X-Request-Id")).hasValue("lb-7f3a.42");
		JsonNode envelope = this.json.readTree(refused.body());
		assertThat(envelope.path("result").asBoolean()).isFalse();
		assertThat(envelope.path("request_id").asString()).isEqualTo("lb-7f3a.42");
		assertThat(output.getOut()).containsPattern("\\[lb-7f3a\\.42\\] .*no-such-app");
	}

	@Test
	void anInsaneOrMissingIdIsReplacedByANewOne() throws Exception {
		for (String sent : new String[] { "two words", "x".repeat(65), "a\u00e9b", null }) {
			HttpRequest.Builder request = HttpRequest.newBuilder(uri("/api/v1/no-such-endpoint"))
				.header("X-Bkapi-Authorization", "{}");
			if (sent != null) {
				request.header("X-Request-Id", sent);
			}
			HttpResponse<String> answer = send(request);
			String id = answer.headers().firstValue("X-Request-Id").orElseThrow();
			assertThat(id).as(String.valueOf(sent)).matches("[0-9a-f]{24}");
			assertThat(this.json.readTree(answer.body()).path("request_id").asString()).isEqualTo(id);
		}
	}

	@Test
	void successfulAnswersCarryTheHeaderButNoIdInTheirBody() throws Exception {
		HttpResponse<String> login = send(HttpRequest.newBuilder(uri("/login")).header("X-Request-Id", "ok-1"));
		assertThat(login.statusCode()).isEqualTo(200);
		assertThat(login.headers().firstValue("X-Request-Id")).hasValue("ok-1");
		assertThat(Jsoup.parse(login.body()).select(".error-request")).isEmpty();
	}

	@Test
	void errorPagesShowTheId() throws Exception {
		// not found for everyone on this port (actuator lives on the management port): the container's error page
		HttpResponse<String> page = send(HttpRequest.newBuilder(uri("/actuator/env"))
			.header("Accept", "text/html")
			.header("X-Request-Id", "page-404"));
		assertThat(page.statusCode()).isEqualTo(404);
		assertThat(page.headers().firstValue("X-Request-Id")).hasValue("page-404");
		assertThat(Jsoup.parse(page.body()).select("#error-404 .error-request").text()).contains("page-404");
	}

	private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
		return this.http.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

	private URI uri(String path) {
		return URI.create("http://127.0.0.1:" + this.port + path);
	}

}
