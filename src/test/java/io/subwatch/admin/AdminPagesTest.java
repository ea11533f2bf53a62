package io.subwatch.admin;

import java.util.List;
import java.util.Map;
import java.util.Set;

import io.subwatch.security.BizScope;
import io.subwatch.security.Notice;
import io.subwatch.security.Role;
import io.subwatch.security.SecurityFixtures;
import io.subwatch.security.UserAccount;
import io.subwatch.support.Api;
import io.subwatch.support.Fixtures;
import io.subwatch.support.IntegrationTest;
import io.subwatch.support.TestUsers;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The admin pages: only admins, CSRF on every change, changes audited and effective at once. */
@IntegrationTest
class AdminPagesTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	JsonMapper json;

	@Autowired
	SecurityFixtures security;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Fixtures fixtures;

	@Test
	void onlyAdminsReachTheAdminPages() throws Exception {
		for (String page : List.of("/admin", "/admin/users", "/admin/applications", "/admin/mirrors")) {
			this.mvc.perform(get(page)).andExpect(redirectedUrl("/login"));
			this.mvc.perform(get(page).with(TestUsers.viewer(BizScope.ALL))).andExpect(status().isForbidden());
			this.mvc.perform(get(page).with(TestUsers.operator(BizScope.ALL))).andExpect(status().isForbidden());
		}
		this.mvc.perform(get("/admin").with(TestUsers.admin())).andExpect(redirectedUrl("/admin/users"));
		this.mvc.perform(get("/admin/users").with(TestUsers.admin()))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"user-admin\"")));
		this.mvc.perform(get("/admin/applications").with(TestUsers.admin()))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"application-" + Api.APP_CODE + "\"")));
		this.mvc.perform(post("/admin/users").param("username", "x").with(TestUsers.operator(BizScope.ALL)).with(csrf()))
			.andExpect(status().isForbidden());
	}

	@Test
	void changesWithoutCsrfTokenAreRejected() throws Exception {
		UserAccount user = this.security.user(Role.VIEWER, BizScope.ALL);
		this.mvc.perform(post("/admin/users").param("username", SecurityFixtures.unique("nocsrf"))
			.param("password", SecurityFixtures.PASSWORD)
			.param("role", "ADMIN")
			.with(TestUsers.admin())).andExpect(status().isForbidden());
		this.mvc.perform(post("/admin/users/{id}", user.id()).param("role", "ADMIN").with(TestUsers.admin()))
			.andExpect(status().isForbidden());
		this.mvc.perform(post("/admin/applications").param("appCode", "x").with(TestUsers.admin()))
			.andExpect(status().isForbidden());
		assertThat(this.security.reload(user).role()).isEqualTo(Role.VIEWER);
	}

	@Test
	void anAdminCreatesAUserWhoSignsInWithTheirGrants() throws Exception {
		String name = SecurityFixtures.unique("new-");
		MvcResult created = this.mvc.perform(post("/admin/users").param("username", name)
			.param("password", "a long enough password")
			.param("role", "OPERATOR")
			.param("businesses", "4, 7")
			.with(TestUsers.admin())
			.with(csrf())).andExpect(redirectedUrlPattern("/admin/users/*")).andReturn();
		this.mvc.perform(get(created.getResponse().getRedirectedUrl()).with(TestUsers.admin()))
			.andExpect(content().string(containsString("value=\"4, 7\"")));
		MockHttpSession session = SecurityFixtures.signIn(this.mvc, name, "a long enough password",
				SecurityFixtures.address());
		assertThat(session).isNotNull();
		assertThat(lastAudit()).containsEntry("action", "USER_CREATED").containsEntry("actor", "admin");
	}

	@Test
	void badInputIsRefusedWithAMessage() throws Exception {
		for (Map<String, String> form : List.of(Map.of("username", "Bad Name!", "password", "a long enough password",
				"role", "VIEWER"), Map.of("username", "short-pw", "password", "short", "role", "VIEWER"),
				Map.of("username", "no-role", "password", "a long enough password", "role", "ROOT"),
				Map.of("username", "bad-biz", "password", "a long enough password", "role", "VIEWER", "businesses",
						"4, four"),
				Map.of("username", "admin", "password", "a long enough password", "role", "VIEWER"))) {
			var request = post("/admin/users").with(TestUsers.admin()).with(csrf());
			form.forEach(request::param);
			MvcResult result = this.mvc.perform(request).andExpect(redirectedUrl("/admin/users")).andReturn();
			assertThat(result.getFlashMap().get(Notice.ATTRIBUTE)).as(form.toString())
				.isInstanceOfSatisfying(Notice.class, (n) -> assertThat(n.error()).isTrue());
		}
		MvcResult refused = this.mvc.perform(post("/admin/users").param("username", "biz-typo")
			.param("password", "a long enough password")
			.param("role", "VIEWER")
			.param("businesses", "4, four")
			.with(TestUsers.admin())
			.with(csrf())).andReturn();
		this.mvc.perform(get("/admin/users").with(TestUsers.admin())
			.session((MockHttpSession) refused.getRequest().getSession()))
			.andExpect(content().string(containsString("id=\"notice\"")))
			.andExpect(content().string(containsString("“four” is not a business id")));
	}

	@Test
	void roleAndGrantChangesApplyToOpenSessionsAndDisablingEndsThem() throws Exception {
		UserAccount user = this.security.user(Role.VIEWER, BizScope.of(Set.of(1L)));
		MockHttpSession session = SecurityFixtures.signIn(this.mvc, user.username(), SecurityFixtures.PASSWORD,
				SecurityFixtures.address());
		this.mvc.perform(get("/admin/users").session(session)).andExpect(status().isForbidden());
		UserAccount admin = this.security.user(Role.ADMIN, BizScope.ALL);
		MockHttpSession adminSession = SecurityFixtures.signIn(this.mvc, admin.username(), SecurityFixtures.PASSWORD,
				SecurityFixtures.address());
		this.mvc.perform(post("/admin/users/{id}", user.id()).param("role", "ADMIN")
			.param("enabled", "true")
			.session(adminSession)
			.with(csrf())).andExpect(redirectedUrl("/admin/users/" + user.id()));
		this.mvc.perform(get("/admin/users").session(session)).andExpect(status().isOk());
		this.mvc.perform(post("/admin/users/{id}", user.id()).param("role", "ADMIN")
			.session(adminSession)
			.with(csrf())).andExpect(redirectedUrl("/admin/users/" + user.id()));
		this.mvc.perform(get("/admin/users").session(session)).andExpect(redirectedUrl("/login"));
		assertThat(session.getAttribute(HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY)).isNull();
		assertThat(SecurityFixtures.signIn(this.mvc, user.username(), SecurityFixtures.PASSWORD,
				SecurityFixtures.address())).as("disabled").isNull();
	}

	@Test
	void aNewPasswordEndsTheUsersOtherSessions() throws Exception {
		UserAccount user = this.security.user(Role.VIEWER, BizScope.ALL);
		long subscriptionId = this.fixtures.subscription();
		MockHttpSession session = SecurityFixtures.signIn(this.mvc, user.username(), SecurityFixtures.PASSWORD,
				SecurityFixtures.address());
		this.mvc.perform(get("/subscriptions/{id}/probe", subscriptionId).session(session)).andExpect(status().isOk());
		this.mvc.perform(post("/admin/users/{id}/password", user.id()).param("password", "another long password")
			.param("adminPassword", "test-admin-password")
			.with(TestUsers.admin())
			.with(csrf())).andExpect(redirectedUrl("/admin/users/" + user.id()));
		this.mvc.perform(get("/subscriptions/{id}/probe", subscriptionId).session(session))
			.andExpect(redirectedUrl("/login"));
		assertThat(SecurityFixtures.signIn(this.mvc, user.username(), "another long password",
				SecurityFixtures.address())).isNotNull();
		assertThat(lastAudit()).containsEntry("action", "USER_PASSWORD_SET");
	}

	@Test
	void anAdminCannotDemoteOrDisableThemselves() throws Exception {
		UserAccount admin = this.security.user(Role.ADMIN, BizScope.ALL);
		MockHttpSession session = SecurityFixtures.signIn(this.mvc, admin.username(), SecurityFixtures.PASSWORD,
				SecurityFixtures.address());
		MvcResult result = this.mvc.perform(post("/admin/users/{id}", admin.id()).param("role", "VIEWER")
			.param("enabled", "true")
			.session(session)
			.with(csrf())).andReturn();
		assertThat(((Notice) result.getFlashMap().get(Notice.ATTRIBUTE)).code()).isEqualTo("admin.error.self");
		assertThat(this.security.reload(admin).role()).isEqualTo(Role.ADMIN);
	}

	@Test
	void aNewApplicationsSecretIsShownOnceAndWorksOnTheApi() throws Exception {
		String code = SecurityFixtures.unique("exec-");
		MvcResult created = this.mvc.perform(post("/admin/applications").param("appCode", code)
			.param("description", "executor")
			.param("read", "3")
			.param("write", "5")
			.with(TestUsers.admin())
			.with(csrf())).andExpect(redirectedUrlPattern("/admin/applications/*")).andReturn();
		String secret = (String) created.getFlashMap().get("secret");
		assertThat(secret).hasSizeGreaterThanOrEqualTo(43);
		String page = created.getResponse().getRedirectedUrl();
		MockHttpSession session = (MockHttpSession) created.getRequest().getSession();
		this.mvc.perform(get(page).with(TestUsers.admin()).session(session))
			.andExpect(content().string(containsString(secret)));
		this.mvc.perform(get(page).with(TestUsers.admin()).session(session))
			.andExpect(content().string(not(containsString(secret))))
			.andExpect(content().string(containsString("value=\"3\"")))
			.andExpect(content().string(containsString("value=\"5\"")));
		String stored = this.jdbc.sql("SELECT secret_hash FROM api_application WHERE app_code = :code")
			.param("code", code)
			.query(String.class)
			.single();
		assertThat(stored).startsWith("{bcrypt}").doesNotContain(secret);
		Api api = new Api(this.mvc, this.json).as(code, secret, null);
		assertThat(api.get("/api/v1/tasks?pending=true").get("result").asBoolean()).isTrue();

		MvcResult rotated = this.mvc.perform(post(page + "/secret").with(TestUsers.admin()).with(csrf())).andReturn();
		String newSecret = (String) rotated.getFlashMap().get("secret");
		assertThat(newSecret).isNotEqualTo(secret);
		assertThat(api.get("/api/v1/tasks?pending=true").get("code").asInt()).isEqualTo(3800401);
		assertThat(new Api(this.mvc, this.json).as(code, newSecret, null).get("/api/v1/tasks?pending=true")
			.get("result")
			.asBoolean()).isTrue();
		assertThat(lastAudit()).containsEntry("action", "API_APP_SECRET_ROTATED");
	}

	private Map<String, Object> lastAudit() {
		return this.jdbc.sql("SELECT actor, action, detail FROM audit_log ORDER BY id DESC LIMIT 1")
			.query((rs, n) -> Map.<String, Object>of("actor", rs.getString(1), "action", rs.getString(2)))
			.single();
	}

}
