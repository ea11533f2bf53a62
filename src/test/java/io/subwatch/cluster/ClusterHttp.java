package io.subwatch.cluster;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** HTTP to one address (an app node or the app frontend): the API with the application's credentials, and pages. */
final class ClusterHttp {

	static final JsonMapper JSON = JsonMapper.builder().build();

	private final String base;

	private final String auth;

	private final HttpClient http;

	ClusterHttp(int port, String appCode, String appSecret) {
		this.base = "http://127.0.0.1:" + port;
		this.auth = "{\"bk_app_code\": \"" + appCode + "\", \"bk_app_secret\": \"" + appSecret
				+ "\", \"bk_username\": \"cluster-test\"}";
		this.http = HttpClient.newBuilder()
			.version(HttpClient.Version.HTTP_1_1)
			.connectTimeout(Duration.ofSeconds(5))
			.cookieHandler(new CookieManager())
			.build();
	}

	/** An answer: the HTTP status, and the envelope's code when the body is one (0 otherwise). */
	record Answer(int status, int code, JsonNode body) {

		/** What the tally calls it: a 3800500 envelope counts as the 500 it stands for. */
		String outcome() {
			if (this.code == 3800500) {
				return "500";
			}
			// an answer that started and broke off (a streamed answer whose database went away): not JSON
			return (this.status == 200 && (this.body == null || !this.body.has("result"))) ? "broken"
					: String.valueOf(this.status);
		}

		boolean acknowledged() {
			return this.status == 200 && this.body != null && this.body.path("result").asBoolean(false);
		}

	}

	Answer postApi(String path, String json) throws IOException, InterruptedException {
		HttpResponse<String> response = this.http.send(HttpRequest.newBuilder(URI.create(this.base + path))
			.timeout(Duration.ofSeconds(60))
			.header("Content-Type", "application/json")
			.header("X-Bkapi-Authorization", this.auth)
			.POST(HttpRequest.BodyPublishers.ofString(json))
			.build(), HttpResponse.BodyHandlers.ofString());
		return answer(response);
	}

	Answer getApi(String pathAndQuery) throws IOException, InterruptedException {
		HttpResponse<String> response = this.http.send(HttpRequest.newBuilder(URI.create(this.base + pathAndQuery))
			.timeout(Duration.ofSeconds(60))
			.header("X-Bkapi-Authorization", this.auth)
			.GET()
			.build(), HttpResponse.BodyHandlers.ofString());
		return answer(response);
	}

	/** A page (or a fragment) of a signed-in browser: the HTTP status. */
	int getPage(String pathAndQuery) throws IOException, InterruptedException {
		return this.http.send(HttpRequest.newBuilder(URI.create(this.base + pathAndQuery))
			.timeout(Duration.ofSeconds(60))
			.GET()
			.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
	}

	/** Signs in through the login form (its CSRF token first); the session cookie stays in this client. */
	void signIn(String user, String password) throws IOException, InterruptedException {
		HttpResponse<String> form = this.http.send(HttpRequest.newBuilder(URI.create(this.base + "/login")).GET().build(),
				HttpResponse.BodyHandlers.ofString());
		Matcher csrf = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"").matcher(form.body());
		if (!csrf.find()) {
			throw new IllegalStateException("no CSRF token on " + this.base + "/login");
		}
		String body = "username=" + encode(user) + "&password=" + encode(password) + "&_csrf=" + encode(csrf.group(1));
		HttpResponse<String> response = this.http.send(HttpRequest.newBuilder(URI.create(this.base + "/login"))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(body))
			.build(), HttpResponse.BodyHandlers.ofString());
		String location = response.headers().firstValue("Location").orElse("");
		if (response.statusCode() != 302 || location.contains("error")) {
			throw new IllegalStateException("sign-in on " + this.base + " failed: " + response.statusCode() + " "
					+ location);
		}
	}

	private static Answer answer(HttpResponse<String> response) {
		JsonNode body = null;
		try {
			body = JSON.readTree(response.body());
		}
		catch (RuntimeException notJson) {
			// a proxy's own error page
		}
		int code = (body != null) ? body.path("code").asInt(0) : 0;
		return new Answer(response.statusCode(), code, body);
	}

	private static String encode(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}

}
