package io.subwatch.security;

import java.util.Set;

import io.subwatch.support.IntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The login form, logout, session fixation and CSRF, with database users. */
@IntegrationTest
class LoginTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	SecurityFixtures fixtures;

	@Test
	void loginPageIsPublicAndPostsWithCsrfToken() throws Exception {
		this.mvc.perform(get("/login"))
			.andExpect(status().isOk())
			.andExpect(content().string(org.hamcrest.Matchers.containsString("id=\"login-form\"")))
			.andExpect(content().string(org.hamcrest.Matchers.containsString("name=\"_csrf\"")));
	}

	@Test
	void loginPageSpeaksChinese() throws Exception {
		this.mvc.perform(get("/login").header("Accept-Language", "zh-CN,zh;q=0.9"))
			.andExpect(content().string(org.hamcrest.Matchers.containsString("登录 subwatch")));
	}

	@Test
	void firstAdminSignsInWithTheConfiguredPassword() throws Exception {
		MockHttpSession session = SecurityFixtures.signIn(this.mvc, "admin", "test-admin-password",
				SecurityFixtures.address());
		assertThat(session).isNotNull();
		this.mvc.perform(get("/admin/users").session(session)).andExpect(status().isOk());
	}

	@Test
	void userSignsInWithRightPasswordAndGetsAccessOfRoleAndGrants() throws Exception {
		UserAccount user = this.fixtures.user(Role.OPERATOR, BizScope.of(Set.of(4L, 5L)));
		MockHttpSession session = SecurityFixtures.signIn(this.mvc, user.username().toUpperCase(),
				SecurityFixtures.PASSWORD, SecurityFixtures.address());
		assertThat(session).isNotNull();
		SecurityContext context = (SecurityContext) session
			.getAttribute(HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY);
		SubwatchUser principal = (SubwatchUser) context.getAuthentication().getPrincipal();
		assertThat(principal.access().read()).isEqualTo(BizScope.of(Set.of(4L, 5L)));
		assertThat(principal.access().write()).isEqualTo(BizScope.of(Set.of(4L, 5L)));
		assertThat(principal.access().actor()).isEqualTo(user.username());
		assertThat(context.getAuthentication().getCredentials()).isNull();
	}

	@Test
	void wrongPasswordUnknownUserAndDisabledUserGetTheSameAnswer() throws Exception {
		UserAccount user = this.fixtures.user(Role.VIEWER, BizScope.ALL);
		String address = SecurityFixtures.address();
		for (String[] attempt : new String[][] { { user.username(), "wrong password" },
				{ "nobody-" + user.id(), SecurityFixtures.PASSWORD } }) {
			this.mvc.perform(post("/login").param("username", attempt[0]).param("password", attempt[1]).with(csrf())
				.with((r) -> {
					r.setRemoteAddr(address);
					return r;
				})).andExpect(redirectedUrl("/login?error"));
		}
		this.mvc.perform(get("/login?error"))
			.andExpect(content().string(org.hamcrest.Matchers.containsString("id=\"login-error\"")));
	}

	@Test
	void loginWithoutCsrfTokenIsRejected() throws Exception {
		UserAccount user = this.fixtures.user(Role.VIEWER, BizScope.ALL);
		this.mvc.perform(post("/login").param("username", user.username()).param("password", SecurityFixtures.PASSWORD))
			.andExpect(status().isForbidden());
	}

	@Test
	void htmxRequestsPassCsrfWithTheTokenOfThePageInAHeader() throws Exception {
		UserAccount admin = this.fixtures.user(Role.ADMIN, BizScope.ALL);
		UserAccount target = this.fixtures.user(Role.VIEWER, BizScope.ALL);
		MockHttpSession session = SecurityFixtures.signIn(this.mvc, admin.username(), SecurityFixtures.PASSWORD,
				SecurityFixtures.address());
		String page = this.mvc.perform(get("/admin/users").session(session)).andReturn().getResponse()
			.getContentAsString();
		java.util.regex.Matcher token = java.util.regex.Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"")
			.matcher(page);
		assertThat(token.find()).isTrue();
		this.mvc.perform(post("/admin/users/{id}", target.id()).session(session)
			.header("HX-Request", "true")
			.param("role", "OPERATOR")
			.param("enabled", "true")).andExpect(status().isForbidden());
		this.mvc.perform(post("/admin/users/{id}", target.id()).session(session)
			.header("HX-Request", "true")
			.header("X-CSRF-TOKEN", token.group(1))
			.param("role", "OPERATOR")
			.param("enabled", "true")).andExpect(redirectedUrl("/admin/users/" + target.id()));
		assertThat(this.fixtures.reload(target).role()).isEqualTo(Role.OPERATOR);
	}

	@Test
	void signingInChangesTheSessionId() throws Exception {
		UserAccount user = this.fixtures.user(Role.VIEWER, BizScope.ALL);
		MvcResult page = this.mvc.perform(get("/login")).andReturn();
		MockHttpSession before = (MockHttpSession) page.getRequest().getSession(false);
		assertThat(before).isNotNull();
		String idBefore = before.getId();
		MvcResult login = this.mvc.perform(post("/login").session(before)
			.param("username", user.username())
			.param("password", SecurityFixtures.PASSWORD)
			.with(csrf())).andExpect(redirectedUrl("/")).andReturn();
		assertThat(login.getRequest().getSession(false).getId()).isNotEqualTo(idBefore);
	}

	@Test
	void logoutNeedsPostWithCsrfAndEndsTheSession() throws Exception {
		UserAccount user = this.fixtures.user(Role.VIEWER, BizScope.ALL);
		MockHttpSession session = SecurityFixtures.signIn(this.mvc, user.username(), SecurityFixtures.PASSWORD,
				SecurityFixtures.address());
		this.mvc.perform(post("/logout").session(session)).andExpect(status().isForbidden());
		this.mvc.perform(post("/logout").session(session).with(csrf())).andExpect(redirectedUrl("/login?logout"));
		assertThat(session.isInvalid()).isTrue();
	}

	@Test
	void anonymousPageRequestGoesToLoginAndBackAfterSigningIn() throws Exception {
		UserAccount user = this.fixtures.user(Role.ADMIN, BizScope.ALL);
		MvcResult denied = this.mvc.perform(get("/admin/users"))
			.andExpect(status().isFound())
			.andExpect(redirectedUrl("/login"))
			.andReturn();
		MockHttpSession session = (MockHttpSession) denied.getRequest().getSession(false);
		this.mvc.perform(post("/login").session(session)
			.param("username", user.username())
			.param("password", SecurityFixtures.PASSWORD)
			.with(csrf())).andExpect(redirectedUrl("http://localhost/admin/users?continue"));
	}

	@Test
	void htmxRequestWithoutSessionReloadsTheWholePageInsteadOfSwappingTheLoginForm() throws Exception {
		this.mvc.perform(get("/subscriptions/1/counters").header("HX-Request", "true"))
			.andExpect(status().isUnauthorized())
			.andExpect(header().string("HX-Refresh", "true"))
			.andExpect(content().string(""));
		this.mvc.perform(get("/subscriptions/1").header("HX-Request", "true").header("HX-Boosted", "true"))
			.andExpect(status().isUnauthorized())
			.andExpect(header().string("HX-Redirect", "/subscriptions/1"));
	}

	@Test
	void htmxPostAfterSessionExpiryAsksForLoginNotA403() throws Exception {
		this.mvc.perform(post("/subscriptions/1/retry").header("HX-Request", "true")
			.header("X-CSRF-TOKEN", "stale-token")
			.with((request) -> {
				request.setRequestedSessionId("expired-session");
				request.setRequestedSessionIdValid(false);
				return request;
			})).andExpect(status().isUnauthorized()).andExpect(header().string("HX-Refresh", "true"));
	}

	@Test
	void fragmentRequestsAreNotRememberedAsTheTargetAfterLogin() throws Exception {
		UserAccount user = this.fixtures.user(Role.VIEWER, BizScope.ALL);
		MvcResult denied = this.mvc.perform(get("/subscriptions/1/counters").header("HX-Request", "true")).andReturn();
		MockHttpSession session = (MockHttpSession) denied.getRequest().getSession(false);
		var login = post("/login").param("username", user.username())
			.param("password", SecurityFixtures.PASSWORD)
			.with(csrf());
		this.mvc.perform((session != null) ? login.session(session) : login).andExpect(redirectedUrl("/"));
	}

}
