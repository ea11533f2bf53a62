package io.subwatch.system;

import io.subwatch.support.IntegrationTest;
import io.subwatch.support.TestUsers;
import jakarta.servlet.RequestDispatcher;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/**
 * The error page: asked for directly it does not exist (404, never "status 999"); where the container forwards an
 * API request's error it answers the envelope whatever the client accepts; pages keep their error pages.
 */
@IntegrationTest
class ErrorPagesTest {

	@Autowired
	MockMvc mvc;

	@Autowired
	JsonMapper json;

	@Test
	void errorAskedForDirectlyIsA404Page() throws Exception {
		MockHttpServletResponse page = this.mvc.perform(get("/error").with(TestUsers.admin()).accept("text/html"))
			.andReturn()
			.getResponse();
		assertThat(page.getStatus()).isEqualTo(404);
		assertThat(page.getContentAsString()).contains("id=\"error-404\"").doesNotContain("999");
		assertThat(page.getHeader("Content-Security-Policy")).contains("frame-ancestors 'none'");
		MockHttpServletResponse machine = this.mvc
			.perform(get("/error").with(TestUsers.admin()).accept("application/json"))
			.andReturn()
			.getResponse();
		assertThat(machine.getStatus()).isEqualTo(404);
		assertThat(machine.getContentAsString()).doesNotContain("999");
	}

	@ParameterizedTest
	@ValueSource(strings = { "text/html", "application/json", "image/png", "application/xml", "*/*" })
	void anApiRequestsErrorIsTheEnvelopeWhateverItAccepts(String accept) throws Exception {
		MockHttpServletResponse response = this.mvc
			.perform(get("/error").with(TestUsers.admin())
				.accept(accept)
				.requestAttr(RequestDispatcher.ERROR_STATUS_CODE, 415)
				.requestAttr(RequestDispatcher.ERROR_REQUEST_URI, "/backend/api/subscription/task_result/"))
			.andReturn()
			.getResponse();
		assertThat(response.getStatus()).isEqualTo(415);
		assertThat(response.getContentType()).startsWith("application/json");
		JsonNode body = this.json.readTree(response.getContentAsString());
		assertThat(body.get("result").asBoolean()).isFalse();
		assertThat(body.get("code").asInt()).isEqualTo(3800001);
		assertThat(body.get("message").asString())
			.isEqualTo("HTTP 415 Unsupported Media Type for /backend/api/subscription/task_result/; see docs/api.md"
					+ " for paths, methods and bodies（3800001）");
		assertThat(body.get("request_id").asString()).isNotBlank().isEqualTo(response.getHeader("X-Request-Id"));
	}

	@Test
	void anApiRequestsServerErrorIsTheUnexpectedEnvelope() throws Exception {
		MockHttpServletResponse response = this.mvc
			.perform(get("/error").with(TestUsers.admin())
				.requestAttr(RequestDispatcher.ERROR_STATUS_CODE, 500)
				.requestAttr(RequestDispatcher.ERROR_REQUEST_URI, "/api/v1/events"))
			.andReturn()
			.getResponse();
		assertThat(this.json.readTree(response.getContentAsString()).get("code").asInt()).isEqualTo(3800500);
	}

	@Test
	void aPagesErrorIsStillAPage() throws Exception {
		MockHttpServletResponse page = this.mvc
			.perform(get("/error").with(TestUsers.admin())
				.accept("text/html")
				.requestAttr(RequestDispatcher.ERROR_STATUS_CODE, 404)
				.requestAttr(RequestDispatcher.ERROR_REQUEST_URI, "/subscriptions/nothing"))
			.andReturn()
			.getResponse();
		assertThat(page.getStatus()).isEqualTo(404);
		assertThat(page.getContentAsString()).contains("id=\"error-404\"");
	}

}
