package io.subwatch.security;

import java.util.Map;

import io.subwatch.support.Fixtures;
import io.subwatch.support.IntegrationTest;
import io.subwatch.support.TestUsers;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.forwardedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Users change their own password with the current one (their other sessions end, this one goes on); an admin sets
 * someone's password with their own; both refuse common passwords and ones containing the user name.
 */
@IntegrationTest
class PasswordChangeTest {

	static final String NEW_PASSWORD = "violet staple orbit 42";

	@Autowired
	MockMvc mvc;

	@Autowired
	SecurityFixtures security;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Fixtures fixtures;

	@Test
	void aUserChangesTheirOwnPasswordAndKeepsThisSessionOnly() throws Exception {
		UserAccount user = this.security.user(Role.VIEWER, BizScope.ALL);
		MockHttpSession here = signIn(user, SecurityFixtures.PASSWORD);
		MockHttpSession elsewhere = signIn(user, SecurityFixtures.PASSWORD);
		this.mvc.perform(get("/").session(here))
			.andExpect(content().string(containsString("id=\"account-password-link\"")));
		this.mvc.perform(get("/account/password").session(here))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"password-change\"")));

		MvcResult changed = this.mvc.perform(change(here, SecurityFixtures.PASSWORD, NEW_PASSWORD, NEW_PASSWORD))
			.andExpect(redirectedUrl("/account/password"))
			.andReturn();
		assertThat(notice(changed)).isEqualTo("account.password.changed");
		this.mvc.perform(get("/").session(here)).andExpect(status().isOk());
		this.mvc.perform(get("/").session(elsewhere)).andExpect(redirectedUrl("/login"));
		assertThat(signIn(user, SecurityFixtures.PASSWORD)).as("the old password").isNull();
		assertThat(signIn(user, NEW_PASSWORD)).as("the new password").isNotNull();
		assertThat(lastAudit()).containsEntry("action", "USER_PASSWORD_CHANGED")
			.containsEntry("actor", user.username());
	}

	@Test
	void aWrongCurrentPasswordACommonOneOrTheUserNameAreRefused() throws Exception {
		UserAccount user = this.security.user(Role.VIEWER, BizScope.ALL);
		MockHttpSession session = signIn(user, SecurityFixtures.PASSWORD);
		Map<String, String[]> refusals = Map.of("password.error.own",
				new String[] { "not my password", NEW_PASSWORD, NEW_PASSWORD }, "password.error.common",
				new String[] { SecurityFixtures.PASSWORD, "qwertyuiop", "qwertyuiop" }, "password.error.username",
				new String[] { SecurityFixtures.PASSWORD, "I am " + user.username().toUpperCase(),
						"I am " + user.username().toUpperCase() },
				"password.error.repeat", new String[] { SecurityFixtures.PASSWORD, NEW_PASSWORD, NEW_PASSWORD + "!" });
		for (Map.Entry<String, String[]> refusal : refusals.entrySet()) {
			String[] form = refusal.getValue();
			MvcResult result = this.mvc.perform(change(session, form[0], form[1], form[2])).andReturn();
			assertThat(notice(result)).as(refusal.getKey()).isEqualTo(refusal.getKey());
		}
		this.mvc.perform(get("/").session(session)).andExpect(status().isOk());
		assertThat(signIn(user, SecurityFixtures.PASSWORD)).as("unchanged").isNotNull();
	}

	@Test
	void guessingTheCurrentPasswordIsThrottled() throws Exception {
		UserAccount user = this.security.user(Role.VIEWER, BizScope.ALL);
		MockHttpSession session = signIn(user, SecurityFixtures.PASSWORD);
		String address = SecurityFixtures.address();
		for (int i = 0; i < 5; i++) {
			assertThat(notice(this.mvc.perform(change(session, "guess " + i, NEW_PASSWORD, NEW_PASSWORD)
				.with(from(address))).andReturn())).isEqualTo("password.error.own");
		}
		assertThat(notice(this.mvc.perform(change(session, SecurityFixtures.PASSWORD, NEW_PASSWORD, NEW_PASSWORD)
			.with(from(address))).andReturn())).isEqualTo("password.error.throttled");
	}

	@Test
	void anAdminSetsAPasswordOnlyWithTheirOwn() throws Exception {
		UserAccount user = this.security.user(Role.VIEWER, BizScope.ALL);
		UserAccount admin = this.security.user(Role.ADMIN, BizScope.ALL);
		MockHttpSession adminSession = signIn(admin, SecurityFixtures.PASSWORD);
		this.mvc.perform(get("/admin/users/{id}", user.id()).session(adminSession))
			.andExpect(content().string(containsString("id=\"adminPassword\"")));
		String address = SecurityFixtures.address();
		for (String[] form : new String[][] { { NEW_PASSWORD, null, "password.error.own" },
				{ NEW_PASSWORD, "not the admin's", "password.error.own" },
				{ "1q2w3e4r5t6y", SecurityFixtures.PASSWORD, "password.error.common" },
				{ user.username() + "-2026", SecurityFixtures.PASSWORD, "password.error.username" },
				{ NEW_PASSWORD, SecurityFixtures.PASSWORD, "admin.user.password-set" } }) {
			MockHttpServletRequestBuilder request = post("/admin/users/{id}/password", user.id())
				.param("password", form[0])
				.session(adminSession)
				.with(csrf())
				.with(from(address));
			if (form[1] != null) {
				request.param("adminPassword", form[1]);
			}
			assertThat(notice(this.mvc.perform(request).andExpect(redirectedUrl("/admin/users/" + user.id()))
				.andReturn())).as(form[2]).isEqualTo(form[2]);
		}
		assertThat(signIn(user, NEW_PASSWORD)).isNotNull();
		assertThat(lastAudit()).containsEntry("action", "USER_PASSWORD_SET").containsEntry("actor", admin.username());
	}

	@Test
	void anAdminCreatingAUserGetsTheSameRules() throws Exception {
		String name = SecurityFixtures.unique("carol-");
		MvcResult refused = this.mvc.perform(post("/admin/users").param("username", name)
			.param("password", name + "-password")
			.param("role", "VIEWER")
			.with(TestUsers.admin())
			.with(csrf())).andExpect(redirectedUrl("/admin/users")).andReturn();
		assertThat(notice(refused)).isEqualTo("password.error.username");
	}

	@Test
	void onlySignedInUsersHaveAPasswordToChange() throws Exception {
		this.mvc.perform(get("/account/password")).andExpect(redirectedUrl("/login"));
		String token = Secrets.random(32);
		long subscriptionId = this.fixtures.subscription();
		this.security.shareLink(token, subscriptionId, null, java.time.Instant.now().plusSeconds(3_600));
		MockHttpSession visitor = (MockHttpSession) this.mvc.perform(get("/s/{token}", token))
			.andReturn()
			.getRequest()
			.getSession(false);
		this.mvc.perform(get("/account/password").session(visitor)).andExpect(forwardedUrl("/not-found"));
	}

	private MockHttpServletRequestBuilder change(MockHttpSession session, String current, String password,
			String repeated) {
		return post("/account/password").param("current", current)
			.param("password", password)
			.param("repeated", repeated)
			.session(session)
			.with(csrf());
	}

	private MockHttpSession signIn(UserAccount user, String password) throws Exception {
		return SecurityFixtures.signIn(this.mvc, user.username(), password, SecurityFixtures.address());
	}

	private static RequestPostProcessor from(String address) {
		return (request) -> {
			request.setRemoteAddr(address);
			return request;
		};
	}

	private static String notice(MvcResult result) {
		return ((Notice) result.getFlashMap().get(Notice.ATTRIBUTE)).code();
	}

	private Map<String, Object> lastAudit() {
		return this.jdbc.sql("SELECT actor, action FROM audit_log ORDER BY id DESC LIMIT 1")
			.query((rs, n) -> Map.<String, Object>of("actor", rs.getString(1), "action", rs.getString(2)))
			.single();
	}

}
