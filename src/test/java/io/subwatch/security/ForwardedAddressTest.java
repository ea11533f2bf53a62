package io.subwatch.security;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Through the real server (Tomcat's RemoteIpValve): X-Forwarded-For names the client only when the peer is a trusted
 * proxy ({@code server.tomcat.remoteip.internal-proxies}, loopback by default), so a client cannot pick the address
 * it is throttled by. Seen through the address a wrong secret is counted against.
 */
@Tag("db")
class ForwardedAddressTest {

	@Nested
	@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
	@ActiveProfiles("test")
	@Tag("db")
	class FromATrustedProxy {

		@LocalServerPort
		int port;

		@Autowired
		SecurityFixtures fixtures;

		@Autowired
		JdbcClient jdbc;

		@Test
		void theForwardedAddressIsTheClients() throws Exception {
			String code = this.fixtures.application(true, false, Set.of(), Set.of());
			assertThat(wrongSecret(this.port, code, "203.0.113.7")).isEqualTo(401);
			assertThat(keys(this.jdbc, code)).containsExactly("pair:203.0.113.7|api-app " + code);
		}

	}

	@Nested
	@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
			properties = "server.tomcat.remoteip.internal-proxies=192\\.0\\.2\\.1")
	@ActiveProfiles("test")
	@Tag("db")
	class FromAnUntrustedPeer {

		@LocalServerPort
		int port;

		@Autowired
		SecurityFixtures fixtures;

		@Autowired
		JdbcClient jdbc;

		@Test
		void theForwardedAddressIsIgnored() throws Exception {
			String code = this.fixtures.application(true, false, Set.of(), Set.of());
			assertThat(wrongSecret(this.port, code, "203.0.113.8")).isEqualTo(401);
			assertThat(keys(this.jdbc, code)).singleElement()
				.satisfies((key) -> assertThat(key).doesNotContain("203.0.113.8").endsWith("|api-app " + code));
		}

	}

	static int wrongSecret(int port, String code, String forwardedFor) throws Exception {
		HttpRequest request = HttpRequest
			.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/tasks?pending=true"))
			.header("X-Bkapi-Authorization", "{\"bk_app_code\": \"" + code + "\", \"bk_app_secret\": \"wrong\"}")
			.header("X-Forwarded-For", forwardedFor)
			.build();
		return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
	}

	/** The (address, name) throttle keys of this application code. */
	static List<String> keys(JdbcClient jdbc, String code) {
		return jdbc.sql("SELECT throttle_key FROM login_failure WHERE throttle_key LIKE :key ORDER BY throttle_key")
			.param("key", "pair:%|api-app " + code)
			.query(String.class)
			.list();
	}

}
