package io.subwatch.security;

import java.util.Map;
import java.util.Set;

import io.subwatch.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Brute force through the real form and the API is slowed per address and per name from that address, but wrong
 * guesses never lock the right credential out of another address (the waits themselves are covered on a moving
 * clock in {@link LoginThrottleTest}).
 */
@IntegrationTest
class LoginThrottlingTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	JsonMapper json;

	@Autowired
	SecurityFixtures fixtures;

	@Test
	void wrongPasswordsFromOneAddressDoNotStopTheRightOneFromAnother() throws Exception {
		UserAccount user = this.fixtures.user(Role.VIEWER, BizScope.ALL);
		String guesser = SecurityFixtures.address();
		for (int i = 0; i < 8; i++) {
			attempt(user.username(), "guess " + i, guesser);
		}
		assertThat(SecurityFixtures.signIn(this.mvc, user.username(), SecurityFixtures.PASSWORD,
				SecurityFixtures.address())).as("the user from their own address").isNotNull();
	}

	@Test
	void guessingOnePasswordFromOneAddressIsSlowedDown() throws Exception {
		UserAccount user = this.fixtures.user(Role.VIEWER, BizScope.ALL);
		String address = SecurityFixtures.address();
		for (int i = 0; i < 5; i++) {
			attempt(user.username(), "guess " + i, address).andExpect(redirectedUrl("/login?error"));
		}
		// documented choice: a throttled (address, name) is refused without checking, even the right password
		attempt(user.username(), SecurityFixtures.PASSWORD, address)
			.andExpect(redirectedUrlPattern("/login?throttled=*"));
		this.mvc.perform(get("/login?throttled=2"))
			.andExpect(content().string(containsString("id=\"login-throttled\"")))
			.andExpect(content().string(containsString("2 seconds")));
	}

	@Test
	void oneAddressGuessingManyUsersIsSlowedDown() throws Exception {
		UserAccount user = this.fixtures.user(Role.VIEWER, BizScope.ALL);
		String address = SecurityFixtures.address();
		for (int i = 0; i < 20; i++) {
			attempt(SecurityFixtures.unique("guessed-"), "guess", address).andExpect(redirectedUrl("/login?error"));
		}
		attempt(user.username(), SecurityFixtures.PASSWORD, address)
			.andExpect(redirectedUrlPattern("/login?throttled=*"));
		assertThat(SecurityFixtures.signIn(this.mvc, user.username(), SecurityFixtures.PASSWORD,
				SecurityFixtures.address())).as("the same user from elsewhere").isNotNull();
	}

	@Test
	void wrongSecretsFromOneAddressDoNotStopTheRightSecretFromAnother() throws Exception {
		String code = this.fixtures.application(true, false, Set.of(), Set.of());
		String guesser = SecurityFixtures.address();
		for (int i = 0; i < 5; i++) {
			api(code, "wrong secret " + i, guesser).andExpect(status().isUnauthorized());
		}
		api(code, SecurityFixtures.PASSWORD, guesser).andExpect(status().isTooManyRequests())
			.andExpect(header().string("Retry-After", "60"))
			.andExpect(jsonPath("$.result").value(false))
			.andExpect(jsonPath("$.code").value(3800401))
			.andExpect(jsonPath("$.message").value(containsString("retry in 60 s")));
		api(code, SecurityFixtures.PASSWORD, SecurityFixtures.address()).andExpect(status().isOk())
			.andExpect(jsonPath("$.result").value(true));
	}

	private ResultActions api(String code, String secret, String address) throws Exception {
		String credentials = this.json.writeValueAsString(Map.of("bk_app_code", code, "bk_app_secret", secret));
		return this.mvc.perform(get("/api/v1/tasks?pending=true").header("X-Bkapi-Authorization", credentials)
			.with((request) -> {
				request.setRemoteAddr(address);
				return request;
			}));
	}

	private ResultActions attempt(String username, String password, String address) throws Exception {
		return this.mvc.perform(post("/login").param("username", username)
			.param("password", password)
			.with(csrf())
			.with((request) -> {
				request.setRemoteAddr(address);
				return request;
			}));
	}

}
