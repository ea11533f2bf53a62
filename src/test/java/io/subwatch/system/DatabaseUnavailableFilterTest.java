package io.subwatch.system;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.transaction.CannotCreateTransactionException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A request that failed on an unreachable database answers 503 itself, before any error page needs the session. */
class DatabaseUnavailableFilterTest {

	final DatabaseUnavailableFilter filter = new DatabaseUnavailableFilter(JsonMapper.builder().build());

	@Test
	void anApiRequestGetsTheBusyEnvelope() throws Exception {
		MockHttpServletResponse response = new MockHttpServletResponse();
		this.filter.doFilter(new MockHttpServletRequest("POST", "/api/v1/events"), response, (request, ignored) -> {
			throw new CannotGetJdbcConnectionException("Failed to obtain JDBC Connection");
		});
		assertThat(response.getStatus()).isEqualTo(503);
		assertThat(response.getHeader("Retry-After")).isEqualTo("1");
		assertThat(response.getContentAsString()).contains("\"code\":3800503").contains("database unavailable");
	}

	@Test
	void aPageGetsAShortPageAskingToReload() throws Exception {
		MockHttpServletResponse response = new MockHttpServletResponse();
		this.filter.doFilter(new MockHttpServletRequest("GET", "/subscriptions/1"), response, (request, ignored) -> {
			throw new IllegalStateException("template failed",
					new CannotCreateTransactionException("Could not open JDBC Connection for transaction"));
		});
		assertThat(response.getStatus()).isEqualTo(503);
		assertThat(response.getContentType()).startsWith("text/html");
		assertThat(response.getContentAsString()).contains("Reload the page in a moment");
	}

	@Test
	void otherFailuresGoOnToTheErrorPage() {
		assertThatThrownBy(() -> this.filter.doFilter(new MockHttpServletRequest("GET", "/subscriptions/1"),
				new MockHttpServletResponse(), (request, ignored) -> {
					throw new IllegalStateException("a bug");
				}))
			.hasMessage("a bug");
	}

}
