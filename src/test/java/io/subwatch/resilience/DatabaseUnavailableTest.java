package io.subwatch.resilience;

import java.util.List;
import java.util.Map;

import io.subwatch.ingest.EventService;
import io.subwatch.subscription.SubscriptionDao;
import io.subwatch.support.Api;
import io.subwatch.support.IntegrationTest;
import io.subwatch.support.TestUsers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.context.bean.override.mockito.MockitoSpyBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.CannotCreateTransactionException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.BDDMockito.willThrow;
import static org.mockito.Mockito.reset;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/**
 * The answers while the database cannot be reached, in milliseconds (DatabaseOutageIT stops a real server): the API
 * says HTTP 503 with code 3800502 and Retry-After, a page is the friendly 503 page, never an unexpected error.
 */
@IntegrationTest
class DatabaseUnavailableTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	JsonMapper json;

	@MockitoSpyBean
	EventService events;

	@MockitoSpyBean
	SubscriptionDao subscriptions;

	@AfterEach
	void heal() {
		reset(this.events, this.subscriptions);
	}

	@Test
	void theApiAnswers503WithItsOwnCodeWhenNoConnectionCanBeHad() {
		willThrow(new CannotGetJdbcConnectionException("Failed to obtain JDBC Connection")).given(this.events)
			.apply(any(), any());
		Api api = new Api(this.mvc, this.json);
		JsonNode answer = api.post("/api/v1/events", Map.of("events", List.of()));
		assertThat(api.lastStatus).isEqualTo(503);
		assertThat(answer.get("result").asBoolean()).isFalse();
		assertThat(answer.get("code").asInt()).isEqualTo(3800502);
		assertThat(answer.get("message").asString()).contains("database cannot be reached", "retry");
	}

	@Test
	void aPageIsTheTryAgainPageWithStatus503() throws Exception {
		willThrow(new CannotCreateTransactionException("Could not open JDBC Connection for transaction"))
			.given(this.subscriptions)
			.findById(anyLong());
		MockHttpServletResponse page = this.mvc.perform(get("/subscriptions/1").with(TestUsers.admin()))
			.andReturn()
			.getResponse();
		assertThat(page.getStatus()).isEqualTo(503);
		assertThat(page.getContentAsString()).contains("id=\"error-503\"").doesNotContain("Exception");
	}

}
