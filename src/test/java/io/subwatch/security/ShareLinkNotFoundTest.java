package io.subwatch.security;

import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;

import io.subwatch.support.Fixtures;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Through the real server: a share-link visitor asking for another subscription, or for any page outside its link,
 * whatever it accepts, gets the same 404 page as for a host of its own subscription that does not exist, not
 * Spring's 403 JSON.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@Tag("db")
class ShareLinkNotFoundTest {

	@LocalServerPort
	int port;

	@Autowired
	Fixtures fixtures;

	@Autowired
	SecurityFixtures security;

	private final HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();

	@Test
	void outsideItsLinkAVisitorGetsTheNotFoundPage() throws Exception {
		long bizId = this.fixtures.newBizId();
		long shared = this.fixtures.subscription(bizId);
		long other = this.fixtures.subscription(bizId);
		String token = Secrets.random(32);
		this.security.shareLink(token, shared, null, Instant.now().plusSeconds(3_600));
		HttpResponse<String> entry = get("/s/" + token, "text/html");
		assertThat(entry.statusCode()).isEqualTo(302);
		assertThat(entry.headers().firstValue("Location").orElseThrow()).endsWith("/subscriptions/" + shared);

		HttpResponse<String> missingHost = get("/subscriptions/" + shared + "/instances/no-such-host", "text/html");
		assertThat(missingHost.statusCode()).isEqualTo(404);
		assertThat(missingHost.body()).contains("id=\"error-404\"");
		for (String accept : new String[] { "text/html", "application/json", "*/*" }) {
			for (String path : new String[] { "/subscriptions/" + other, "/", "/admin/users" }) {
				HttpResponse<String> answer = get(path, accept);
				assertThat(answer.statusCode()).as(path + " " + accept).isEqualTo(404);
				assertThat(answer.body()).as(path + " " + accept).contains("id=\"error-404\"");
				assertThat(answer.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/html");
			}
		}
	}

	private HttpResponse<String> get(String path, String accept) throws Exception {
		HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + path))
			.header("Accept", accept)
			.build();
		return this.http.send(request, HttpResponse.BodyHandlers.ofString());
	}

}
