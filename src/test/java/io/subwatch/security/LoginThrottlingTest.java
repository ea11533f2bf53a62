package io.subwatch.security;

import io.subwatch.support.IntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;

/**
 * Brute force through the real form is slowed: after the free failures even the right password is refused until the
 * wait is over (the wait itself is covered on a moving clock in {@link LoginThrottleTest}).
 */
@IntegrationTest
class LoginThrottlingTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	SecurityFixtures fixtures;

	@Test
	void guessingOnePasswordIsSlowedDownEvenFromManyAddresses() throws Exception {
		UserAccount user = this.fixtures.user(Role.VIEWER, BizScope.ALL);
		for (int i = 0; i < 5; i++) {
			attempt(user.username(), "guess " + i, SecurityFixtures.address()).andExpect(redirectedUrl("/login?error"));
		}
		attempt(user.username(), SecurityFixtures.PASSWORD, SecurityFixtures.address())
			.andExpect(redirectedUrlPattern("/login?throttled=*"));
		this.mvc.perform(get("/login?throttled=2"))
			.andExpect(content().string(containsString("id=\"login-throttled\"")))
			.andExpect(content().string(containsString("2 seconds")));
		assertThat(SecurityFixtures.signIn(this.mvc, user.username(), SecurityFixtures.PASSWORD,
				SecurityFixtures.address())).isNull();
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
