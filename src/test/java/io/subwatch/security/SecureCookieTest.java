package io.subwatch.security;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Through the real server (Tomcat): the session cookie is HttpOnly and SameSite=Lax, and Secure when the request came
 * over HTTPS (here: through a proxy on 127.0.0.1 that says so with X-Forwarded-Proto).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@Tag("db")
class SecureCookieTest {

	@LocalServerPort
	int port;

	private final HttpClient http = HttpClient.newHttpClient();

	@Test
	void sessionCookieIsSecureOverHttps() throws Exception {
		String cookie = sessionCookie("https");
		assertThat(cookie).contains("JSESSIONID=").contains("Secure").contains("HttpOnly").contains("SameSite=Lax");
	}

	@Test
	void sessionCookieIsHttpOnlyButNotSecureOverPlainHttp() throws Exception {
		String cookie = sessionCookie(null);
		assertThat(cookie).contains("JSESSIONID=").contains("HttpOnly").doesNotContain("Secure");
	}

	private String sessionCookie(String forwardedProto) throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + "/login"));
		if (forwardedProto != null) {
			request.header("X-Forwarded-Proto", forwardedProto);
		}
		HttpResponse<String> response = this.http.send(request.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).isEqualTo(200);
		List<String> cookies = response.headers().allValues("Set-Cookie");
		return cookies.stream().filter((c) -> c.startsWith("JSESSIONID=")).findFirst().orElseThrow();
	}

}
