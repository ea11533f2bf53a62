package io.subwatch.admin;

import java.time.Instant;
import java.util.UUID;

import io.subwatch.security.BizScope;
import io.subwatch.subscription.DbTime;
import io.subwatch.support.Fixtures;
import io.subwatch.support.IntegrationTest;
import io.subwatch.support.MutableClock;
import io.subwatch.support.MutableClockConfig;
import io.subwatch.support.TestUsers;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** {@code /admin/mirrors}: admins only, each configured source with its state, and never its secret. */
@IntegrationTest
@Import(MutableClockConfig.class)
class AdminMirrorsPageTest {

	/** Unique per run: the MySQL database outlives runs, and the state is keyed by the source's name. */
	private static final String SOURCE = "src-" + UUID.randomUUID().toString().substring(0, 8);

	private static final String SECRET = "never-on-the-page-" + UUID.randomUUID();

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Fixtures fixtures;

	@Autowired
	MutableClock clock;

	@DynamicPropertySource
	static void source(DynamicPropertyRegistry registry) {
		registry.add("subwatch.mirror.sources[0].name", () -> SOURCE);
		registry.add("subwatch.mirror.sources[0].base-url", () -> "http://nodeman.invalid/");
		registry.add("subwatch.mirror.sources[0].app-code", () -> "mirror-app");
		registry.add("subwatch.mirror.sources[0].app-secret", () -> SECRET);
		registry.add("subwatch.mirror.sources[0].subscription-ids[0]", () -> 1201);
		registry.add("subwatch.mirror.sources[0].subscription-ids[1]", () -> 1202);
	}

	@Test
	void onlyAdminsSeeTheSources() throws Exception {
		this.mvc.perform(get("/admin/mirrors")).andExpect(redirectedUrl("/login"));
		this.mvc.perform(get("/admin/mirrors").with(TestUsers.viewer(BizScope.ALL))).andExpect(status().isForbidden());
		this.mvc.perform(get("/admin/mirrors").with(TestUsers.operator(BizScope.ALL)))
			.andExpect(status().isForbidden());
		String home = this.mvc.perform(get("/admin/users").with(TestUsers.admin()))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(home).contains("id=\"nav-mirrors\"");
	}

	@Test
	void anAdminSeesEachSourceWithItsStateButNeverItsSecret() throws Exception {
		String before = page();
		assertThat(before).contains("id=\"mirror-" + SOURCE + "\"", "http://nodeman.invalid<", "1201", "1202",
				"not created here yet");

		long local = this.fixtures.subscription(this.fixtures.newBizId());
		this.jdbc.sql("INSERT INTO mirror_subscription (source, source_id, subscription_id) VALUES (:s, 1201, :id)")
			.param("s", SOURCE)
			.param("id", local)
			.update();
		Instant now = this.clock.instant();
		this.jdbc.sql("""
				INSERT INTO mirror_source (name, last_attempt_at, last_success_at, last_error, requests, lag_ms)
				VALUES (:name, :attempt, :success, :error, 4321, 1234)
				""")
			.param("name", SOURCE)
			.param("attempt", DbTime.toDb(now))
			.param("success", DbTime.toDb(now.minusSeconds(42)))
			.param("error", "connection refused <script>alert(1)</script>")
			.update();

		String html = page();
		assertThat(html).contains("href=\"/subscriptions/" + local + "\"", "(42 s ago)", "1234 ms", "4321",
				"connection refused &lt;script&gt;alert(1)&lt;/script&gt;", "sec-error mirror-error")
			.doesNotContain("<script>alert(1)")
			.doesNotContain(SECRET);
		assertThat(html.indexOf("id=\"mirror-" + SOURCE + "-1202\"")).isPositive();
	}

	private String page() throws Exception {
		return this.mvc.perform(get("/admin/mirrors").with(TestUsers.admin()))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
	}

}
