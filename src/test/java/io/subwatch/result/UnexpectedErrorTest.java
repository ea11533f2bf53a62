package io.subwatch.result;

import io.subwatch.support.Api;
import io.subwatch.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.BDDMockito.given;

/** A failure nobody planned for answers 3800500 with a request id, never a stack trace. */
@IntegrationTest
class UnexpectedErrorTest {

	@MockitoBean
	SelectionResolver resolver;

	@Autowired
	MockMvc mvc;

	@Autowired
	JsonMapper json;

	@Test
	void unexpectedErrorsAre3800500WithARequestIdAndNoStackTrace() {
		given(this.resolver.resolve(any(), any())).willThrow(new IllegalStateException("database on fire"));
		Api api = new Api(this.mvc, this.json);
		JsonNode response = api.get("/backend/api/subscription/task_result/?subscription_id=1");
		assertThat(api.lastStatus).isEqualTo(200);
		assertThat(response.get("code").asInt()).isEqualTo(3800500);
		assertThat(response.get("message").asString()).startsWith("unexpected error, request id ")
			.doesNotContain("database on fire");
		assertThat(response.toString()).doesNotContain("Exception");
	}

}
