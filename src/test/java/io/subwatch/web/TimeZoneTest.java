package io.subwatch.web;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Set;

import io.subwatch.ingest.IngestService.CreatedTask;
import io.subwatch.security.BizScope;
import io.subwatch.support.Fixtures;
import io.subwatch.support.IntegrationTest;
import io.subwatch.support.TestUsers;
import io.subwatch.system.ReaderZone;
import jakarta.servlet.http.Cookie;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.asyncDispatch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/** The time zone switch: browser, UTC or server zone, from a cookie, on every time of every page, always named. */
@IntegrationTest
class TimeZoneTest {

	static final Instant T0 = Instant.parse("2026-11-28T02:00:00Z");

	@Autowired
	MockMvc mvc;

	@Autowired
	Fixtures fixtures;

	@Autowired
	JdbcClient jdbc;

	Pages pages;

	long subscriptionId;

	String instanceId;

	RequestPostProcessor viewer;

	@BeforeEach
	void setUp() {
		this.pages = new Pages(this.mvc);
		long bizId = this.fixtures.newBizId();
		this.subscriptionId = this.fixtures.subscription(bizId);
		CreatedTask task = this.fixtures.task(this.subscriptionId, this.fixtures.hosts(bizId, 1));
		this.instanceId = task.records().get(0).instanceId();
		this.fixtures.send(Fixtures.finish(task.records().get(0).recordId(), -1, T0));
		this.viewer = TestUsers.viewer(BizScope.of(Set.of(bizId)));
	}

	Pages.Page page(String url, Cookie... cookies) {
		var request = get(URI.create(url));
		if (cookies.length > 0) {
			request.cookie(cookies);
		}
		return Pages.page(this.pages.perform(request, this.viewer));
	}

	String results() {
		return "/subscriptions/" + this.subscriptionId;
	}

	static Cookie mode(String mode) {
		return new Cookie(ReaderZone.MODE_COOKIE, mode);
	}

	static Cookie browser(String zone) {
		return new Cookie(ReaderZone.BROWSER_COOKIE, zone);
	}

	@Test
	void theServerZoneByDefaultNamedInTheFooterAndTheHeadings() {
		Pages.Page page = page(results());
		assertThat(page.text("#host-rows time[datetime='2026-11-28T02:00:00Z']")).isEqualTo("2026-11-28 10:00:00");
		assertThat(page.text("#hosts thead")).contains("Start (UTC+08:00)");
		assertThat(page.text("#zone-label")).isEqualTo("Times in Asia/Shanghai (UTC+08:00), the server's time zone");
		assertThat(page.attr("#zone-server", "aria-current")).isEqualTo("true");
		assertThat(page.attr("#zone-utc", "href")).isEqualTo("/time-zone?zone=utc&back=%2Fsubscriptions%2F"
				+ this.subscriptionId);
	}

	@Test
	void theSwitchSetsTheCookieAndReturnsToThePage() throws Exception {
		MvcResult switched = this.pages.perform(get(URI.create("/time-zone?zone=utc&back=" + results() + "%3Fq%3Dx")),
				this.viewer);
		assertThat(switched.getResponse().getStatus()).isEqualTo(302);
		assertThat(switched.getResponse().getRedirectedUrl()).isEqualTo(results() + "?q=x");
		assertThat(switched.getResponse().getHeader("Set-Cookie")).startsWith(ReaderZone.MODE_COOKIE + "=utc")
			.contains("HttpOnly")
			.contains("SameSite=Lax");
		MvcResult unknown = this.pages.perform(get(URI.create("/time-zone?zone=mars&back=//evil.example")),
				this.viewer);
		assertThat(unknown.getResponse().getHeader("Set-Cookie")).isNull();
		assertThat(unknown.getResponse().getRedirectedUrl()).isEqualTo("/");
		MvcResult anonymous = this.mvc.perform(get("/time-zone?zone=local&back=/login")).andReturn();
		assertThat(anonymous.getResponse().getRedirectedUrl()).isEqualTo("/login");
	}

