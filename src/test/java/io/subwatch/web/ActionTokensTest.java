package io.subwatch.web;

import java.util.UUID;

import io.subwatch.support.IntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpSession;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A confirmation token acts once, even when its two submits are in flight together: with sessions in the database,
 * each request works on its own copy of the session (here: two session objects of one browser), so the claim that
 * decides is the database's.
 */
@IntegrationTest
class ActionTokensTest {

	@Autowired
	ActionTokenDao claims;

	@Test
	void theSecondOfTwoConcurrentSubmitsSeesTheFirstRunning() {
		String token = UUID.randomUUID().toString();
		MockHttpSession first = new MockHttpSession();
		MockHttpSession second = new MockHttpSession();
		assertThat(ActionTokens.claim(first, token, this.claims)).as("the first submit acts").isNull();
		ActionTokens.Outcome repeat = ActionTokens.claim(second, token, this.claims);
		assertThat(repeat).as("the second one does not").isNotNull();
		assertThat(repeat.redirect()).as("and is told the action is still running").isNull();

		// once the first finished, its own session shows the outcome again
		Flash done = Flash.ok("action.terminated", 2);
		ActionTokens.complete(first, token, "/subscriptions/1", done);
		assertThat(ActionTokens.claim(first, token, this.claims).redirect()).isEqualTo("/subscriptions/1");
	}

	@Test
	void aTokenIsClaimedOnceAndForeignLongTokensAreNotRecorded() {
		String token = UUID.randomUUID().toString();
		assertThat(this.claims.claim(token)).isTrue();
		assertThat(this.claims.claim(token)).isFalse();
		String tooLong = "x".repeat(ActionTokenDao.MAX_LENGTH + 1);
		assertThat(this.claims.claim(tooLong)).isTrue();
		assertThat(this.claims.claim(tooLong)).isTrue();
	}

}
