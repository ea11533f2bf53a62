package io.subwatch.security;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

import io.subwatch.support.Api;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Requests that Tomcat or Spring Security's firewall refuse before any controller runs, and multipart bodies, against
 * a real server over a raw socket: every answer carries the security headers, the API envelope under API paths and a
 * small page elsewhere, never Tomcat's page or Spring's {@code {"timestamp", "status"}} JSON.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class RefusedRequestsTest {

	@LocalServerPort
	int port;

	@Autowired
	JsonMapper json;

	static void assertSecurityHeaders(RawHttp.Response response) {
		assertThat(response.header("Content-Security-Policy")).as(response.toString())
			.contains("frame-ancestors 'none'")
			.contains("script-src 'self'");
		assertThat(response.header("X-Frame-Options")).isEqualTo("DENY");
		assertThat(response.header("X-Content-Type-Options")).isEqualTo("nosniff");
		assertThat(response.header("Referrer-Policy")).isEqualTo("same-origin");
	}

	private JsonNode envelope(RawHttp.Response response) {
		assertThat(response.header("Content-Type")).as(response.toString()).startsWith("application/json");
		JsonNode body = this.json.readTree(response.body());
		assertThat(body.get("result").asBoolean()).isFalse();
		return body;
	}

	/** Tomcat refuses these itself (encoded slash, backslash raw and encoded, NUL); the firewall refuses "..". */
	@ParameterizedTest
	@ValueSource(strings = { "/api/v1/tasks/a%2Fb/ready", "/backend/api/subscription/task_result%2F", "/api/v1/a\\b",
			"/api/v1/a%5Cb", "/api/v1/events%00", "/v2/nodeman/x%2Fy", "/api/v1/tasks/1/../../events",
			"/backend/api/subscription//task_result/" })
	void apiPathsRefusedBeforeTheApiAnswerTheEnvelopeWithSecurityHeaders(String target) {
		RawHttp.Response response = RawHttp.get(this.port, target);
		assertThat(response.status()).isEqualTo(400);
		assertSecurityHeaders(response);
		JsonNode body = envelope(response);
		assertThat(body.get("code").asInt()).isEqualTo(3800001);
		assertThat(body.get("message").asString()).contains("refused before it reached the API").endsWith("（3800001）");
	}

	@ParameterizedTest
	@ValueSource(strings = { "/subscriptions/1/instances/host%7Cinstance%7Chost%7Ca%2Fb", "/subscriptions/1\\x",
			"/login%00", "/s/abc%5C", "/subscriptions/1/../../admin", "//admin" })
	void pagePathsRefusedBeforeTheAppAnswerASmallPageWithSecurityHeaders(String target) {
		RawHttp.Response response = RawHttp.get(this.port, target);
		assertThat(response.status()).isEqualTo(400);
		assertSecurityHeaders(response);
		assertThat(response.header("Content-Type")).startsWith("text/html");
		assertThat(response.body()).contains("Error 400").doesNotContain("Tomcat").doesNotContain("<script")
			.doesNotContain("<style");
	}

	private static Map<String, String> signed(String contentType) {
		Map<String, String> headers = new LinkedHashMap<>();
		headers.put("Content-Type", contentType);
		headers.put("X-Bkapi-Authorization",
				"{\"bk_app_code\": \"" + Api.APP_CODE + "\", \"bk_app_secret\": \"" + Api.APP_SECRET + "\"}");
		return headers;
	}

	@ParameterizedTest
	@ValueSource(strings = { "/backend/api/subscription/task_result/", "/backend/api/subscription/retry/",
			"/api/v1/events", "/api/v1/subscriptions" })
	void multipartBodiesAnswerTheEnvelope(String path) {
		byte[] form = ("--XX\r\nContent-Disposition: form-data; name=\"subscription_id\"\r\n\r\n1\r\n"
				+ "--XX\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.json\"\r\n"
				+ "Content-Type: application/json\r\n\r\n{\"events\": []}\r\n--XX--\r\n")
			.getBytes(StandardCharsets.UTF_8);
		for (String type : new String[] { "multipart/form-data; boundary=XX", "multipart/form-data",
				"Multipart/Mixed; boundary=XX" }) {
			RawHttp.Response response = RawHttp.send(this.port, "POST", path, signed(type), form);
			assertThat(response.status()).as(type + " " + response).isEqualTo(200);
			assertSecurityHeaders(response);
			JsonNode body = envelope(response);
			assertThat(body.get("code").asInt()).isEqualTo(3800001);
			assertThat(body.get("message").asString()).contains("multipart/form-data is not accepted");
		}
	}

	@Test
	void otherBodiesThatAreNotJsonAnswerTheEnvelope() {
		for (String path : new String[] { "/backend/api/subscription/task_result/", "/api/v1/events" }) {
			for (String type : new String[] { "text/xml", "application/octet-stream", "image/png" }) {
				RawHttp.Response response = RawHttp.send(this.port, "POST", path, signed(type),
						"<a/>".getBytes(StandardCharsets.UTF_8));
				assertThat(response.status()).as(path + " " + type + " " + response).isEqualTo(200);
				assertSecurityHeaders(response);
				assertThat(envelope(response).get("code").asInt()).isEqualTo(3800001);
			}
		}
	}

	@Test
	void errorAskedForDirectlyIsNoPage() {
		RawHttp.Response anonymous = RawHttp.get(this.port, "/error");
		assertThat(anonymous.status()).as("like any page, it asks for a login first").isEqualTo(302);
		assertThat(anonymous.body()).doesNotContain("999");
	}

}