	@Test
	void utcAppliesToTheResultsTheInstancePageAndTheExport() throws Exception {
		Pages.Page page = page(results(), mode("utc"));
		assertThat(page.text("#host-rows time[datetime='2026-11-28T02:00:00Z']")).isEqualTo("2026-11-28 02:00:00");
		assertThat(page.text("#hosts thead")).contains("Start (UTC)");
		assertThat(page.text("#zone-label")).isEqualTo("Times in UTC");
		assertThat(page.attr("#zone-utc", "aria-current")).isEqualTo("true");
		assertThat(page.has("#zone-server[aria-current]")).isFalse();

		Pages.Page instance = page(results() + "/instances/" + this.instanceId.replace("|", "%7C"), mode("utc"));
		assertThat(instance.text("#instance-summary time[datetime='2026-11-28T02:00:00Z']"))
			.isEqualTo("2026-11-28 02:00:00");

		MvcResult started = this.pages.perform(get(URI.create(results() + "/hosts.csv")).cookie(mode("utc")),
				this.viewer);
		String csv = this.mvc.perform(asyncDispatch(started)).andReturn().getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
		assertThat(csv).contains("Start (UTC)").contains(",2026-11-28 02:00:00,");
	}

	@Test
	void theBrowserZoneWhenItsScriptReportedOneTheServerZoneOtherwise() {
		Pages.Page berlin = page(results(), mode("local"), browser("Europe/Berlin"));
		assertThat(berlin.text("#host-rows time[datetime='2026-11-28T02:00:00Z']")).isEqualTo("2026-11-28 03:00:00");
		assertThat(berlin.text("#zone-label"))
			.isEqualTo("Times in Europe/Berlin (UTC+01:00), your browser's time zone");
		assertThat(berlin.attr("#zone-label", "data-zone")).isEqualTo("Europe/Berlin");
		assertThat(berlin.attr("#zone-local", "aria-current")).isEqualTo("true");

		for (String bad : new String[] { "Mars/Olympus_Mons", "../../etc/passwd", "Europe/Berlin;x=1", "" }) {
			Pages.Page fallback = page(results(), mode("local"), browser(bad));
			assertThat(fallback.status()).isEqualTo(200);
			assertThat(fallback.text("#host-rows time[datetime='2026-11-28T02:00:00Z']"))
				.isEqualTo("2026-11-28 10:00:00");
			assertThat(fallback.text("#zone-label")).startsWith("Times in Asia/Shanghai (UTC+08:00), the server's")
				.contains("JavaScript");
		}
		Pages.Page noScript = page(results(), mode("local"));
		assertThat(noScript.text("#zone-label")).contains("Asia/Shanghai").contains("JavaScript");
		Pages.Page nonsense = page(results(), mode("<script>"), browser("Europe/Berlin"));
		assertThat(nonsense.text("#zone-label")).isEqualTo("Times in Asia/Shanghai (UTC+08:00), the server's time zone");
	}

	@Test
	void theAdminPagesFollowTheChoiceToo() {
		long adminId = this.jdbc.sql("SELECT id FROM app_user WHERE username = 'admin'").query(Long.class).single();
		Instant created = this.jdbc.sql("SELECT created_at FROM app_user WHERE id = :id")
			.param("id", adminId)
			.query(java.sql.Timestamp.class)
			.single()
			.toInstant();
		var request = get("/admin/users/" + adminId).cookie(mode("local"), browser("America/New_York"));
		Pages.Page page = Pages.page(this.pages.perform(request, TestUsers.admin()));
		String expected = java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")
			.format(created.atZone(java.time.ZoneId.of("America/New_York")));
		assertThat(page.text("#admin-user time")).isEqualTo(expected + " (America/New_York)");
		assertThat(page.text("#zone-label")).contains("America/New_York");
	}

}
