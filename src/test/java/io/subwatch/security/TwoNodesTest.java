package io.subwatch.security;

import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import io.subwatch.support.Fixtures;
import io.subwatch.support.SecondNode;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two app nodes on one database, as behind a load balancer that does not pin browsers to a node: a sign-in on node A
 * is signed in on node B, a CSRF token rendered by A is accepted by B, a flash message set by B shows on A, and a
 * share-link visit opened on A reads on B. Sessions live in the database (Spring Session JDBC, Flyway V55).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = "spring.autoconfigure.exclude=")
@ActiveProfiles("test")
@Tag("db")
class TwoNodesTest {

	static SecondNode nodeB;

	@LocalServerPort
	int portA;

	@Autowired
	Fixtures fixtures;

	@Autowired
	SecurityFixtures security;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	SessionStore.SessionTouchThrottle sessions;

	@BeforeAll
	static void startNodeB() {
		nodeB = SecondNode.start("spring.autoconfigure.exclude=");
	}

	@AfterAll
	static void stopNodeB() {
		nodeB.close();
	}

	@Test
	void aSessionStartedOnOneNodeWorksOnTheOther() throws Exception {
		long bizId = this.fixtures.newBizId();
		long subscriptionId = this.fixtures.subscription(bizId);
		UserAccount operator = this.security.user(Role.OPERATOR, BizScope.of(Set.of(bizId)));
		Browser browser = new Browser();

		Document login = browser.page(this.portA, "/login");
		HttpResponse<String> signIn = browser.post(this.portA, "/login", Map.of("username", operator.username(),
				"password", SecurityFixtures.PASSWORD, "_csrf", csrf(login)));
		assertThat(signIn.statusCode()).isEqualTo(302);
		assertThat(signIn.headers().firstValue("Location").orElseThrow()).doesNotContain("/login");
		String session = browser.sessionCookie();
		assertThat(session).isNotNull();
		assertThat(this.jdbc.sql("SELECT COUNT(*) FROM SPRING_SESSION WHERE PRINCIPAL_NAME = :name")
			.param("name", operator.username())
			.query(Long.class)
			.single()).isEqualTo(1);

		long touched = lastAccess(operator);

		// node B knows the session: the page loads signed in, not as a redirect to the login
		HttpResponse<String> onB = browser.get(nodeB.port(), "/subscriptions/" + subscriptionId);
		assertThat(onB.statusCode()).isEqualTo(200);
		assertThat(onB.body()).contains(operator.username());

		// page views within a minute of the sign-in leave the session's row as it was (ThrottledSessionRepository)
		browser.page(this.portA, "/subscriptions/" + subscriptionId);
		browser.page(nodeB.port(), "/subscriptions/" + subscriptionId);
		assertThat(lastAccess(operator)).isEqualTo(touched);

		// a form rendered by A, posted to B: the CSRF token is the session's; B's flash message shows on A
		Document form = browser.page(this.portA, "/subscriptions/" + subscriptionId + "/share-links");
		HttpResponse<String> created = browser.post(nodeB.port(), "/subscriptions/" + subscriptionId + "/share-links",
				Map.of("days", "1", "instanceId", "", "_csrf", csrf(form)));
		assertThat(created.statusCode()).isEqualTo(302);
		Document shown = browser.page(this.portA, "/subscriptions/" + subscriptionId + "/share-links");
		String link = shown.getElementById("share-created-url").attr("value");
		assertThat(link).contains("/s/");

		// without the token, B refuses the same POST
		HttpResponse<String> forged = browser.post(nodeB.port(), "/subscriptions/" + subscriptionId + "/share-links",
				Map.of("days", "1", "instanceId", ""));
		assertThat(forged.statusCode()).isEqualTo(403);

		// a share-link visit opened on A reads the subscription on B
		Browser visitor = new Browser();
		HttpResponse<String> entry = visitor.get(this.portA, URI.create(link).getPath());
		assertThat(entry.statusCode()).isEqualTo(302);
		assertThat(entry.headers().firstValue("Location").orElseThrow()).endsWith("/subscriptions/" + subscriptionId);
		assertThat(visitor.get(nodeB.port(), "/subscriptions/" + subscriptionId).statusCode()).isEqualTo(200);

		// signing out on B ends the session on A as well
		Document page = browser.page(nodeB.port(), "/subscriptions/" + subscriptionId);
		assertThat(browser.post(nodeB.port(), "/logout", Map.of("_csrf", csrf(page))).statusCode()).isEqualTo(302);
		HttpResponse<String> after = browser.get(this.portA, "/subscriptions/" + subscriptionId);
		assertThat(after.statusCode()).isEqualTo(302);
		assertThat(after.headers().firstValue("Location").orElseThrow()).contains("/login");
	}

	@Test
	void expiredSessionsAreStillDeletedBehindTheThrottle() {
		this.jdbc.sql("INSERT INTO SPRING_SESSION (PRIMARY_ID, SESSION_ID, CREATION_TIME, LAST_ACCESS_TIME,"
				+ " MAX_INACTIVE_INTERVAL, EXPIRY_TIME, PRINCIPAL_NAME) VALUES ('expired-p', 'expired-s', 1, 1, 60, 60001, NULL)")
			.update();

		new SessionStore.ExpiredSessionCleanup(this.sessions).run();

		assertThat(this.jdbc.sql("SELECT COUNT(*) FROM SPRING_SESSION WHERE PRIMARY_ID = 'expired-p'")
			.query(Long.class)
			.single()).isZero();
	}

	private long lastAccess(UserAccount user) {
		return this.jdbc.sql("SELECT LAST_ACCESS_TIME FROM SPRING_SESSION WHERE PRINCIPAL_NAME = :name")
			.param("name", user.username())
			.query(Long.class)
			.single();
	}

	private static String csrf(Document page) {
		return (page.selectFirst("input[name=_csrf]") != null) ? page.selectFirst("input[name=_csrf]").attr("value")
				: page.selectFirst("meta[name=csrf-token]").attr("content");
	}

	/** One browser: cookies kept per host, whichever node (port) answers, as behind a load balancer. */
	private static final class Browser {

		private final CookieManager cookies = new CookieManager();

		private final HttpClient http = HttpClient.newBuilder().cookieHandler(this.cookies).build();

		HttpResponse<String> get(int port, String path) throws Exception {
			return this.http.send(HttpRequest.newBuilder(uri(port, path)).header("Accept", "text/html").build(),
					HttpResponse.BodyHandlers.ofString());
		}

		Document page(int port, String path) throws Exception {
			HttpResponse<String> response = get(port, path);
			assertThat(response.statusCode()).as(path).isEqualTo(200);
			return Jsoup.parse(response.body());
		}

		HttpResponse<String> post(int port, String path, Map<String, String> form) throws Exception {
			String body = form.entrySet()
				.stream()
				.map((e) -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
				.collect(Collectors.joining("&"));
			return this.http.send(HttpRequest.newBuilder(uri(port, path))
				.header("Content-Type", "application/x-www-form-urlencoded")
				.header("Accept", "text/html")
				.POST(HttpRequest.BodyPublishers.ofString(body))
				.build(), HttpResponse.BodyHandlers.ofString());
		}

		String sessionCookie() {
			return this.cookies.getCookieStore()
				.getCookies()
				.stream()
				.filter((c) -> c.getName().equals("SESSION"))
				.map(HttpCookie::getValue)
				.findFirst()
				.orElse(null);
		}

		private static URI uri(int port, String path) {
			return URI.create("http://127.0.0.1:" + port + path);
		}

	}

}
